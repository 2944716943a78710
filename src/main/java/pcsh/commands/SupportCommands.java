package pcsh.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
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

/**
 * Troubleshooting: the wire trace, the last error, session transcripts, the support bundle, the
 * write journal.
 */
@Command(group = "Support")
public class SupportCommands {

  private final WireTrace trace;
  private final ExchangeLog exchanges;
  private final FailureLog failures;
  private final Transcript transcript;
  private final WriteJournal journal;
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
      QualificationWriter writer) {
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
          "Print each request and response (method, URL, status, duration,"
              + " headers, bodies; secrets redacted): debug on, debug off. For one command: ./pcsh --debug <command>."
              + " Example: debug on")
  String debug(@Option(longNames = "state", description = "on or off") String state) {
    if (state != null) trace.debug(onOff(state, "debug"));
    return "Debug output is " + (trace.debug() ? "on" : "off") + ".";
  }

  @Command(
      command = "show-request",
      description =
          "Print each request as the equivalent curl command"
              + " (redacted): show-request on, show-request off. For one command: ./pcsh --show-request <command>."
              + " Example: show-request on")
  String showRequest(@Option(longNames = "state", description = "on or off") String state) {
    if (state != null) trace.showRequest(onOff(state, "show-request"));
    return "Showing requests as curl is " + (trace.showRequest() ? "on" : "off") + ".";
  }

  @Command(
      command = "last-error",
      description =
          "Show the last failure again: what failed, status, error code,"
              + " MS-CorrelationId, MS-RequestId, time; --verbose adds the full request and response (redacted)."
              + " Without a failure in this session, the last one of any pcsh run (kept in $PCSH_HOME), with which"
              + " run it was and when. Example: last-error --verbose")
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

  private Optional<Exchange> failedExchange() {
    return LastFailure.exchangeOf(failures.lastCause().orElse(null), exchanges);
  }

  @Command(
      command = "sessions list",
      description =
          "List the session transcripts in pcsh.history.dir, newest"
              + " first. Example: sessions list")
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
          "Print a session's transcript (redacted). Example:"
              + " sessions show 20261125-160102-1a2b")
  String sessionsShow(
      @Option(longNames = "id", description = "a session id from `sessions list`") String id) {
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
          "Write one redacted file to attach to a Partner Center"
              + " ticket: settings, the last error (of any pcsh run) with its request and response, recent requests"
              + " with their ids, the write journal and the session transcript (a one-shot run includes another"
              + " session's only with --id or --latest-session). Example: support bundle --latest-session")
  String bundle(
      @Option(
              longNames = "id",
              description = "session id (default: this interactive session, else none)")
          String id,
      @Option(
              longNames = "to",
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
            : Path.of(Inputs.cleanValue("--to", to));
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
          "List the write journal ($PCSH_HOME/journal.jsonl): every"
              + " qualification write, with the qualification before and after, its MS-RequestId and result. Writes left"
              + " without an outcome are first settled by reading the qualification back. Example: journal --limit 20")
  String journal(
      @Option(longNames = "limit", defaultValue = "20", description = "how many, newest last")
          int limit) {
    if (limit < 1 || limit > 10000) {
      throw Failure.usage("--limit " + limit + " is out of range.", "use 1 to 10000.");
    }
    StringBuilder b = new StringBuilder();
    if (!journal.pending().isEmpty()) {
      try {
        writer.reconcile().forEach(l -> b.append(l).append('\n'));
      } catch (RuntimeException e) {
        b.append("(Could not settle the writes without an outcome yet: ")
            .append(Text.oneLine(String.valueOf(e.getMessage())))
            .append(")\n");
      }
    }
    return b.append(JournalTable.text(journal, limit, ui.width())).toString().stripTrailing();
  }

  private static boolean onOff(String s, String command) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (v.equals("on") || v.equals("true")) return true;
    if (v.equals("off") || v.equals("false")) return false;
    throw Failure.usage(
        command + " takes on or off, not '" + Inputs.shown(s) + "'.",
        "run `" + command + " on` or `" + command + " off`.");
  }

  private static String size(Path f) {
    try {
      return Files.size(f) + " B";
    } catch (IOException e) {
      return "?";
    }
  }
}
