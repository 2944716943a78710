package pcsh.qualification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pcsh.failure.Failure;
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;
import pcsh.session.Settings;

/**
 * The write journal ({@code $PCSH_HOME/journal.jsonl}, 0600): one JSON line per event. Before a
 * qualification write (or a write sent with {@code api}, whose intent says {@code "source": "api"}
 * and holds its method, path and body) is sent, an {@code intent} line (customer, change,
 * qualification before, MS-RequestId, and the pid and start time of the pcsh process sending it) is
 * appended and forced to disk; after, an {@code outcome} line with the same request id (result,
 * qualification after). An intent with no outcome means pcsh stopped in between, or is still at it;
 * {@link #pending()} finds those whose process is gone, and those whose outcome is UNKNOWN, for
 * reconciliation. An intent also names the pcsh session and its MS-CorrelationId when the journal
 * knows them, so `qualification history` can tell pcsh's own writes in the audit log.
 *
 * <p>Several pcsh processes may share one journal: each line is appended whole under the file's
 * lock ({@link PrivateFile#append}), and reading takes no lock (a line still being written is
 * skipped as torn), so commands that only read the journal never wait. (Past 300 lines: the two
 * kinds of write share one file, its lock, its lines and their reading.)
 */
public final class WriteJournal {

  /** How a write ended. */
  public enum Result {
    APPLIED,
    FAILED,
    APPLIED_AFTER_NO_ANSWER,
    NOT_APPLIED_AFTER_NO_ANSWER,
    UNKNOWN,
    RECONCILED_APPLIED,
    RECONCILED_NOT_APPLIED,
    /**
     * A write sent with {@code api} whose answer was lost to a path pcsh cannot read back (or whose
     * read-back could not tell): final, as nothing can settle it; `journal` says "unknown outcome".
     */
    UNKNOWN_OUTCOME
  }

  /**
   * A write sent with {@code api}: its method, path (secrets in its query redacted), whether it
   * went to Microsoft Graph, and its body as sent (redacted, cut at {@value #MAX_BODY} characters;
   * null when none or too long), which is what a read-back compares.
   */
  public record ApiWrite(String method, String path, boolean graph, String body) {}

  /** The longest body an {@code api} write's intent keeps. */
  static final int MAX_BODY = 4096;

  /** One write, with its outcome when there is one. */
  public record Entry(
      String requestId,
      Instant time,
      String customerId,
      String change,
      String before,
      String after,
      String result,
      String detail,
      Instant outcomeTime,
      String session,
      String correlationId,
      Long pid,
      Instant pidStart,
      ApiWrite api) {
    public boolean pending() {
      return result == null;
    }

    /** Sent with {@code api}, not a qualification write. */
    public boolean raw() {
      return api != null;
    }

    /**
     * No outcome yet, and the pcsh process that sent it is still running: it is that process's to
     * settle, so reconciliation leaves it alone. Compared with the process's start time too, so a
     * reused pid does not count.
     */
    public boolean inFlightElsewhere() {
      if (!pending() || pid == null || pid == SELF.pid()) return false;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .map(p -> pidStart == null || p.info().startInstant().map(pidStart::equals).orElse(true))
          .orElse(false);
    }
  }

  private static final ProcessHandle SELF = ProcessHandle.current();
  private static final String SELF_START =
      SELF.info().startInstant().map(Instant::toString).orElse(null);

  /** Made for the first journal line, not when the shell starts. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path file;
  private final String session;
  private final Supplier<String> correlationId;

  public WriteJournal(Path file) {
    this(file, null, () -> null);
  }

  private WriteJournal(Path file, String session, Supplier<String> correlationId) {
    this.file = file;
    this.session = session;
    this.correlationId = correlationId;
  }

  /** The same journal, its intents naming this pcsh session and its MS-CorrelationId. */
  public WriteJournal forSession(String session, Supplier<String> correlationId) {
    return new WriteJournal(file, session, correlationId);
  }

  public static WriteJournal in(Settings settings) {
    return new WriteJournal(settings.home().resolve("journal.jsonl"));
  }

  public Path file() {
    return file;
  }

  /** Appended and forced to disk before the write is sent. */
  public synchronized void intent(
      String requestId, String customerId, String change, String before) {
    ObjectNode n =
        Json.MAPPER
            .createObjectNode()
            .put("event", "intent")
            .put("time", Instant.now().toString())
            .put("requestId", requestId)
            .put("customerId", customerId)
            .put("change", change)
            .put("before", before)
            .put("pid", SELF.pid())
            .put("pidStart", SELF_START);
    if (session != null) n.put("session", session);
    String correlation = correlationId.get();
    if (correlation != null) n.put("correlationId", correlation);
    append(n, "so the write was NOT sent: pcsh never sends a write it cannot journal.");
  }

