package pcsh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive shell in a real terminal (tmux): time from launch to the first prompt, and from a Tab to the
 * completed customer name on screen. The screen is polled, so figures include one poll (a few ms).
 */
final class Tmux {

  record Timings(List<Double> prompt, List<Double> tab) {}

  private final Path root;
  private final String socket = "pcsh-bench-" + ProcessHandle.current().pid();

  Tmux(Path root) {
    this.root = root;
  }

  static boolean installed() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code runs} shells, each timed to its prompt, and in each a few Tabs. */
  Timings measure(int runs) throws Exception {
    if (!installed()) return null;
    List<Double> prompt = new ArrayList<>();
    List<Double> tab = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path home = Files.createTempDirectory("pcsh-bench");
      String session = "s" + i;
      long start = System.nanoTime();
      tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40",
          "cd " + root + " && env PCSH_HOME=" + home + " PCSH_HISTORY_DIR=" + home.resolve("history") + " ./pcsh");
      try {
        waitFor(session, "pcsh[emulator]>", 60_000);
        prompt.add((System.nanoTime() - start) / 1e9);
        Thread.sleep(1500); // the first prompt fills the completion cache in the background
        for (int t = 0; t < 3; t++) {
          tmux("send-keys", "-t", session, "C-u");
          tmux("send-keys", "-t", session, "-l", "use customer Northw");
          waitFor(session, "use customer Northw", 5_000);
          long tabAt = System.nanoTime();
          tmux("send-keys", "-t", session, "Tab");
          waitFor(session, "use customer Northwind Traders", 5_000);
          tab.add((System.nanoTime() - tabAt) / 1e6);
        }
        tmux("send-keys", "-t", session, "C-u");
        tmux("send-keys", "-t", session, "exit", "Enter");
      } finally {
        tmux("kill-session", "-t", session);
      }
    }
    tmux("kill-server");
    return new Timings(prompt, tab);
  }

  private void waitFor(String session, String text, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-t", session);
      if (screen.contains(text)) return;
      Thread.sleep(2);
    }
    throw new IllegalStateException("tmux screen never showed '" + text + "':\n" + screen);
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
