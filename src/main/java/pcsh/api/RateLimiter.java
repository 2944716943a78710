package pcsh.api;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client-side token bucket: {@code perMinute} requests a minute, refilled continuously, with a
 * burst of {@code capacity}. A 429 pauses every caller until its Retry-After has passed ({@link
 * #pause}). Thread-safe; the clock (nanoseconds) and the sleeper are injectable, so it is tested
 * without sleeping.
 */
public final class RateLimiter {

  /** Waits; interrupted by Ctrl-C. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final Sleeper PLAIN =
      nanos -> {
        if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      };

  private final int perMinute;
  private final int capacity;
  private final double nanosPerToken;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private double tokens;
  private long refilledAt;
  private long pausedUntil;
  private long throttled;

  public RateLimiter(int perMinute, int capacity, LongSupplier nanoClock, Sleeper sleeper) {
    if (perMinute < 1)
      throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    if (capacity < 1)
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    this.perMinute = perMinute;
    this.capacity = capacity;
    this.nanosPerToken = 60e9 / perMinute;
    this.clock = nanoClock;
    this.sleeper = sleeper;
    this.refilledAt = nanoClock.getAsLong();
    this.pausedUntil = refilledAt;
    this.tokens = capacity;
  }

  /** {@code perMinute} a minute with a burst of about one second's worth (at least 1). */
  public static RateLimiter perMinute(int perMinute) {
    return new RateLimiter(perMinute, Math.max(1, perMinute / 60), System::nanoTime, PLAIN);
  }

  /** {@code perMinute} a minute with a burst of {@code burst} requests at once. */
  public static RateLimiter perMinute(int perMinute, int burst) {
    return new RateLimiter(perMinute, burst, System::nanoTime, PLAIN);
  }

  public int limit() {
    return perMinute;
  }

  /** 429 answers reported through {@link #pause}. */
  public synchronized long throttled() {
    return throttled;
  }

  /** Takes one token, waiting as long as needed (and while a 429's pause lasts). */
  public void acquire() throws InterruptedException {
    while (true) {
      long wait = tryAcquire();
      if (wait == 0) return;
      sleeper.sleep(wait);
    }
  }

  /** Takes a token and returns 0, or returns how many nanoseconds to wait before asking again. */
  public synchronized long tryAcquire() {
    long now = clock.getAsLong();
    if (now - pausedUntil < 0) return pausedUntil - now;
    tokens = Math.min(capacity, tokens + (now - refilledAt) / nanosPerToken);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
  }

  /**
   * The service answered 429: nobody sends before {@code retryAfter} has passed, and the bucket
   * starts empty then, so requests resume at the steady rate rather than in a burst.
   */
  public synchronized void pause(Duration retryAfter) {
    throttled++;
    long now = clock.getAsLong();
    long until = now + Math.max(0, retryAfter.toNanos());
    if (until - pausedUntil > 0) pausedUntil = until;
    tokens = 0;
    refilledAt = Math.max(refilledAt, pausedUntil);
  }
}