  /**
   * An {@code api} write's intent, appended and forced to disk before it is sent, as a
   * qualification write's is.
   *
   * @param customerId the customer its path names, or null
   */
  public synchronized void intent(String requestId, String customerId, ApiWrite write) {
    Redactor r = Redactor.shared();
    String path = r.url(write.path());
    String body = write.body() == null ? null : r.text(write.body());
    ObjectNode n =
        Json.MAPPER
            .createObjectNode()
            .put("event", "intent")
            .put("source", "api")
            .put("time", Instant.now().toString())
            .put("requestId", requestId)
            .put("customerId", customerId)
            .put("change", "api " + write.method() + " " + path)
            .put("method", write.method())
            .put("path", path)
            .put("graph", write.graph())
            .put("body", body == null || body.length() > MAX_BODY ? null : body)
            .put("pid", SELF.pid())
            .put("pidStart", SELF_START);
    if (session != null) n.put("session", session);
    String correlation = correlationId.get();
    if (correlation != null) n.put("correlationId", correlation);
    append(n, "so the write was NOT sent: pcsh never sends a write it cannot journal.");
  }

  public synchronized void outcome(String requestId, Result result, String after, String detail) {
    ObjectNode n =
        Json.MAPPER
            .createObjectNode()
            .put("event", "outcome")
            .put("time", Instant.now().toString())
            .put("requestId", requestId)
            .put("result", result.name())
            .put("after", after)
            .put("detail", detail == null ? null : Redactor.shared().text(detail));
    append(
        n,
        "so the outcome of the write "
            + requestId
            + " is not recorded; it is settled by reading the qualification back the next time"
            + " (`journal`).");
  }

  /** One whole line, or a failure that says what it means for the write. */
  private void append(ObjectNode n, String consequence) {
    try {
      PrivateFile.append(file, n.toString() + "\n", true);
    } catch (IOException | RuntimeException e) {
      throw Failure.failed(
          "The write journal "
              + file
              + " could not be written ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "), "
              + consequence,
          "free space on that disk, or make the file writable (or set PCSH_HOME elsewhere), then"
              + " run the command again.");
    }
  }

  /** Every write, oldest first, each joined with its outcome. */
  public synchronized List<Entry> entries() {
    Map<String, Entry> byId = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) return List.of();
    String text;
    try {
      // bytes, not lines: a line torn inside a character must not make the whole file unreadable
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not read the journal " + file + ": " + e.getMessage(), e);
    }
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) continue;
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(line);
        Instant.parse(n.path("time").asText());
      } catch (IOException | RuntimeException e) {
        // a line torn by a crash, or still being written by another process: the intent before it
        // still counts
        continue;
      }
      String id = n.path("requestId").asText(null);
      if (id == null) continue;
      if ("intent".equals(n.path("event").asText())) {
        byId.put(
            id,
            new Entry(
                id,
                Instant.parse(n.path("time").asText()),
                n.path("customerId").asText(null),
                n.path("change").asText(null),
                n.path("before").asText(null),
                null,
                null,
                null,
                null,
                n.path("session").asText(null),
                n.path("correlationId").asText(null),
                n.path("pid").canConvertToLong() ? n.path("pid").asLong() : null,
                instant(n.path("pidStart").asText(null)),
                "api".equals(n.path("source").asText())
                    ? new ApiWrite(
                        n.path("method").asText(""),
                        n.path("path").asText(""),
                        n.path("graph").asBoolean(false),
                        n.path("body").asText(null))
                    : null));
      } else if (byId.containsKey(id)) {
        Entry e = byId.get(id);
        byId.put(
            id,
            new Entry(
                id,
                e.time(),
                e.customerId(),
                e.change(),
                e.before(),
                n.path("after").asText(null),
                n.path("result").asText(null),
                n.path("detail").asText(null),
                Instant.parse(n.path("time").asText()),
                e.session(),
                e.correlationId(),
                e.pid(),
                e.pidStart(),
                e.api()));
      }
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * Writes whose effect is not known and that no running pcsh is still sending: no outcome yet, or
   * UNKNOWN (no answer and the read-back failed). Another live process's write in flight is not
   * among them ({@link Entry#inFlightElsewhere()}).
   */
  public List<Entry> pending() {
    return pending(entries());
  }

  /** {@link #pending()} among entries already read. */
  static List<Entry> pending(List<Entry> entries) {
    return entries.stream()
        .filter(e -> e.pending() || Result.UNKNOWN.name().equals(e.result()))
        .filter(e -> !e.inFlightElsewhere())
        .toList();
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
