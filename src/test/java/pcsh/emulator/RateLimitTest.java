package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The emulator's throttling (spec 9.4): per tenant, on /v1/customers/**, 429 with Retry-After and
 * its body.
 */
class RateLimitTest {

  @Test
  void theBucketEmptiesThenRefillsOnTheClock() {
    AtomicLong now = new AtomicLong();
    RateLimit limit = new RateLimit(60, 2, now::get);

    assertThat(limit.take()).isZero();
    assertThat(limit.take()).isZero();
    assertThat(limit.take()).isEqualTo(1);
    now.addAndGet(1_000_000_000L);
    assertThat(limit.take()).isZero();
    assertThat(limit.refused()).isEqualTo(1);
  }

  @Test
  void overTheLimitTheServiceAnswers429WithRetryAfter() throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(10).withRateLimit(60, 2))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest get =
          HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/customers?size=1"))
              .header("Authorization", "Bearer t")
              .build();

      assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      HttpResponse<String> third = http.send(get, HttpResponse.BodyHandlers.ofString());

      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(third.body())
          .contains("\"statusCode\":429")
          .contains("Rate limit is exceeded. Try again in 1");
      assertThat(emulator.throttledCount()).isEqualTo(1);
    }
  }

  @Test
  void withoutALimitNothingIsThrottledAndTheDefaultIsOff() {
    assertThat(EmulatorConfig.inMemory().rateLimit()).isZero();
    assertThat(EmulatorConfig.inMemory().withRateLimit(500, 0).rateBurst()).isEqualTo(50);
  }
}
