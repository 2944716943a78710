package pcsh.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.session.Redactor;
import pcsh.support.LastFailure;
import pcsh.support.Transcript;

/**
 * Keeps every failure this process reports in {@code $PCSH_HOME} as {@link LastFailure}, with the
 * failed request and response and which process it was, so that {@code last-error} and {@code
 * support bundle} in a later one-shot run still show it. Keeping it never fails a command.
 */
final class LastFailureRecorder {

  private final Path home;
  private final ExchangeLog exchanges;
  private final Redactor redactor;
  private final Transcript transcript;
  private final ScriptMode script;
  private final String scriptFile;

  /**
   * @param scriptFile the {@code --file} of a script run, or empty (stdin)
   */
  LastFailureRecorder(
      Path home,
      ExchangeLog exchanges,
      Redactor redactor,
      Transcript transcript,
      ScriptMode script,
      String scriptFile) {
    this.home = home;
    this.exchanges = exchanges;
    this.redactor = redactor;
    this.transcript = transcript;
    this.script = script;
    this.scriptFile = scriptFile;
  }

  void record(ErrorReport report, Throwable cause) {
    try {
      new LastFailure(
              process(),
              ProcessHandle.current().pid(),
              Instant.now(),
              report.text(),
              LastFailure.exchangeOf(cause, exchanges).map(Exchange::full).orElse(null))
          .save(home, redactor);
    } catch (IOException | RuntimeException e) {
      // a help for later, never a reason for this command to fail
    }
  }

  private String process() {
    if (transcript.started()) return "interactive session " + transcript.id();
    if (script.active()) {
      return scriptFile.isEmpty()
          ? "script from standard input"
          : "script " + Path.of(scriptFile).getFileName();
    }
    return "one-shot run";
  }
}
