package pcsh.shell;

import java.time.Duration;
import pcsh.api.RetryPolicy;

/**
 * Waits before a read is retried, showing a countdown on a terminal ("retrying in 3 s"); without
 * one it prints one line to stderr for waits of a second or more. Ctrl-C interrupts the wait and
 * cancels the command.
 */
final class RetryCountdown implements RetryPolicy.Sleeper {

  private final Ui ui;

  RetryCountdown(Ui ui) {
    this.ui = ui;
  }

  @Override
  public void sleep(Duration wait, String reason, int nextAttempt, int maxAttempts)
      throws InterruptedException {
    long ms = wait.toMillis();
    String what = "pcsh: " + reason + "; attempt " + nextAttempt + " of " + maxAttempts;
    if (ui.noTerminal()) {
      if (ms >= 1000) {
        System.err.println(what + " in " + (ms + 999) / 1000 + " s");
        System.err.flush();
      }
      Thread.sleep(ms);
      return;
    }
    try {
      long end = System.currentTimeMillis() + ms;
      for (long left = ms; left > 0; left = end - System.currentTimeMillis()) {
        ui.progress(what + " in " + (left + 999) / 1000 + " s (Ctrl-C cancels)");
        Thread.sleep(Math.min(left, 250));
      }
    } finally {
      ui.progressDone();
    }
  }
}
