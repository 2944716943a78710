package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * App+User-only endpoints refuse an app-only token (a JWT with {@code roles} and no {@code scp})
 * with 403 before anything is read or written (spec 6, 7, 17); endpoints for "App and App+User"
 * take it. A token that is no JWT counts as App+User.
 */
class AppOnlyTokenTest {

  static final String APP_ONLY =
      MfaRuleTest.jwt("{\"roles\":[\"Partner.ReadWrite\"],\"appid\":\"a\"}");
  static final String DELEGATED =
      MfaRuleTest.jwt("{\"scp\":\"user_impersonation\",\"amr\":[\"pwd\",\"mfa\"]}");
  static final String NORTHWIND = "/v1/customers/" + SeedCustomers.NORTHWIND_ID;

  static Emulator emulator;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static HttpResponse<String> send(String method, String path, String body, String token) {
    return send(http, method, path, body, token);
  }

  static HttpResponse<String> send(
      Http http, String method, String path, String body, String token) {
    return Http.send(
        http.request(path)
            .setHeader("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static HttpResponse<String> get(String path, String token) {
    return send("GET", path, null, token);
  }

  @Test
  void qualificationWritesRefuseAnAppOnlyTokenAndChangeNothing() {
    long writes = emulator.writeCount();

    HttpResponse<String> put = send("PUT", NORTHWIND + "/qualification", "1", APP_ONLY);
    HttpResponse<String> post =
        send(
            "POST",
            NORTHWIND + "/qualifications",
            "{\"qualification\":\"StateOwnedEntity\"}",
            APP_ONLY);

    assertThat(Http.fault(put)).isEqualTo("403/2032");
    assertThat(Http.json(put).path("description").asText()).contains("App+User", "app-only");
    assertThat(Http.fault(post)).isEqualTo("403/2032");
    assertThat(emulator.writeCount()).isEqualTo(writes);
    assertThat(Http.json(get(NORTHWIND + "/qualifications", APP_ONLY))).isEmpty();
  }

  @Test
  void appAndAppUserReadsTakeAnAppOnlyToken() {
    assertThat(get("/v1/customers?size=1", APP_ONLY).statusCode()).isEqualTo(200);
    assertThat(get(NORTHWIND, APP_ONLY).statusCode()).isEqualTo(200);
    assertThat(get(NORTHWIND + "/qualification", APP_ONLY).statusCode()).isEqualTo(200);
    assertThat(get("/v1/customers/all/validations", APP_ONLY).statusCode()).isEqualTo(200);
  }

  @Test
  void aDelegatedTokenOrOneThatIsNoJwtMayWrite() {
    assertThat(
            send("PUT", "/v1/customers/" + Http.generatedId(3) + "/qualification", "1", DELEGATED)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send("PUT", "/v1/customers/" + Http.generatedId(4) + "/qualification", "1", "opaque")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void anUnknownPathIs404BeforeTheTokenIsLookedAt() {
    assertThat(Http.fault(get("/v1/nothing/here", APP_ONLY))).isEqualTo("404/1000");
    assertThat(Http.fault(send("DELETE", NORTHWIND + "/qualification", null, APP_ONLY)))
        .isEqualTo("405/800002");
  }
}
