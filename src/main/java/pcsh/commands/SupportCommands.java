package pcsh.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.context.InteractionMode;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.raw.ApiRequests;
import pcsh.session.Redactor;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.ErrorReport;
import pcsh.shell.FailureLog;
import pcsh.shell.Ui;
import pcsh.support.JournalTable;
import pcsh.support.LastFailure;
import pcsh.support.SupportBundle;
import pcsh.support.Transcript;
import pcsh.support.WireTrace;
import pcsh.values.Values;

/**
 * Troubleshooting: the wire trace, the last error, session transcripts, the support bundle, the
 * write journal. (Past 300 lines because each command's description is its help page, and these
 * small commands share the support state.)
 */
@Command(group = "Support")
public class SupportCommands {

  private final WireTrace trace;
  private final ExchangeLog exchanges;
  private final FailureLog failures;
  private final Transcript transcript;
  private final WriteJournal journal;
  private final ApiRequests api;
  private final Settings settings;
  private final SessionHolder session;
  private final Ui ui;
  private final Redactor redactor;
  private final QualificationWriter writer;
  private final SupportBundle bundle;

  SupportCommands(
      WireTrace trace,
      ExchangeLog exchanges,
      FailureLog failures,
      Transcript transcript,
      WriteJournal journal,
      Settings settings,
      SessionHolder session,
      Ui ui,
      Redactor redactor,
      QualificationWriter writer,
      ApiRequests api) {
    this.api = api;
    this.trace = trace;
    this.exchanges = exchanges;
    this.failures = failures;
    this.transcript = transcript;
    this.journal = journal;
    this.settings = settings;
    this.session = session;
    this.ui = ui;
    this.redactor = redactor;
    this.writer = writer;
    this.bundle = new SupportBundle(settings, journal, redactor);
  }

  @Command(
      command = "debug",
      description =
          """
          Print each request and response, redacted: debug on, debug off.
          Method, URL, status, duration, headers and bodies, with secrets redacted. For one \
          command from your shell: ./pcsh --debug <command>.
          Example: debug on
          See also: show-request, last-error""")
  String debug(
      @Option(longNames = "state", label = "ON|OFF", description = "on or off")
          @OptionValues(provider = "onOff")
          String state) {
    if (state != null) trace.debug(Values.onOff("debug", state));
    return "Debug output is " + (trace.debug() ? "on" : "off") + ".";
  }

  @Command(
      command = "show-request",
      description =
          """
          Print each request as the equivalent curl command, redacted.
          The token appears as $PCSH_ACCESS_TOKEN, never its value. With a write, combine it with \
          --dry-run to see the request without sending it. For one command from your shell: \
          ./pcsh --show-request <command>.
          Example: show-request on
          See also: debug""")
  String showRequest(
      @Option(longNames = "state", label = "ON|OFF", description = "on or off")
          @OptionValues(provider = "onOff")
          String state) {
    if (state != null) trace.showRequest(Values.onOff("show-request", state));
    return "Showing requests as curl is " + (trace.showRequest() ? "on" : "off") + ".";
  }

  @Command(
      command = "last-error",
      description =
          """
          Show the last failure again.
          What failed, the status, Partner Center's error code, the MS-CorrelationId and \
          MS-RequestId and the time; --verbose adds the full request and response, redacted. \
          Without a failure in this session, the last one of any pcsh run (kept in $PCSH_HOME), \
          with which run it was and when.
          Example: last-error --verbose
          See also: support bundle, debug""")
  String lastError(
      @Option(
              longNames = "verbose",
              shortNames = 'v',
              description = "add the full request and" + " response")
          boolean verbose) {
    Optional<ErrorReport> last = failures.last();
    Optional<LastFailure> kept =
        last.isPresent() ? Optional.empty() : LastFailure.load(settings.home());
    if (last.isEmpty() && kept.isEmpty()) {
      return "No failure in this session, and none kept from an earlier pcsh run ("
          + LastFailure.file(settings.home())
          + ").";
    }
    StringBuilder b = new StringBuilder();
    kept.ifPresent(k -> b.append("Last failure, in an earlier ").append(k.origin()).append(":\n"));
    b.append(last.map(ErrorReport::text).orElseGet(() -> kept.get().report()).stripTrailing());
    if (verbose) {
      Optional<String> wire =
          last.isPresent() ? failedExchange().map(Exchange::full) : kept.get().exchangeText();
      b.append("\n\n")
          .append(
              wire.map(e -> "Request and response (secrets redacted):\n" + e.stripTrailing())
                  .orElse("(No request was sent for this failure.)"));
    }
    return redactor.text(b.toString());
  }

  @Command(
      command = "stacktrace",
      interactionMode = InteractionMode.INTERACTIVE,
      description =
          """
          Print the Java stack trace of this session's last failure, redacted.
          For a bug report about pcsh itself; a failure from the service is better described by \
          last-error --verbose, which support asks for.
          Example: stacktrace
          See also: last-error""")
  String stacktrace() {
    if (failures.last().isEmpty()) {
      return "No failure in this session. `last-error` shows the last one of any pcsh run.";
    }
    Optional<Throwable> cause = failures.lastCause();
    if (cause.isEmpty()) {
      return "The last failure was pcsh's own refusal, with no stack trace: `last-error` shows it.";
    }
    java.io.StringWriter out = new java.io.StringWriter();
    cause.get().printStackTrace(new java.io.PrintWriter(out));
    return redactor.text(out.toString().stripTrailing());
  }

