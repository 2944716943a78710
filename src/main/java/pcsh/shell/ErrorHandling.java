package pcsh.shell;

import java.io.PrintStream;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.shell.CommandNotCurrentlyAvailable;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.ResultHandler;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeExceptionProvider;
import org.springframework.shell.result.CommandNotFoundMessageProvider;

/**
 * Hooks {@link ErrorReport} into Spring Shell. In the interactive shell the report is printed in
 * the session; in a one-shot run or a script it goes to stderr, so stdout carries only data. Every
 * report is recorded in {@link FailureLog}, and its exit code is the process's.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandling {

  /**
   * Ahead of Spring Shell's own parser-error resolver (-100), which prints red text and no next
   * step.
   */
  @Bean
  @Order(-200)
  CommandExceptionResolver pcshErrors(
      ObjectProvider<ShellContext> context, FailureLog failures, ScriptMode script) {
    return e -> {
      ErrorReport r = ErrorReport.of(e);
      failures.record(r, e);
      if (toStderr(context, script)) {
        stderr().print(r.text());
        stderr().flush();
        return CommandHandlingResult.of(null, r.exitCode().code());
      }
      return CommandHandlingResult.of(r.text(), r.exitCode().code());
    };
  }

  @Bean
  CommandNotFoundMessageProvider commandNotFoundMessage(
      ObjectProvider<ShellContext> context, FailureLog failures, ScriptMode script) {
    return c -> {
      ErrorReport r = ErrorReport.commandNotFound(c.commands());
      failures.record(r);
      if (toStderr(context, script)) {
        stderr().print(r.text());
        stderr().flush();
        return "";
      }
      return r.text().stripTrailing();
    };
  }

  /** A command that exists but is unavailable (read-only mode) is a usage error with the reason. */
  @Bean
  UnavailableCommand unavailableCommand(
      ObjectProvider<ShellContext> context,
      FailureLog failures,
      ScriptMode script,
      Terminal terminal) {
    return new UnavailableCommand(context, failures, script, terminal);
  }

  /** A named class, so Spring Shell can read the result type it handles. */
  static final class UnavailableCommand implements ResultHandler<CommandNotCurrentlyAvailable> {
    private final ObjectProvider<ShellContext> context;
    private final FailureLog failures;
    private final ScriptMode script;
    private final Terminal terminal;

    UnavailableCommand(
        ObjectProvider<ShellContext> context,
        FailureLog failures,
        ScriptMode script,
        Terminal terminal) {
      this.context = context;
      this.failures = failures;
      this.script = script;
      this.terminal = terminal;
    }

    @Override
    public void handleResult(CommandNotCurrentlyAvailable e) {
      ErrorReport r = ErrorReport.of(e);
      failures.record(r);
      if (toStderr(context, script)) {
        stderr().print(r.text());
        stderr().flush();
      } else {
        terminal.writer().print(r.text());
        terminal.writer().flush();
      }
    }
  }

  /**
   * What Spring Shell throws in a one-shot run after a command's failure was reported (by {@link
   * #pcshErrors}): only the exit code, which {@link OneShotRunner} takes from {@link FailureLog}.
   */
  @Bean
  ExitCodeExceptionProvider reportedFailures() {
    return (e, code) -> new Reported(code);
  }

  /** A failure already reported to the user; it carries only its exit code. */
  static final class Reported extends RuntimeException implements ExitCodeGenerator {
    private final int code;

    Reported(int code) {
      super("reported, exit code " + code, null, false, false);
      this.code = code;
    }

    @Override
    public int getExitCode() {
      return code;
    }
  }

  /**
   * One-shot runs end with the report's exit code, not Spring Boot's 1, for failures Spring Shell
   * throws.
   */
  @Bean
  ExitCodeExceptionMapper shellFailureExitCodes() {
    return e -> {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof CommandNotFound || t instanceof CommandNotCurrentlyAvailable)
          return ExitCode.USAGE.code();
      }
      return 0;
    };
  }

  static boolean toStderr(ObjectProvider<ShellContext> context, ScriptMode script) {
    ShellContext c = context.getIfAvailable();
    return script.active()
        || (c != null && c.getInteractionMode() == InteractionMode.NONINTERACTIVE);
  }

  /**
   * Prints what is not a command's result (debug output, notices): on the terminal in the
   * interactive shell, on stderr in a one-shot run or a script, so stdout carries only data.
   */
  static void print(
      ObjectProvider<ShellContext> context, ScriptMode script, Terminal terminal, String text) {
    if (toStderr(context, script) || terminal == null) {
      stderr().print(text);
      stderr().flush();
    } else {
      terminal.writer().print(text);
      terminal.writer().flush();
    }
  }

  private static PrintStream stderr() {
    return System.err;
  }
}
