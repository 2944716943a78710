package pcsh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive shell on a real pseudo-terminal ({@code script} from util-linux): time from
 * launch to the first prompt, and from a Tab to the completed customer name. The terminal's output
 * is read as it comes, so nothing polls the screen and competes for the CPU while the shell starts.
 */
final class Pty {

  record Timings(List<Double> prompt, List<Double> tab) {}

  private static final String PROMPT = "pcsh[emulator]>";

  private final Path root;

  Pty(Path root) {
    this.root = root;
  }

  static boolean available() {
    try {
      return new ProcessBuilder("script", "--version").redirectErrorStream(true).start().waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code runs} shells, each timed to its first prompt, and in each three Tabs. */
  Timings measure(int runs) throws Exception {
    if (!available()) return null;
    // one run first, so the launcher's one-time preparation (jar extraction, class archive) is
    // not timed
    Proc.run(
        List.of(root.resolve("pcsh").toString(), "whoami"),
        java.util.Map.of("PCSH_HOME", Files.createTempDirectory("pcsh-bench").toString()),
        root,
        null);
    List<Double> prompt = new ArrayList<>();
    List<Double> tab = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path home = Files.createTempDirectory("pcsh-bench");
      ProcessBuilder pb =
          new ProcessBuilder(
                  "script",
                  "-qfec",
                  "stty cols 120 rows 40; exec " + root.resolve("pcsh"),
                  "/dev/null")
              .directory(root.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
      pb.environment().put("PCSH_HOME", home.toString());
      pb.environment().put("PCSH_HISTORY_DIR", home.resolve("history").toString());
      pb.environment().put("NO_COLOR", "1");
      pb.environment().put("TERM", "xterm-256color");
      pb.redirectErrorStream(true);
      long start = System.nanoTime();
      Process p = pb.start();
      Screen screen = new Screen(p.getInputStream());
      OutputStream keys = p.getOutputStream();
      try {
        screen.waitFor(PROMPT, 0, 120_000);
        prompt.add((System.nanoTime() - start) / 1e9);
        // the first prompt fills the completion cache in the background: Tab until it has, untimed
        for (int tries = 0; ; tries++) {
          int mark = screen.length();
          type(keys, "\u0015use customer Northw\t");
          if (screen.shows("ind Traders", mark, 3_000)) break;
          if (tries == 20) screen.waitFor("ind Traders", mark, 0);
        }
        for (int t = 0; t < 3; t++) {
          int mark = screen.length();
          type(keys, "\u0015use customer Northw");
          screen.waitFor("Northw", mark, 60_000);
          mark = screen.length();
          long tabAt = System.nanoTime();
          type(keys, "\t");
          screen.waitFor("ind Traders", mark, 60_000); // JLine prints only what it adds
          tab.add((System.nanoTime() - tabAt) / 1e6);
        }
        type(keys, "\u0015exit\r");
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      } finally {
        p.destroyForcibly();
      }
    }
    return new Timings(prompt, tab);
  }

  static void type(OutputStream keys, String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** Everything the terminal printed, read on its own thread as it arrives. */
  static final class Screen {
    private final StringBuilder text = new StringBuilder();

    Screen(InputStream in) {
      Thread reader =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try {
                  for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (text) {
                      text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                      text.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the shell ended
                }
              },
              "pty-reader");
      reader.setDaemon(true);
      reader.start();
    }

    int length() {
      synchronized (text) {
        return text.length();
      }
    }

    void waitFor(String wanted, int from, long timeoutMs) throws InterruptedException {
      if (!shows(wanted, from, timeoutMs)) {
        synchronized (text) {
          throw new IllegalStateException(
              "the terminal never showed '" + wanted + "':\n" + text.substring(from));
        }
      }
    }

    /** Whether the terminal shows {@code wanted} after {@code from} within {@code timeoutMs}. */
    boolean shows(String wanted, int from, long timeoutMs) throws InterruptedException {
      long deadline = System.currentTimeMillis() + timeoutMs;
      synchronized (text) {
        while (text.indexOf(wanted, from) < 0) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) return false;
          text.wait(left);
        }
        return true;
      }
    }
  }
}
