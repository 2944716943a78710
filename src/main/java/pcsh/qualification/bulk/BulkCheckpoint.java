package pcsh.qualification.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.session.PrivateFile;

/**
 * Where a `qualify bulk` run keeps its progress: {@code $PCSH_HOME/bulk/<sha256 of the input's
 * absolute path and content>.jsonl}, one JSON line per event, each forced to disk. {@code started}
 * (line, customer, MS-RequestId) goes down just before a row's write is sent; {@code done} with the
 * row's final result when it is finished for good. A rerun with the same file finds the finished
 * rows here and does not send them again.
 *
 * <p>A run that writes holds {@code <same name>.lock} (a file lock, with its pid and start time in
 * the file) from before it reads the checkpoint until it ends, so a second run of the same file, in
 * this or another pcsh, is refused with a message naming the first instead of taking the same rows.
 */
public final class BulkCheckpoint implements AutoCloseable {

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

  private FileChannel lockChannel;

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

  /**
   * {@link #of}, taken for a run that writes: refused with a {@link Failure} naming the pcsh
   * process that already runs {@code input}. {@link #close()} lets go.
   */
  public static BulkCheckpoint locked(Path home, Path input, byte[] content) {
    BulkCheckpoint c =
        new BulkCheckpoint(home.resolve("bulk").resolve(key(input, content) + ".jsonl"));
    c.lock(input);
    try {
      c.load();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void lock(Path input) {
    Path lockFile = file.resolveSibling(file.getFileName().toString().replace(".jsonl", ".lock"));
    FileLock lock;
    try {
      PrivateFile.create(lockFile);
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this process runs it already
      }
      if (lock != null) {
        ProcessHandle self = ProcessHandle.current();
        lockChannel.truncate(0);
        lockChannel.write(
            ByteBuffer.wrap(
                ("pid "
                        + self.pid()
                        + self.info().startInstant().map(t -> ", started " + t).orElse("")
                        + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        return;
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(
          "could not lock the checkpoint " + lockFile + ": " + e.getMessage(), e);
    }
    String holder;
    try {
      holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      holder = "";
    }
    close();
    throw Failure.failed(
        "qualify bulk is already running on "
            + input
            + " in another pcsh ("
            + (holder.isEmpty() ? "pid unknown" : Text.oneLine(holder))
            + "); a second run of the same file would take the same rows, so this one sent"
            + " nothing.",
        "wait for that run to finish (or stop it), then run the same command again: it resumes"
            + " from the checkpoint "
            + file
            + ".");
  }

  /** Lets go of the run's lock, if it holds one. */
  @Override
  public synchronized void close() {
    if (lockChannel == null) return;
    try {
      lockChannel.close(); // releases the lock
    } catch (IOException e) {
      // the lock goes with the channel either way
    }
    lockChannel = null;
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
