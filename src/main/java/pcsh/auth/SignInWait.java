package pcsh.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import pcsh.auth.SignInException.Reason;

/**
 * Waits for MSAL to finish a sign-in. Once the user has been told what to do (and so a deadline is
 * known) it shows the time left about once a second; Ctrl-C (an interrupt) cancels the wait.
 */
final class SignInWait {

  private final Interaction ui;
  private final Clock clock;

  /** Set from MSAL's thread when it hands over the device code or opens the browser. */
  private volatile Instant deadline;

  SignInWait(Interaction ui, Clock clock) {
    this.ui = ui;
    this.clock = clock;
  }

  void deadlineIn(long seconds) {
    deadline = clock.instant().plusSeconds(seconds);
  }

  <T> T await(CompletableFuture<T> f) {
    while (true) {
      try {
        return f.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        Instant d = deadline;
        if (d != null) {
          Duration left = Duration.between(clock.instant(), d);
          ui.countdown(left.isNegative() ? Duration.ZERO : left);
        }
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.interrupted();
        throw new SignInException(Reason.CANCELLED, "Sign-in cancelled; nothing changed.", null);
      } catch (ExecutionException e) {
        throw Failures.map(e.getCause());
      }
    }
  }
}
