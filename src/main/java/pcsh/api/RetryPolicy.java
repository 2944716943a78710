package pcsh.api;

import java.time.Duration;
import java.util.Random;

/**
 * How reads are retried: at most {@code maxAttempts} in all, on 429 (waiting {@code Retry-After},
 * capped at {@code maxWait}), on 500/502/503/504 and on connection failures, with jittered
 * exponential back-off from {@code backoff}. Writes are never retried.
 */
public record RetryPolicy(
    int maxAttempts, Duration backoff, Duration maxWait, Sleeper sleeper, Random random) {

  /**
   * Waits before the next attempt; the shell's sleeper shows a countdown. Interrupted by Ctrl-C.
   */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration wait, String reason, int nextAttempt, int maxAttempts)
        throws InterruptedException;
  }

  public static final Sleeper PLAIN = (wait, reason, next, max) -> Thread.sleep(wait.toMillis());

  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(60), PLAIN, new Random());
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, PLAIN, new Random());
  }

  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(maxAttempts, backoff, maxWait, s, random);
  }

  public RetryPolicy withMaxAttempts(int n) {
    return new RetryPolicy(n, backoff, maxWait, sleeper, random);
  }

  /**
   * Full jitter: a random wait between half and all of backoff * 2^(attempt-1), capped at maxWait.
   */
  Duration backoff(int attempt) {
    long cap = Math.min(maxWait.toMillis(), backoff.toMillis() * (1L << Math.min(attempt - 1, 20)));
    if (cap <= 0) return Duration.ZERO;
    long half = cap / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (cap - half)));
  }
}
