package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// MS-RequestId is the idempotency key of writes: a repeat gets the first answer and changes
// nothing.
class IdempotencyTest {

  private static final String ID = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e";
  private static final String SOE = "{\"qualification\":\"StateOwnedEntity\"}";

  @TempDir Path dir;

  private static HttpResponse<String> post(Http http, String customerId, String requestId) {
    return Http.send(
        http.request("/v1/customers/" + customerId + "/qualifications")
            .header("Content-Type", "application/json")
            .header("MS-RequestId", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(SOE))
            .build());
  }

  private static HttpResponse<String> gccPut(Http http, String code, String requestId) {
    return Http.send(
        http.request("/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualification?code=" + code)
            .header("MS-RequestId", requestId)
            .PUT(HttpRequest.BodyPublishers.ofString("3"))
            .build());
  }

  private static int remaining(Http http, String code) {
    for (var c : Http.json(http.get("/v1/customers/all/validations"))) {
      if (c.path("validationId").asText().equals(code)) {
        return c.path("remainingCreates").asInt();
      }
    }
    throw new AssertionError("no code " + code);
  }

  @Test
  void aRepeatedPostWithTheSameRequestIdCreatesOneEntryAndGetsTheSameAnswer() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20))) {
      Http http = new Http(emulator);
      String customer = Http.generatedId(3);

      HttpResponse<String> first = post(http, customer, ID);
      HttpResponse<String> repeat = post(http, customer, ID);

      assertThat(first.statusCode()).isEqualTo(201);
      assertThat(repeat.statusCode()).isEqualTo(201);
      assertThat(repeat.body()).isEqualTo(first.body());
      assertThat(repeat.headers().firstValue("MS-RequestId")).hasValue(ID);
      assertThat(http.get("/v1/customers/" + customer + "/qualifications").body())
          .isEqualTo("[{\"qualification\":\"StateOwnedEntity\"}]");
    }
  }

  @Test
  void aRepeatedGccPutUsesTheCodeOnceAndANewRequestIdIsANewWrite() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20))) {
      Http http = new Http(emulator);

      assertThat(gccPut(http, SeedCustomers.OPEN_CODE, ID).statusCode()).isEqualTo(200);
      assertThat(gccPut(http, SeedCustomers.OPEN_CODE, ID).body())
          .isEqualTo("\"government_community_cloud\"");

      assertThat(remaining(http, SeedCustomers.OPEN_CODE)).isEqualTo(6);
      assertThat(
              Http.fault(
                  gccPut(http, SeedCustomers.OPEN_CODE, "5d4c3b2a-1908-4f7e-a6d5-c4b3a2918070")))
          .isEqualTo("409/3000");
    }
  }

  @Test
  void aRefusedWriteIsAnsweredAlikeWhenRepeatedEvenIfItCouldNowSucceed() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20))) {
      Http http = new Http(emulator);
      HttpResponse<String> refused = gccPut(http, SeedCustomers.EXHAUSTED_CODE, ID);

      HttpResponse<String> repeat = gccPut(http, SeedCustomers.OPEN_CODE, ID);

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(repeat.statusCode()).isEqualTo(400);
      assertThat(repeat.body()).isEqualTo(refused.body());
      assertThat(remaining(http, SeedCustomers.OPEN_CODE)).isEqualTo(7);
    }
  }

  @Test
  void writesWithoutARequestIdAreNotDeduplicated() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20))) {
      Http http = new Http(emulator);
      String path =
          "/v1/customers/"
              + SeedCustomers.NORTHWIND_ID
              + "/qualification?code="
              + SeedCustomers.OPEN_CODE;

      assertThat(http.put(path, "3").statusCode()).isEqualTo(200);
      assertThat(Http.fault(http.put(path, "3"))).isEqualTo("409/3000");
    }
  }

  @Test
  void twoEmulatorsSharingAStateDirAgreeOnRequestIds() throws Exception {
    try (Emulator a = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20));
        Emulator b = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      Http ha = new Http(a);
      Http hb = new Http(b);

      HttpResponse<String> first = gccPut(ha, SeedCustomers.OPEN_CODE, ID);
      HttpResponse<String> repeat = gccPut(hb, SeedCustomers.OPEN_CODE, ID.toUpperCase());

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(repeat.statusCode()).isEqualTo(200);
      assertThat(repeat.body()).isEqualTo(first.body());
      assertThat(remaining(hb, SeedCustomers.OPEN_CODE)).isEqualTo(6);
    }
    try (Emulator restarted =
        Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      assertThat(gccPut(new Http(restarted), SeedCustomers.OPEN_CODE, ID).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void onlyTheLatestTenThousandAnswersAreRemembered() {
    EmulatorState state = EmulatorState.seed(java.time.Instant.now());
    ApiResponse ok = ApiResponse.ok(TextNode.valueOf("none"));

    for (int i = 0; i <= EmulatorState.REMEMBERED_WRITES; i++) {
      state.rememberWrite("id-" + i, ok);
    }

    assertThat(state.answeredWrite("id-0")).isEmpty();
    assertThat(state.answeredWrite("id-1"))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(
            EmulatorState.fromJson(state.toJson(), java.time.Instant.now())
                .answeredWrite("id-" + EmulatorState.REMEMBERED_WRITES))
        .hasValue(new ApiResponse(200, TextNode.valueOf("none"), Map.of()));
  }
}
