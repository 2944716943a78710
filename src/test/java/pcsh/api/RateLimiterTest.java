package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client's token bucket, on a clock the test moves: no sleeping. */
class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter =
      new RateLimiter(60, 3, now::get, nanos -> now.addAndGet(nanos));

  @Test
  void aBurstOfCapacityThenOneTokenPerInterval() {
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();

    assertThat(limiter.tryAcquire()).isEqualTo(1_000_000_000L);
    now.addAndGet(500_000_000L);
    assertThat(limiter.tryAcquire()).isEqualTo(500_000_000L);
    now.addAndGet(500_000_000L);
    assertThat(limiter.tryAcquire()).isZero();
  }

  @Test
  void refillStopsAtCapacity() {
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isPositive();
  }

  @Test
  void acquireWaitsOnTheClockForTheSteadyRate() throws InterruptedException {
    long start = now.get();
    for (int i = 0; i < 3 + 60; i++) limiter.acquire();
    // 3 at once, then 60 more at one a second
    assertThat(now.get() - start).isEqualTo(Duration.ofSeconds(60).toNanos());
  }

  @Test
  void a429PausesEveryoneForRetryAfterThenResumesAtTheSteadyRate() {
    limiter.pause(Duration.ofSeconds(5));

    assertThat(limiter.tryAcquire()).isEqualTo(5_000_000_000L);
    now.addAndGet(5_000_000_000L);
    assertThat(limiter.tryAcquire())
        .as("the bucket is empty after a pause")
        .isEqualTo(1_000_000_000L);
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.throttled()).isEqualTo(1);
  }

  @Test
  void aShorterRetryAfterDoesNotShortenALongerPause() {
    limiter.pause(Duration.ofSeconds(10));
    limiter.pause(Duration.ofSeconds(2));

    assertThat(limiter.tryAcquire()).isEqualTo(10_000_000_000L);
  }
}
