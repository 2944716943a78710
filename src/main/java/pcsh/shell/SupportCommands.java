package pcsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterException;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.WriteJournal;

/** Troubleshooting: the wire trace, the last error, session transcripts, the support bundle, the write journal. */
@Command(group = "Support")
public class SupportCommands {

  private final WireTrace trace;
  private final ExchangeLog exchanges;
  private final Failures failures;
  private final Transcript transcript;
  private final WriteJournal journal;
  private final Settings settings;
  private final SessionHolder session;
  private final Ui ui;
  private final Redactor redactor;
  private final ObjectProvider<QualificationCommands> qualification;

  SupportCommands(WireTrace trace, ExchangeLog exchanges, Failures failures, Transcript transcript,
      WriteJournal journal, Settings settings, SessionHolder session, Ui ui, Redactor redactor,
      ObjectProvider<QualificationCommands> qualification) {
    this.trace = trace;
    this.exchanges = exchanges;
    this.failures = failures;
    this.transcript = transcript;
    this.journal = journal;
    this.settings = settings;
    this.session = session;
    this.ui = ui;
    this.redactor = redactor;
    this.qualification = qualification;
  }

  @Command(command = "debug", description = "Print each request and response (method, URL, status, duration,"
      + " headers, bodies; secrets redacted): debug on, debug off. For one command: ./pcsh --debug <command>."
      + " Example: debug on")
  String debug(@Option(longNames = "state", description = "on or off") String state) {
    if (state != null) trace.debug(onOff(state, "debug"));
    return "Debug output is " + (trace.debug() ? "on" : "off") + ".";
  }

  @Command(command = "show-request", description = "Print each request as the equivalent curl command"
      + " (redacted): show-request on, show-request off. For one command: ./pcsh --show-request <command>."
      + " Example: show-request on")
  String showRequest(@Option(longNames = "state", description = "on or off") String state) {
    if (state != null) trace.showRequest(onOff(state, "show-request"));
    return "Showing requests as curl is " + (trace.showRequest() ? "on" : "off") + ".";
  }

  @Command(command = "last-error", description = "Show the last failure again: what failed, status, error code,"
      + " MS-CorrelationId, MS-RequestId, time; --verbose adds the full request and response (redacted)."
      + " Example: last-error --verbose")
  String lastError(@Option(longNames = "verbose", shortNames = 'v', description = "add the full request and"
      + " response") boolean verbose) {
    Optional<ErrorReport> last = failures.last();
    if (last.isEmpty()) return "No failure in this session.";
    StringBuilder b = new StringBuilder(last.get().text().stripTrailing());
    if (verbose) {
      Optional<Exchange> wire = failedExchange();
      b.append("\n\n").append(wire.map(e -> "Request and response (secrets redacted):\n" + e.full().stripTrailing())
          .orElse("(No request was sent for this failure.)"));
    }
    return redactor.text(b.toString());
  }

  private Optional<Exchange> failedExchange() {
    for (Throwable t = failures.lastCause().orElse(null); t != null; t = t.getCause()) {
      if (t instanceof PartnerCenterException p) return exchanges.byRequestId(p.requestId());
    }
    return failures.lastCause().isPresent() ? exchanges.lastFailed() : Optional.empty();
  }

  @Command(command = "sessions list", description = "List the session transcripts in pcsh.history.dir, newest"
      + " first. Example: sessions list")
  String sessionsList() {
    List<String> ids = Transcript.ids(settings.historyDir());
    if (ids.isEmpty()) return "No session transcripts in " + settings.historyDir() + ".";
    Table t = new Table(List.of("SESSION", "COMMANDS", "ERRORS", "SIZE"));
    for (String id : ids) {
      Path f = Transcript.file(settings.historyDir(), id);
      List<String> lines = lines(f);
      t.row(id + (id.equals(transcript.id()) ? " (this one)" : ""),
          Long.toString(lines.stream().filter(l -> l.matches("\\S+ > .*")).count()),
          Long.toString(lines.stream().filter(l -> l.matches("\\S+ ! error")).count()),
          size(f));
    }
    return t.render(ui.width());
  }

  @Command(command = "sessions show", description = "Print a session's transcript (redacted). Example:"
      + " sessions show 20261125-160102-1a2b")
  String sessionsShow(@Option(longNames = "id", description = "a session id from `sessions list`") String id) {
    String wanted = id == null ? transcript.id() : Inputs.cleanValue("--id", id);
    Path f = Transcript.find(settings.historyDir(), wanted).orElseThrow(() -> PcshException.usage(
        "No session '" + Inputs.shown(wanted) + "' in " + settings.historyDir() + ".",
        "run `sessions list` for the ids."));
    return ui.page(redactor.text(String.join("\n", lines(f))), "session " + wanted);
  }

