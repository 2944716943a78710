package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The emulator's MFA rule (spec 15): with it on, an App+User JWT without {@code mfa} in {@code amr}
 * (or a token that is no JWT) gets 401 with code 900421; one with MFA and an app-only token pass.
 * The {@code mfa-required} fault refuses any token.
 */
class MfaRuleTest {

  static String jwt(String claims) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8))
        + "."
        + b.encodeToString(claims.getBytes(UTF_8))
        + ".";
  }

  static HttpResponse<String> get(Emulator e, String token) {
    return Http.send(
        new Http(e)
            .request("/v1/customers?size=1")
            .setHeader("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  @Test
  void withTheRuleOnlyMfaSignInsAndAppOnlyTokensPass() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.inMemory().withRequireMfa(true))) {
      HttpResponse<String> pwdOnly =
          get(e, jwt("{\"scp\":\"user_impersonation\",\"amr\":[\"pwd\"]}"));
      HttpResponse<String> opaque = get(e, "opaque-token-without-claims");

      assertThat(Http.fault(pwdOnly)).isEqualTo("401/900421");
      assertThat(Http.json(pwdOnly).path("description").asText()).contains("MFA", "amr");
      assertThat(Http.fault(opaque)).isEqualTo("401/900421");
      assertThat(
              get(e, jwt("{\"scp\":\"user_impersonation\",\"amr\":[\"pwd\",\"mfa\"]}"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(get(e, jwt("{\"roles\":[\"x\"],\"appid\":\"a\"}")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withoutTheRuleAnyTokenPassesAndTheFaultRefusesOnDemand() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.inMemory())) {
      assertThat(get(e, jwt("{\"amr\":[\"pwd\"]}")).statusCode()).isEqualTo(200);
      e.setFaults(Faults.parse("seed=1,mfa-required=1"));
      assertThat(Http.fault(get(e, jwt("{\"amr\":[\"pwd\",\"mfa\"]}")))).isEqualTo("401/900421");
      assertThat(Faults.parse("seed=1,mfa-required=1,graph=503").spec())
          .isEqualTo("seed=1,mfa-required=1,graph=503");
    }
  }
}
