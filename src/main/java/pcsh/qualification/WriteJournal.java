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
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;
import pcsh.session.Settings;

/**
 * The write journal ({@code $PCSH_HOME/journal.jsonl}, 0600): one JSON line per event. Before a
 * qualification write is sent, an {@code intent} line (customer, change, qualification before,
 * MS-RequestId) is appended and forced to disk; after, an {@code outcome} line with the same
 * request id (result, qualification after). An intent with no outcome means pcsh stopped in
 * between; {@link #pending()} finds those, and those whose outcome is UNKNOWN, for reconciliation.
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
    RECONCILED_NOT_APPLIED
  }

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
      Instant outcomeTime) {
    public boolean pending() {
      return result == null;
    }
  }

  /** Made for the first journal line, not when the shell starts. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path file;

  public WriteJournal(Path file) {
    this.file = file;
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
            .put("before", before);
    append(n);
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
    append(n);
  }

  private void append(ObjectNode n) {
    try {
      PrivateFile.append(file, n.toString() + "\n", true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every write, oldest first, each joined with its outcome. */
  public synchronized List<Entry> entries() {
    Map<String, Entry> byId = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) return List.of();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines) {
      if (line.isBlank()) continue;
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(line);
      } catch (IOException e) {
        continue; // a line torn by a crash mid-write; the intent before it still counts
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
                null));
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
                Instant.parse(n.path("time").asText())));
      }
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * Writes whose effect is not known: no outcome yet, or UNKNOWN (no answer and the read-back
   * failed).
   */
  public List<Entry> pending() {
    return entries().stream()
        .filter(e -> e.pending() || Result.UNKNOWN.name().equals(e.result()))
        .toList();
  }
}
