package pcsh.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.env.Environment;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.context.ShellContext;
import pcsh.api.ExchangeLog;
import pcsh.api.RetryPolicy;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Redactor;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.support.Transcript;
import pcsh.support.WireTrace;

/**
 * The troubleshooting parts: one exchange log fed by the client, heard by the wire trace (debug,
 * --show-request) and the transcript; the transcript also hears typed lines (the history), printed
 * results (a wrapper around Spring Shell's result handling) and every failure ({@link FailureLog}).
 */
@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

  /**
   * Global options stripped in main(): {@code ./pcsh --debug <command>}, {@code ./pcsh
   * --show-request ...}.
   */
  static final String DEBUG = "pcsh.debug";

  static final String SHOW_REQUEST = "pcsh.show-request";
  static final String READ_ATTEMPTS = Settings.READ_ATTEMPTS;

  @Bean
  Redactor redactor() {
    return Redactor.shared();
  }

  @Bean
  ExchangeLog exchangeLog() {
    return new ExchangeLog();
  }

  @Bean
  Transcript transcript(Settings settings, Redactor redactor, FailureLog failures, Ui ui) {
    Transcript t = new Transcript(settings.historyDir(), redactor);
    failures.listen(r -> t.error(r.text()));
    ui.transcribeStreamsTo(t::output);
    return t;
  }

  /** Every failure is also kept in $PCSH_HOME, for last-error and the bundle of a later run. */
  @Bean
  LastFailureRecorder lastFailureRecorder(
      Settings settings,
      ExchangeLog exchanges,
      Redactor redactor,
      Transcript transcript,
      ScriptMode script,
      FailureLog failures,
      Environment env) {
    LastFailureRecorder r =
        new LastFailureRecorder(
            settings.home(),
            exchanges,
            redactor,
            transcript,
            script,
            env.getProperty(ScriptRunner.FILE, ""));
    failures.listen(r::record);
    return r;
  }

  @Bean
  WireTrace wireTrace(
      ObjectProvider<ShellContext> context,
      ScriptMode script,
      Terminal terminal,
      Environment env,
      ExchangeLog log,
      Transcript transcript) {
    WireTrace trace =
        new WireTrace(
            text -> ErrorHandling.print(context, script, terminal, text),
            env.getProperty(DEBUG, Boolean.class, false),
            env.getProperty(SHOW_REQUEST, Boolean.class, false));
    log.listen(trace::exchange);
    log.listen(transcript::exchange);
    return trace;
  }

  @Bean
  RetryPolicy retryPolicy(Ui ui, Environment env) {
    int attempts = env.getProperty(READ_ATTEMPTS, Integer.class, 4);
    if (attempts < 1 || attempts > 10) {
      throw new Settings.InvalidSettingException(READ_ATTEMPTS, "" + attempts, "between 1 and 10");
    }
    return RetryPolicy.defaults().withSleeper(new RetryCountdown(ui)).withMaxAttempts(attempts);
  }

  @Bean
  SessionStart sessionStart(
      Transcript transcript,
      Settings settings,
      SessionHolder session,
      WriteJournal journal,
      Ui ui,
      QualificationWriter writer,
      pcsh.raw.ApiRequests api) {
    return new SessionStart(transcript, settings, session, journal, ui, writer, api);
  }

  /** What a command printed goes to the transcript as well as the terminal. */
  @Bean
  static BeanPostProcessor transcriptOfResults(ObjectProvider<Transcript> transcript) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
        if (!(bean instanceof ResultHandlerService delegate)) return bean;
        return new ResultHandlerService() {
          @Override
          public void handle(Object result) {
            record(result);
            delegate.handle(result);
          }

          @Override
          public void handle(Object result, TypeDescriptor type) {
            record(result);
            delegate.handle(result, type);
          }

          private void record(Object result) {
            if (result instanceof CharSequence text) {
              Transcript t = transcript.getIfAvailable();
              if (t != null) t.output(text.toString());
            }
          }
        };
      }
    };
  }
}
