package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The emulator's throttling (spec 9.4, 17): per tenant, on the Customer resource (/v1/customers/**)
 * and on the Subscription resource, each with its own bucket; 429 with Retry-After and its body.
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
  void subscriptionsHaveTheirOwnBucketBesideTheCustomers() throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(10).withRateLimit(60, 2))) {
      Http http = new Http(emulator);
      String subscriptions = "/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/subscriptions";

      assertThat(http.get("/v1/customers?size=1").statusCode()).isEqualTo(200);
      assertThat(http.get("/v1/customers?size=1").statusCode()).isEqualTo(200);
      assertThat(http.get("/v1/customers?size=1").statusCode()).isEqualTo(429);
      assertThat(http.get(subscriptions).statusCode()).isEqualTo(200);
      assertThat(http.get(subscriptions + "/x").statusCode()).as("20003").isEqualTo(404);
      HttpResponse<String> third = http.get(subscriptions);

      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(third.body()).contains("\"statusCode\":429");
      assertThat(emulator.throttledCount()).isEqualTo(2);
      assertThat(
              http.get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf")
                  .statusCode())
          .as("no documented limit")
          .isEqualTo(200);
    }
  }

  @Test
  void withoutALimitNothingIsThrottledAndTheDefaultIsOff() {
    assertThat(EmulatorConfig.inMemory().rateLimit()).isZero();
    assertThat(EmulatorConfig.inMemory().withRateLimit(500, 0).rateBurst()).isEqualTo(50);
  }
}
