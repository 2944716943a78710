package pcsh;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting in a test for something another thread or process does. The limit is far above the time
 * it takes (milliseconds; a second or two on a slow, busy machine), so it only stops a test that
 * hangs and never fails one that is merely slow: speed is measured by the bench, not here.
 */
public final class HangGuard {

  /** How long a test waits before it calls a wait a hang. */
  public static final Duration LIMIT = Duration.ofSeconds(60);

  private HangGuard() {}

  /** Awaitility's wait for {@code what}, named in the failure as a hang guard. */
  public static ConditionFactory await(String what) {
    return Awaitility.await(
            "hang guard: " + what + " (it takes well under a second; the limit only stops a hang)")
        .atMost(LIMIT)
        .pollInterval(Duration.ofMillis(20));
  }
}
