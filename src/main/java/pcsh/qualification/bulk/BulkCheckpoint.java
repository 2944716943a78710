package pcsh.qualification.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pcsh.session.PrivateFile;

/**
 * Where a `qualify bulk` run keeps its progress: {@code $PCSH_HOME/bulk/<sha256 of the input's
 * absolute path and content>.jsonl}, one JSON line per event, each forced to disk. {@code started}
 * (line, customer, MS-RequestId) goes down just before a row's write is sent; {@code done} with the
 * row's final result when it is finished for good. A rerun with the same file finds the finished
 * rows here and does not send them again.
 */
public final class BulkCheckpoint {

  /** One row of the result CSV. */
  public record Result(
      int line,
      String customer,
      String outcome,
      String qualification,
      String requestId,
      String error) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<Integer, Result> done = new LinkedHashMap<>();
  private final Map<Integer, String> started = new LinkedHashMap<>();

  private BulkCheckpoint(Path file) {
    this.file = file;
  }

  /**
   * The checkpoint of {@code input} (whose bytes are {@code content}) under {@code home}, read if
   * it exists.
   */
  public static BulkCheckpoint of(Path home, Path input, byte[] content) {
    BulkCheckpoint c =
        new BulkCheckpoint(home.resolve("bulk").resolve(key(input, content) + ".jsonl"));
    c.load();
    return c;
  }

  public Path file() {
    return file;
  }

  /** Rows finished for good in earlier runs, by line. */
  synchronized Map<Integer, Result> done() {
    return Map.copyOf(done);
  }

  /** The MS-RequestId of a row whose write was started but never finished, if any. */
  synchronized String started(int line) {
    return done.containsKey(line) ? null : started.get(line);
  }

  /** Forgets everything (--restart). */
  synchronized void clear() {
    done.clear();
    started.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not delete the checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void started(int line, String customer, String requestId) {
    started.put(line, requestId);
    append(
        JSON.createObjectNode()
            .put("event", "started")
            .put("line", line)
            .put("customer", customer)
            .put("requestId", requestId));
  }

  public synchronized void done(Result r) {
    done.put(r.line(), r);
    append(
        JSON.createObjectNode()
            .put("event", "done")
            .put("line", r.line())
            .put("customer", r.customer())
            .put("outcome", r.outcome())
            .put("qualification", r.qualification())
            .put("requestId", r.requestId())
            .put("error", r.error()));
  }

  private void append(ObjectNode n) {
    // a FileOutputStream, not a channel: a Ctrl-C that interrupts the thread must not close it
    // mid-write
    try {
      if (!Files.exists(file)) PrivateFile.append(file, "", false);
      try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
        out.write((n.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) return;
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not read the checkpoint " + file + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        continue; // a line torn by a crash mid-write: that row simply is not finished
      }
      if (n == null || !n.path("line").canConvertToInt()) continue;
      int row = n.path("line").asInt();
      if ("started".equals(n.path("event").asText())) {
        started.put(row, n.path("requestId").asText(null));
      } else if ("done".equals(n.path("event").asText())) {
        done.put(
            row,
            new Result(
                row,
                n.path("customer").asText(null),
                n.path("outcome").asText(null),
                n.path("qualification").asText(null),
                n.path("requestId").asText(null),
                n.path("error").asText(null)));
      }
    }
  }

  private static String key(Path input, byte[] content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(input.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(content);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
