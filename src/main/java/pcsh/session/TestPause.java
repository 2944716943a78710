package pcsh.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hidden test hook, inert unless set: with {@code PCSH_TEST_PAUSE=<point>[#<n>]} (or {@code
 * -Dpcsh.test.pause}) pcsh announces the n-th time (default: the first) it reaches that point of a
 * write on stderr, {@code pcsh test pause: <point>#<n> (pid <pid>)}, and waits there, so a test can
 * kill it at exactly that point. It goes on when the file named by {@code PCSH_TEST_RESUME} exists,
 * or after ten minutes. The points: {@code before-journal}, {@code journalled} (intent on disk, not
 * sent), {@code in-flight} (a write sent, its answer not read), {@code answered} (answered, outcome
 * not journalled), {@code row-done} (a bulk row checkpointed, the next not started).
 * CONTRIBUTING.md documents it; it is never a user setting.
 */
public final class TestPause {

  private static final String POINT = setting("pcsh.test.pause", "PCSH_TEST_PAUSE");
  private static final String RESUME = setting("pcsh.test.resume", "PCSH_TEST_RESUME");
  private static final AtomicInteger REACHED = new AtomicInteger();

  private TestPause() {}

  /** Announces and waits when the hook names this point and occurrence; otherwise returns. */
  public static void at(String point) {
    if (POINT == null) return;
    int hash = POINT.indexOf('#');
    String name = hash < 0 ? POINT : POINT.substring(0, hash);
    if (!name.equalsIgnoreCase(point)) return;
    int wanted = hash < 0 ? 1 : occurrence(POINT.substring(hash + 1));
    int n = REACHED.incrementAndGet();
    if (n != wanted) return;
    System.err.println(
        "pcsh test pause: " + point + "#" + n + " (pid " + ProcessHandle.current().pid() + ")");
    System.err.flush();
    long until = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < until && (RESUME == null || !Files.exists(Path.of(RESUME)))) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static int occurrence(String n) {
    try {
      return Integer.parseInt(n);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String setting(String property, String variable) {
    String v = System.getProperty(property);
    if (v == null) v = System.getenv(variable);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