  private Optional<Exchange> failedExchange() {
    return LastFailure.exchangeOf(failures.lastCause().orElse(null), exchanges);
  }

  @Command(
      command = "sessions list",
      description =
          """
          List the session transcripts in pcsh.history.dir, newest first.
          Example: sessions list
          See also: sessions show, support bundle""")
  String sessionsList() {
    List<String> ids = Transcript.ids(settings.historyDir());
    if (ids.isEmpty()) return "No session transcripts in " + settings.historyDir() + ".";
    Table t = new Table(List.of("SESSION", "COMMANDS", "ERRORS", "SIZE"));
    for (String id : ids) {
      Path f = Transcript.file(settings.historyDir(), id);
      List<String> lines = SupportBundle.lines(f);
      t.row(
          id + (id.equals(transcript.id()) ? " (this one)" : ""),
          Long.toString(lines.stream().filter(l -> l.matches("\\S+ > .*")).count()),
          Long.toString(lines.stream().filter(l -> l.matches("\\S+ ! error")).count()),
          size(f));
    }
    return t.render(ui.width());
  }

  @Command(
      command = "sessions show",
      description =
          """
          Print a session's transcript, redacted (default: this session).
          Example: sessions show
          Example: sessions show 20261125-160102-1a2b
          See also: sessions list""")
  String sessionsShow(
      @Option(
              longNames = "id",
              label = "SESSION",
              description = "a session id from `sessions list`")
          String id) {
    String wanted = id == null ? transcript.id() : Inputs.cleanValue("--id", id);
    Path f =
        Transcript.find(settings.historyDir(), wanted)
            .orElseThrow(
                () ->
                    Failure.usage(
                        "No session '"
                            + Inputs.shown(wanted)
                            + "' in "
                            + settings.historyDir()
                            + ".",
                        "run `sessions list` for the ids."));
    return ui.page(redactor.text(String.join("\n", SupportBundle.lines(f))), "session " + wanted);
  }

  @Command(
      command = "support bundle",
      description =
          """
          Write one redacted file to attach to a Partner Center ticket.
          It holds the settings that matter, the last error (of any pcsh run) with its request and \
          response, the recent requests with their ids, the write journal and the session \
          transcript (mode 0600); a one-shot run includes another session's transcript only with \
          --id or --latest-session.
          Example: support bundle
          Example: support bundle --latest-session --to ticket-1234.txt
          See also: last-error, sessions list""")
  String bundle(
      @Option(
              longNames = "id",
              label = "SESSION",
              description = "session id (default: this interactive session, else none)")
          String id,
      @Option(
              longNames = "to",
              label = "FILE",
              description =
                  "file to write (default: pcsh-support-<id>.txt in the" + " current directory)")
          String to,
      @Option(
              longNames = "latest-session",
              description = "include the newest session transcript when this run keeps none")
          boolean latestSession)
      throws IOException {
    SupportBundle.Session target =
        bundle.session(
            id == null ? null : Inputs.cleanValue("--id", id), transcript, latestSession);
    Path out =
        to == null
            ? Path.of("pcsh-support-" + target.id() + ".txt")
            : Values.fileToWrite("--to", to);
    Optional<ErrorReport> last = failures.last();
    Optional<LastFailure> kept =
        last.isPresent() ? Optional.empty() : LastFailure.load(settings.home());
    bundle.write(
        out,
        target,
        new SupportBundle.Parts(
            session.get().correlationId(),
            last.map(ErrorReport::text).or(() -> kept.map(LastFailure::report)),
            kept.map(LastFailure::origin),
            last.isPresent()
                ? failedExchange().map(Exchange::full)
                : kept.flatMap(LastFailure::exchangeText),
            exchanges.recent()));
    return "Wrote "
        + out.toAbsolutePath()
        + " (redacted, mode 0600): attach it to the support ticket."
        + (target.transcript().isEmpty()
            ? "\nNo session transcript in it: " + target.missing() + "."
            : "");
  }

  /** {@code support bundle} as typed without --latest-session. */
  String bundle(String id, String to) throws IOException {
    return bundle(id, to, false);
  }

  @Command(
      command = "journal",
      description =
          """
          List the write journal ($PCSH_HOME/journal.jsonl).
          Every qualification write, with the qualification before and after, its MS-RequestId \
          and result, and every write sent with `api` (its method and path, and "unknown \
          outcome" when its answer was lost on a path pcsh cannot read back). Writes left \
          without an outcome are first settled by reading them back.
          Example: journal --limit 20
          See also: qualification show, api, support bundle""")
  String journal(
      @Option(
              longNames = "limit",
              label = "N",
              defaultValue = "20",
              description = "how many, newest last, 1 to 10000")
          String limitOption) {
    int limit = Values.integer("--limit", limitOption, 1, 10000);
    StringBuilder b = new StringBuilder();
    if (!journal.pending().isEmpty()) {
      try {
        writer.reconcile().forEach(l -> b.append(l).append('\n'));
        if (api.unsettled()) api.settle().forEach(l -> b.append(l).append('\n'));
      } catch (RuntimeException e) {
        b.append("(Could not settle the writes without an outcome yet: ")
            .append(Text.oneLine(String.valueOf(e.getMessage())))
            .append(")\n");
      }
    }
    return b.append(JournalTable.text(journal, limit, ui.width())).toString().stripTrailing();
  }

  private static String size(Path f) {
    try {
      return Files.size(f) + " B";
    } catch (IOException e) {
      return "?";
    }
  }
}
