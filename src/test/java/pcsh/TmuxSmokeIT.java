package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code ./pcsh} in a real terminal (tmux): start, select a customer with Tab completion,
 * read its qualification, exit. Skips, saying why, where tmux is not installed.
 */
class TmuxSmokeIT {

  @TempDir Path home;

  @Test
  void aRealTerminalSessionCompletesSelectsShowsAndExits() throws Exception {
    assumeTrue(
        tmuxInstalled(), "tmux is not installed, so the real-terminal smoke test is skipped");
    String name = "pcsh-smoke-" + ProcessHandle.current().pid();
    String launcher = Path.of("pcsh").toAbsolutePath().toString();
    try {
      tmux(
          "new-session",
          "-d",
          "-s",
          name,
          "-x",
          "120",
          "-y",
          "40",
          "env PCSH_HOME="
              + home
              + " PCSH_HISTORY_DIR="
              + home.resolve("history")
              + " "
              + launcher);
      screenShows(name, "pcsh[emulator]>"); // a first run also prepares the start-up archive

      // the first prompt fills the completion cache in the background: Tab again until it has
      Instant filled = Instant.now().plus(HangGuard.LIMIT);
      do {
        tmux("send-keys", "-t", name, "C-u", "use customer Northw", "Tab");
      } while (!screenShows(name, "use customer Northwind Traders", Duration.ofSeconds(3))
          && Instant.now().isBefore(filled));
      screenShows(name, "use customer Northwind Traders");
      tmux("send-keys", "-t", name, "Enter");
      screenShows(name, "pcsh[emulator]:Northwind Traders>");

      tmux("send-keys", "-t", name, "qualification show", "Enter");
      screenShows(name, "Qualification:  None");
      screenShows(name, "pcsh[emulator]:Northwind Traders (none)>");

      tmux("send-keys", "-t", name, "exit", "Enter");
      Instant deadline = Instant.now().plus(HangGuard.LIMIT);
      while (tmux("has-session", "-t", name).exit == 0 && Instant.now().isBefore(deadline))
        Thread.sleep(200);
      assertThat(tmux("has-session", "-t", name).exit).as("the shell exited").isNotZero();
    } finally {
      tmux("kill-session", "-t", name);
    }
  }

  /** Fails unless the screen shows {@code text} within the hang guard. */
  private static void screenShows(String name, String text) throws Exception {
    if (screenShows(name, text, HangGuard.LIMIT)) return;
    assertThat(tmux("capture-pane", "-p", "-t", name).out)
        .as("tmux screen (hang guard: %s)", HangGuard.LIMIT)
        .contains(text);
  }

  private static boolean screenShows(String name, String text, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (tmux("capture-pane", "-p", "-t", name).out.contains(text)) return true;
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean tmuxInstalled() {
    try {
      return tmux("-V").exit == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private record Result(int exit, String out) {}

  private static Result tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", "pcsh-smoke"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
