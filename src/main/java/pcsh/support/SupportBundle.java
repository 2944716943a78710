package pcsh.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pcsh.api.Exchange;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.qualification.WriteJournal;
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;
import pcsh.session.Session;
import pcsh.session.Settings;

/**
 * One redacted file to attach to a Partner Center ticket: pcsh's settings that matter, the last
 * error with its full request and response, the recent requests with their ids, the write journal
 * and a session transcript.
 */
public final class SupportBundle {

  /**
   * What goes in besides the settings and the journal: the last failure (this process's, else the
   * one an earlier process kept, named by {@code lastErrorOrigin}) and this process's requests.
   */
  public record Parts(
      String correlationId,
      Optional<String> lastError,
      Optional<String> lastErrorOrigin,
      Optional<String> failedExchange,
      List<Exchange> recent) {}

  private final Settings settings;
  private final WriteJournal journal;
  private final Redactor redactor;

  public SupportBundle(Settings settings, WriteJournal journal, Redactor redactor) {
    this.settings = settings;
    this.journal = journal;
    this.redactor = redactor;
  }

  /** The session a bundle is for, and its transcript; {@code missing} says why there is none. */
  public record Session(String id, Optional<Path> transcript, String missing) {}

  /**
   * {@code id} when given; else this session when it keeps a transcript (interactive); else, with
   * {@code latest}, the newest transcript in the history directory, whoever's it was; else none: a
   * one-shot run keeps no transcript and does not take someone else's unasked.
   */
  public Session session(String id, Transcript current, boolean latest) {
    Path dir = settings.historyDir();
    if (id != null) {
      Optional<Path> t = Transcript.find(dir, id);
      if (t.isEmpty()) {
        throw Failure.usage(
            "No session '" + Text.shown(id) + "' in " + dir + ".",
            "run `sessions list` for the ids.");
      }
      return new Session(id, t, null);
    }
    if (current.started()) return new Session(current.id(), Optional.of(current.file()), null);
    if (!latest) {
      return new Session(
          current.id(),
          Optional.empty(),
          "this run is not an interactive session, and no other session's transcript goes in"
              + " unless asked: --latest-session adds the newest, --id ID a given one");
    }
    List<String> ids = Transcript.ids(dir);
    if (ids.isEmpty()) {
      return new Session(
          current.id(),
          Optional.empty(),
          "(no transcript: " + dir + " has no session transcripts)");
    }
    return new Session(ids.get(0), Transcript.find(dir, ids.get(0)), null);
  }

  /** Writes the bundle to {@code out} (mode 0600), redacted. */
  public void write(Path out, Session session, Parts parts) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("pcsh support bundle\n===================\n");
    b.append("Written:         ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append('\n');
    b.append("Session:         ").append(session.id()).append('\n');
    b.append("Correlation id:  ").append(parts.correlationId()).append(" (this process)\n");
    b.append("Base URL:        ")
        .append(settings.embedded() ? "embedded" : settings.apiBaseUrl())
        .append('\n');
    b.append("Environment:     ").append(settings.environment()).append('\n');
    b.append("Timeouts:        connect ")
        .append(settings.connectTimeout().toMillis())
        .append(" ms, read ")
        .append(settings.readTimeout().toMillis())
        .append(" ms\n");
    b.append("Java:            ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(System.getProperty("os.name"))
        .append('\n');
    b.append("\nLast error\n----------\n");
    parts.lastErrorOrigin().ifPresent(o -> b.append("(from ").append(o).append(")\n"));
    b.append(parts.lastError().map(String::stripTrailing).orElse("(none)")).append('\n');
    parts.failedExchange().ifPresent(e -> b.append('\n').append(e));
    b.append("\nRecent requests in this process\n-------------------------------\n");
    if (parts.recent().isEmpty()) b.append("(none)\n");
    parts
        .recent()
        .forEach(
            e ->
                b.append(e.time().truncatedTo(ChronoUnit.MILLIS))
                    .append(' ')
                    .append(e.summary())
                    .append('\n'));
    b.append("\nWrite journal (")
        .append(journal.file())
        .append(")\n-------------\n")
        .append(JournalTable.text(journal, 50, 0))
        .append('\n');
    b.append("\nTranscript\n----------\n");
    b.append(
            session
                .transcript()
                .map(p -> String.join("\n", lines(p)))
                .orElse(
                    "(no transcript"
                        + (session.missing() == null
                            ? " for this session"
                            : ": " + session.missing())
                        + ")"))
        .append('\n');
    PrivateFile.write(out, redactor.text(b.toString()));
  }

  public static List<String> lines(Path f) {
    try {
      return Files.readAllLines(f);
    } catch (IOException e) {
      return List.of();
    }
  }
}