  @Command(command = "support bundle", description = "Write one redacted file to attach to a Partner Center"
      + " ticket: settings, the last error with its request and response, recent requests with their ids, the"
      + " write journal and the session transcript. Example: support bundle")
  String bundle(@Option(longNames = "id", description = "session id (default: this session, else the latest)")
      String id, @Option(longNames = "to", description = "file to write (default: pcsh-support-<id>.txt in the"
          + " current directory)") String to) throws IOException {
    String sid = id == null ? null : Inputs.cleanValue("--id", id);
    Optional<Path> t;
    if (sid != null) {
      t = Transcript.find(settings.historyDir(), sid);
      if (t.isEmpty()) {
        throw PcshException.usage("No session '" + Inputs.shown(sid) + "' in " + settings.historyDir() + ".",
            "run `sessions list` for the ids.");
      }
    } else if (transcript.started()) {
      sid = transcript.id();
      t = Optional.of(transcript.file());
    } else {
      List<String> ids = Transcript.ids(settings.historyDir());
      sid = ids.isEmpty() ? transcript.id() : ids.get(0);
      t = Transcript.find(settings.historyDir(), sid);
    }
    StringBuilder b = new StringBuilder();
    b.append("pcsh support bundle\n===================\n");
    b.append("Written:         ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
    b.append("Session:         ").append(sid).append('\n');
    b.append("Correlation id:  ").append(session.get().correlationId()).append(" (this process)\n");
    b.append("Base URL:        ").append(settings.embedded() ? "embedded" : settings.apiBaseUrl()).append('\n');
    b.append("Environment:     ").append(settings.environment()).append('\n');
    b.append("Timeouts:        connect ").append(settings.connectTimeout().toMillis()).append(" ms, read ")
        .append(settings.readTimeout().toMillis()).append(" ms\n");
    b.append("Java:            ").append(System.getProperty("java.version")).append(", ")
        .append(System.getProperty("os.name")).append('\n');
    b.append("\nLast error in this process\n--------------------------\n");
    b.append(failures.last().map(r -> r.text().stripTrailing()).orElse("(none)")).append('\n');
    failedExchange().ifPresent(e -> b.append('\n').append(e.full()));
    b.append("\nRecent requests in this process\n-------------------------------\n");
    List<Exchange> recent = exchanges.recent();
    if (recent.isEmpty()) b.append("(none)\n");
    recent.forEach(e -> b.append(e.time().truncatedTo(ChronoUnit.MILLIS)).append(' ').append(e.summary())
        .append('\n'));
    b.append("\nWrite journal (").append(journal.file()).append(")\n-------------\n").append(journalText(50))
        .append('\n');
    b.append("\nTranscript\n----------\n");
    b.append(t.map(p -> String.join("\n", lines(p))).orElse("(no transcript for this session)")).append('\n');
    Path out = to == null ? Path.of("pcsh-support-" + sid + ".txt") : Path.of(Inputs.cleanValue("--to", to));
    PrivateFile.write(out, redactor.text(b.toString()));
    return "Wrote " + out.toAbsolutePath() + " (redacted, mode 0600): attach it to the support ticket.";
  }

  @Command(command = "journal", description = "List the write journal ($PCSH_HOME/journal.jsonl): every"
      + " qualification write, with the qualification before and after, its MS-RequestId and result. Writes left"
      + " without an outcome are first settled by reading the qualification back. Example: journal --limit 20")
  String journal(@Option(longNames = "limit", defaultValue = "20", description = "how many, newest last")
      int limit) {
    if (limit < 1 || limit > 10000) {
      throw PcshException.usage("--limit " + limit + " is out of range.", "use 1 to 10000.");
    }
    StringBuilder b = new StringBuilder();
    if (!journal.pending().isEmpty()) {
      QualificationCommands q = qualification.getIfAvailable();
      if (q != null) {
        try {
          q.reconcile().forEach(l -> b.append(l).append('\n'));
        } catch (RuntimeException e) {
          b.append("(Could not settle the writes without an outcome yet: ").append(Text.oneLine(
              String.valueOf(e.getMessage()))).append(")\n");
        }
      }
    }
    return b.append(journalText(limit)).toString().stripTrailing();
  }

  private String journalText(int limit) {
    List<WriteJournal.Entry> all;
    try {
      all = journal.entries();
    } catch (RuntimeException e) {
      return "(the journal could not be read: " + e.getMessage() + ")";
    }
    if (all.isEmpty()) return "No qualification writes recorded in " + journal.file() + ".";
    List<WriteJournal.Entry> shown = all.subList(Math.max(0, all.size() - limit), all.size());
    Table t = new Table(List.of("TIME (UTC)", "CUSTOMER", "CHANGE", "BEFORE", "AFTER", "RESULT", "MS-REQUESTID"));
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    for (WriteJournal.Entry e : shown) {
      t.row(f.format(e.time()), e.customerId(), e.change(), e.before(), e.after() == null ? "" : e.after(),
          e.pending() ? "PENDING (no outcome yet)" : e.result(), e.requestId());
    }
    return t.render(ui.width());
  }

  private static boolean onOff(String s, String command) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (v.equals("on") || v.equals("true")) return true;
    if (v.equals("off") || v.equals("false")) return false;
    throw PcshException.usage(command + " takes on or off, not '" + Inputs.shown(s) + "'.",
        "run `" + command + " on` or `" + command + " off`.");
  }

  private static List<String> lines(Path f) {
    try {
      return Files.readAllLines(f);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String size(Path f) {
    try {
      return Files.size(f) + " B";
    } catch (IOException e) {
      return "?";
    }
  }
}
