package pcsh.emulator;

import java.util.function.LongSupplier;

/**
 * The service's throttling (spec 9.4) for the one partner tenant the emulator knows: a token bucket
 * of {@code perMinute} requests a minute, refilled continuously, holding at most {@code burst}. A
 * request that finds it empty is refused with 429 and the whole seconds until the next token as its
 * Retry-After; refused requests take no token.
 */
final class RateLimit {

  private final double nanosPerToken;
  private final int burst;
  private final LongSupplier clock;
  private double tokens;
  private long refilledAt;
  private long refused;

  RateLimit(int perMinute, int burst, LongSupplier nanoClock) {
    this.nanosPerToken = 60e9 / perMinute;
    this.burst = burst;
    this.clock = nanoClock;
    this.tokens = burst;
    this.refilledAt = nanoClock.getAsLong();
  }

  /** 0 when the request may go on, else the Retry-After in seconds (1 or more). */
  synchronized int take() {
    long now = clock.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) / nanosPerToken);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    refused++;
    return (int) Math.max(1, Math.ceil((1 - tokens) * nanosPerToken / 1e9));
  }

  synchronized long refused() {
    return refused;
  }
}
