package pcsh.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/** Reading a token's claims locally, and the principal pcsh shows for a bearer token. */
class TokenClaimsTest {

  private static String jwt(String claims) {
    return EntraStub.b64("{\"alg\":\"none\"}") + "." + EntraStub.b64(claims) + ".";
  }

  @Test
  void aTokenThatIsNotAJwtHasNoClaims() {
    assertThat(TokenClaims.parse("opaque-token")).isEmpty();
    assertThat(TokenClaims.parse("a.***.c")).isEmpty();
    assertThat(TokenClaims.parse("a." + EntraStub.b64("not json {") + ".c")).isEmpty();
  }

  @Test
  void theClaimsAreReadFromThePayload() {
    TokenClaims c =
        TokenClaims.parse(
                jwt(
                    "{\"tid\":\"t-1\",\"upn\":\"u@x\",\"preferred_username\":\"p@x\","
                        + "\"exp\":1700000000,\"aud\":\"https://api.partnercenter.microsoft.com\",\"scp\":null}"))
            .orElseThrow();

    assertThat(c.tenantId()).contains("t-1");
    assertThat(c.user()).contains("u@x");
    assertThat(c.expiresOn()).contains(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(c.text("aud")).contains("https://api.partnercenter.microsoft.com");
    assertThat(c.text("scp")).isEmpty();
    assertThat(c.text("roles")).isEmpty();
  }

  @Test
  void anAppOnlyTokenIsShownByItsAppId() {
    Principal p =
        TokenFlow.describe(
            jwt("{\"tid\":\"t-1\",\"appid\":\"app-1\",\"exp\":\"soon\"}"), AuthKind.ACCESS_TOKEN);

    assertThat(p.user()).isEqualTo("app-1");
    assertThat(p.tenantId()).isEqualTo("t-1");
    assertThat(p.partnerName()).isEqualTo("partner tenant t-1");
    assertThat(p.expiresOn()).isEmpty();
  }

  @Test
  void aTokenThatIsNotAJwtIsShownAsUnknown() {
    Principal p = TokenFlow.describe("opaque-token", AuthKind.BEARER_TOKEN);

    assertThat(p)
        .isEqualTo(
            new Principal(
                AuthKind.BEARER_TOKEN,
                "partner tenant unknown",
                "unknown",
                "unknown",
                "unknown",
                java.util.Optional.empty()));
  }

  @Test
  void theClaimsDoctorChecksAreReadFromThePayload() {
    TokenClaims user =
        TokenClaims.parse(
                jwt(
                    "{\"aud\":[\"https://api.partnercenter.microsoft.com\",\"x\"],"
                        + "\"scp\":\"user_impersonation  offline_access\",\"amr\":[\"pwd\",\"mfa\"],"
                        + "\"unique_name\":\"u@x\",\"tid\":\"t-1\"}"))
            .orElseThrow();
    TokenClaims app =
        TokenClaims.parse(jwt("{\"aud\":\"a\",\"roles\":\"Role.One\",\"azp\":\"app-1\"}"))
            .orElseThrow();
    TokenClaims pwd = TokenClaims.parse(jwt("{\"scp\":\"x\",\"amr\":[\"pwd\"]}")).orElseThrow();

    assertThat(user.audience()).contains("https://api.partnercenter.microsoft.com");
    assertThat(user.scopes()).containsExactly("user_impersonation", "offline_access");
    assertThat(user.authMethods()).containsExactly("pwd", "mfa");
    assertThat(user.mfa()).isTrue();
    assertThat(user.appOnly()).isFalse();
    assertThat(user.upn()).contains("u@x");
    assertThat(app.roles()).containsExactly("Role.One");
    assertThat(app.appOnly()).isTrue();
    assertThat(app.user()).contains("app-1");
    assertThat(pwd.mfa()).isFalse();
    assertThat(TokenClaims.parse(jwt("[1,2]"))).isEmpty();
    assertThat(user.toString()).contains("mfa=true").doesNotContain("u@x");
  }

  @Test
  void readsAPayloadIntoTheTreeAMapperWouldMake() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (String json :
        new String[] {
          "{\"aud\":[\"a\",\"b\"],\"tid\":\"t\",\"exp\":4102444800,\"n\":1,\"big\":123456789012345678901234567890}",
          "{\"x\":1.5,\"y\":-2e3,\"t\":true,\"f\":false,\"z\":null,\"o\":{\"p\":[1,[2,{}]]}}",
          "{\"upn\":\"first\",\"upn\":\"last\",\"name\":\"J\\u00f6rg \\\"q\\\"\"}",
          "[1,2]",
          "\"text\"",
          "{\"a\":1} trailing"
        }) {
      assertThat(TokenClaims.tree(json)).as(json).isEqualTo(mapper.readTree(json));
    }
  }

  @Test
  void claimsReadAheadOnAnotherThreadAreTakenOnceByTheNextParseOfTheSameToken() throws Exception {
    String token = jwt("{\"tid\":\"t-ahead\",\"upn\":\"a@contoso.example\"}");
    Runnable read = TokenClaims.readAhead(token);
    Thread other = new Thread(read, "reads-ahead");
    other.start();
    other.join();

    // a different token is read as always and leaves the one read ahead in place
    assertThat(TokenClaims.parse(jwt("{\"tid\":\"t-other\"}")).flatMap(TokenClaims::tenantId))
        .contains("t-other");
    TokenClaims first = TokenClaims.parse(token).orElseThrow();
    TokenClaims again = TokenClaims.parse(token).orElseThrow();

    assertThat(first.tenantId()).contains("t-ahead");
    assertThat(first.upn()).contains("a@contoso.example");
    assertThat(again).isNotSameAs(first);
    assertThat(again.upn()).isEqualTo(first.upn());
  }

  @Test
  void claimsToBeReadAheadAreReadByTheParseWhenNoOtherThreadHasBegun() {
    String token = jwt("{\"tid\":\"t-never-run\"}");
    TokenClaims.readAhead(token);

    assertThat(TokenClaims.parse(token).flatMap(TokenClaims::tenantId)).contains("t-never-run");
    assertThat(TokenClaims.parse("not-a-jwt")).isEmpty();
  }
}
