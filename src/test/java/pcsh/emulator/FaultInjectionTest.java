package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static final String LIST = "/v1/customers?size=1";
  private static final String REQUEST_ID = "0f6b2a1c-7d3e-4c5b-9a8f-1e2d3c4b5a69";

  private Emulator emulator;
  private Http http;

  private void start(String faults) throws IOException {
    emulator =
        Emulator.start(
            EmulatorConfig.inMemory().withSeedCustomers(20).withFaults(Faults.parse(faults)));
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private List<Integer> statuses(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(http.get(LIST).statusCode());
    }
    return statuses;
  }

  private HttpResponse<String> gccPut(String requestId) {
    return Http.send(
        http.request(
                "/v1/customers/"
                    + SeedCustomers.NORTHWIND_ID
                    + "/qualification?code="
                    + SeedCustomers.OPEN_CODE)
            .header("MS-RequestId", requestId)
            .PUT(HttpRequest.BodyPublishers.ofString("3"))
            .build());
  }

  private int remaining(String code) {
    for (var c : Http.json(http.get("/v1/customers/all/validations"))) {
      if (c.path("validationId").asText().equals(code)) {
        return c.path("remainingCreates").asInt();
      }
    }
    throw new AssertionError("no code " + code);
  }

  @Test
  void anExpiredTokenIs401WithABearerInvalidTokenChallenge() throws Exception {
    start("expired-token=1");

    HttpResponse<String> response = http.get(LIST);

    assertThat(Http.fault(response)).isEqualTo("401/800001");
    assertThat(Http.json(response).path("description").asText())
        .isEqualTo("The access token has expired");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  @Test
  void aThrottledRequestIs429WithRetryAfterAndTheGatewayBodyAndItsIds() throws Exception {
    start("throttle=1,retry-after=7");

    HttpResponse<String> response =
        Http.send(http.request(LIST).header("MS-RequestId", REQUEST_ID).GET().build());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(response.headers().firstValue("MS-RequestId")).hasValue(REQUEST_ID);
    assertThat(response.body())
        .isEqualTo(
            "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 7 seconds.\"}");
  }

  @Test
  void serverErrorsAlternate500And503WithAnApiFault() throws Exception {
    start("5xx=1");

    List<String> faults = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      faults.add(Http.fault(http.get(LIST)));
    }

    assertThat(faults).containsExactly("500/800003", "503/800003", "500/800003", "503/800003");
  }

  @Test
  void theCustomersOtherResourcesMeetTheFaultsToo() throws Exception {
    start("5xx=1");
    String northwind = "/v1/customers/" + SeedCustomers.NORTHWIND_ID;

    assertThat(Http.fault(http.get(northwind + "/subscriptions"))).isEqualTo("500/800003");
    assertThat(Http.fault(http.get(northwind + "/users"))).isEqualTo("503/800003");
    assertThat(Http.fault(http.get("/v1/servicerequests"))).isEqualTo("500/800003");
    assertThat(Http.fault(http.get(northwind + "/validationStatus?type=account")))
        .isEqualTo("503/800003");
    emulator.setFaults(Faults.NONE);
    assertThat(http.get(northwind + "/subscriptions").statusCode()).isEqualTo(200);
  }

  @Test
  void aMalformedErrorIsAnHtml500OrABareString400() throws Exception {
    start("seed=1,malformed=1");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      HttpResponse<String> r = http.get(LIST);
      seen.add(r.statusCode() + " " + r.body());
    }

    assertThat(seen)
        .allMatch(
            s ->
                s.equals("500 <html>upstream error</html>")
                    || s.equals("400 \"Customer tagging denied.\""));
    assertThat(seen)
        .contains("500 <html>upstream error</html>", "400 \"Customer tagging denied.\"");
  }

  @Test
  void latencyDelaysTheAnswer() throws Exception {
    start("latency=60ms");

    long began = System.nanoTime();
    HttpResponse<String> response = http.get(LIST);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - began) / 1_000_000).isGreaterThanOrEqualTo(60);
  }

  @Test
  void onlyApiRequestsMeetFaults() throws Exception {
    start("throttle=1");

    assertThat(http.get("/health").statusCode()).isEqualTo(404);
    assertThat(http.get(LIST).statusCode()).isEqualTo(429);
  }

  @Test
  void theSameSeedMeetsTheSameFaultsAndAnotherSeedOthers() throws Exception {
    String mix = "throttle=0.2,5xx=0.2,malformed=0.1,expired-token=0.1";
    start("seed=42," + mix);
    List<Integer> first = statuses(40);
    emulator.close();
    start("seed=42," + mix);
    List<Integer> again = statuses(40);
    emulator.close();
    start("seed=43," + mix);
    List<Integer> other = statuses(40);

    assertThat(first).contains(200, 429, 401).containsAnyOf(500, 503);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aThrottleStartsABurstOfConsecutive429s() throws Exception {
    start("seed=5,throttle=0.1,burst=3");

    List<Integer> statuses = statuses(60);

    List<Integer> runs = new ArrayList<>();
    int run = 0;
    for (int status : statuses) {
      if (status == 429) {
        run++;
      } else if (run > 0) {
        runs.add(run);
        run = 0;
      }
    }
    assertThat(statuses).containsOnly(200, 429);
    assertThat(runs).isNotEmpty().allMatch(n -> n >= 3, "at least the burst");
    assertThat(runs).contains(3);
  }

  @Test
  void aDroppedWriteIsAppliedButTheClientGetsAnIOException() throws Exception {
    start("drop-after-write=1");

    assertThatThrownBy(() -> gccPut(REQUEST_ID))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);

    emulator.setFaults(Faults.NONE);
    assertThat(http.get("/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualification").body())
        .isEqualTo("\"government_community_cloud\"");
    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(6);
  }

  @Test
  void aRetryWithTheSameRequestIdAfterADropGetsTheSuccessAndUsesNoSecondCode() throws Exception {
    start("drop-after-write=1");
    assertThatThrownBy(() -> gccPut(REQUEST_ID)).isInstanceOf(UncheckedIOException.class);
    emulator.setFaults(Faults.NONE);

    HttpResponse<String> retry = gccPut(REQUEST_ID);

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo("\"government_community_cloud\"");
    assertThat(retry.headers().firstValue("MS-RequestId")).hasValue(REQUEST_ID);
    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(6);
    // a new request id is a new write, which the now-GCC customer refuses
    assertThat(Http.fault(gccPut("9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"))).isEqualTo("409/3000");
  }

  @Test
  void readsAndRefusedWritesAreNeverDropped() throws Exception {
    start("drop-after-write=1");

    assertThat(http.get(LIST).statusCode()).isEqualTo(200);
    assertThat(
            Http.fault(
                http.put(
                    "/v1/customers/"
                        + SeedCustomers.TAILSPIN_ID
                        + "/qualification?code="
                        + SeedCustomers.OPEN_CODE,
                    "3")))
        .isEqualTo("409/3000");
  }

  @Test
  void faultsChangeAtRunTime() throws Exception {
    start("none");
    assertThat(http.get(LIST).statusCode()).isEqualTo(200);

    emulator.setFaults(Faults.parse("throttle=1"));
    assertThat(emulator.faults()).isEqualTo(Faults.parse("throttle=1"));
    assertThat(http.get(LIST).statusCode()).isEqualTo(429);

    emulator.setFaults(null);
    assertThat(emulator.faults()).isEqualTo(Faults.NONE);
    assertThat(http.get(LIST).statusCode()).isEqualTo(200);
  }

  @Test
  void settingTheSameFaultsAgainReplaysTheirSequenceFromTheStart() throws Exception {
    start("seed=9,5xx=0.5");
    List<Integer> first = statuses(20);

    emulator.setFaults(Faults.parse("seed=9,5xx=0.5"));

    assertThat(statuses(20)).isEqualTo(first);
  }
}
