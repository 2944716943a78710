package pcsh.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import pcsh.api.Exchange;
import pcsh.session.PrivateFile;
import pcsh.session.Redactor;

/**
 * The session transcript: {@code <pcsh.history.dir>/session-<id>.log}, mode 0600, appended as the
 * session goes. It holds each command typed, what was printed, one line per request (method, path,
 * status, ids) and each error, all redacted. Only an interactive session (or a test) starts one;
 * until then nothing is written.
 */
public final class Transcript {

  static final String PREFIX = "session-";
  static final String SUFFIX = ".log";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Redactor redactor;
  private final String id;
  private volatile boolean started;
  private volatile String lastError;

  public Transcript(Path dir, Redactor redactor) {
    this.dir = dir;
    this.redactor = redactor;
    this.id =
        ID_TIME.format(Instant.now())
            + "-"
            + Integer.toHexString(0x1000 + new SecureRandom().nextInt(0xefff));
  }

  public String id() {
    return id;
  }

  public Path file() {
    return file(dir, id);
  }

  public boolean started() {
    return started;
  }

  /** Starts writing; {@code header} is the first lines (pcsh, base URL, correlation id). */
  public synchronized void start(String header) {
    try {
      PrivateFile.privateDirectory(dir);
    } catch (IOException | RuntimeException e) {
      // a directory pcsh may not change (another owner's) still takes the 0600 transcript
    }
    started = true;
    write("# pcsh session " + id + " started " + now() + "\n" + prefixed("# ", header));
  }

  public void command(String line) {
    if (started) write(now() + " > " + redactor.text(line) + "\n");
  }

  public void output(String text) {
    if (!started || text == null || text.isBlank() || text.equals(lastError)) return;
    write(prefixed("    ", text));
  }

  public void exchange(Exchange e) {
    if (started) write(now() + " = " + e.summary() + "\n");
  }

  public void error(String report) {
    lastError = report;
    if (started) write(now() + " ! error\n" + prefixed("  ! ", report));
  }

  private String prefixed(String prefix, String text) {
    StringBuilder b = new StringBuilder();
    for (String line : redactor.text(text).stripTrailing().split("\n", -1))
      b.append(prefix).append(line).append('\n');
    return b.toString();
  }

  private synchronized void write(String text) {
    try {
      PrivateFile.append(file(), text, false);
    } catch (IOException e) {
      started = false; // a transcript is a help, never a reason for a command to fail
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  public static Path file(Path dir, String id) {
    return dir.resolve(PREFIX + id + SUFFIX);
  }

  /** The session ids with a transcript in {@code dir}, newest first. */
  public static List<String> ids(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      List<String> ids =
          new ArrayList<>(
              s.map(p -> p.getFileName().toString())
                  .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                  .map(n -> n.substring(PREFIX.length(), n.length() - SUFFIX.length()))
                  .toList());
      ids.sort(Comparator.reverseOrder());
      return ids;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A transcript by id; the id must be one of the listed ones, so no path can be smuggled in. */
  public static Optional<Path> find(Path dir, String id) {
    return ids(dir).stream().filter(i -> i.equals(id)).findFirst().map(i -> file(dir, i));
  }
}
