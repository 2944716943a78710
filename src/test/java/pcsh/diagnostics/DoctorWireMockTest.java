package pcsh.diagnostics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.auth.Authenticator;
import pcsh.diagnostics.Check.Status;

/**
 * {@code doctor} against WireMock with tokens built here: the claims lines for an MFA sign-in, a
 * password-only one, an app-only token, the wrong audience and an opaque token; the clock line for
 * a skewed {@code Date}; the reachability line for an unreachable base URL and for Partner Center's
 * MFA refusal. The token is sent only where it always goes, and never printed.
 */
class DoctorWireMockTest extends DoctorFixture {

  static final String PC = "https://api.partnercenter.microsoft.com";
  static final String EXP = ",\"exp\":" + (Instant.now().getEpochSecond() + 3600);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  List<Check> run(String token, Instant serverClock) throws Exception {
    env.put(Authenticator.TOKEN_ENV, token);
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .willReturn(
                okJson("{\"totalCount\":0,\"items\":[]}")
                    .withHeader(
                        "Date",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            serverClock.atOffset(ZoneOffset.UTC)))));
    List<Check> checks = doctor(wm.baseUrl(), () -> "unused").run(Optional.empty());
    wm.verify(
        getRequestedFor(urlPathEqualTo("/v1/customers"))
            .withQueryParam("size", equalTo("1"))
            .withHeader("Authorization", equalTo("Bearer " + token)));
    assertThat(checks.toString()).doesNotContain(token);
    return checks;
  }

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of(
            "MFA sign-in",
            "{\"aud\":\""
                + PC
                + "\",\"scp\":\"user_impersonation\",\"amr\":[\"pwd\",\"mfa\"],\"tid\":\"t-1\",\"upn\":\"a@x\""
                + EXP
                + "}",
            Status.OK,
            Status.OK,
            Status.OK),
        Arguments.of(
            "password only",
            "{\"aud\":\""
                + PC
                + "/\",\"scp\":\"user_impersonation\",\"amr\":[\"pwd\"],\"tid\":\"t-1\""
                + EXP
                + "}",
            Status.OK,
            Status.OK,
            Status.FAIL),
        Arguments.of(
            "app-only",
            "{\"aud\":\""
                + PC
                + "\",\"roles\":[\"Partner.Read\"],\"appid\":\"app-1\",\"tid\":\"t-1\""
                + EXP
                + "}",
            Status.OK,
            Status.WARN,
            Status.OK),
        Arguments.of(
            "wrong audience",
            "{\"aud\":\"https://graph.microsoft.com\",\"scp\":\"User.Read\",\"amr\":[\"mfa\"]"
                + EXP
                + "}",
            Status.FAIL,
            Status.OK,
            Status.OK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void theTokensClaimsAreCheckedOnThisMachine(
      String label, String claims, Status audience, Status appUser, Status mfa) throws Exception {
    List<Check> checks = run(jwt(claims), Instant.now());

    assertThat(line(checks, "audience").status()).isEqualTo(audience);
    assertThat(line(checks, "App+User").status()).isEqualTo(appUser);
    assertThat(line(checks, "MFA").status()).isEqualTo(mfa);
    assertThat(line(checks, "sign-in").found()).contains("PCSH_ACCESS_TOKEN");
    assertThat(line(checks, "token").found()).contains("pcsh cannot renew it");
    if (mfa == Status.FAIL) {
      assertThat(line(checks, "MFA").found())
          .contains("amr claim (pwd) has no mfa", "April 1, 2026");
      assertThat(line(checks, "MFA").next()).contains("login", "MFA");
    }
    if (appUser == Status.WARN) {
      assertThat(line(checks, "App+User").found()).contains("app-only", "qualification writes");
    }
    if (audience == Status.FAIL) {
      assertThat(line(checks, "audience").found()).contains("https://graph.microsoft.com", PC);
    }
  }

  @Test
  void anOpaqueTokenHasNoReadableClaimsAndThatIsNoFailure() throws Exception {
    List<Check> checks = run("opaque-token-0123456789", Instant.now());

    assertThat(line(checks, "token claims").status()).isEqualTo(Status.WARN);
    assertThat(line(checks, "token claims").found()).contains("not readable");
    assertThat(maybe(checks, "MFA")).isEmpty();
    assertThat(checks).noneMatch(c -> c.status() == Status.FAIL);
  }

  @Test
  void aSkewedServiceClockWarnsBeyondTwoMinutes() throws Exception {
    String token = jwt("{\"aud\":\"" + PC + "\",\"scp\":\"x\",\"amr\":[\"mfa\"]" + EXP + "}");

    Check ahead = line(run(token, Instant.now().plusSeconds(300)), "clock");
    Check behind = line(run(token, Instant.now().minusSeconds(200)), "clock");
    Check close = line(run(token, Instant.now().plusSeconds(20)), "clock");

    assertThat(ahead.status()).isEqualTo(Status.WARN);
    assertThat(ahead.found()).contains("ahead of this machine's");
    assertThat(ahead.next()).contains("NTP");
    assertThat(behind.status()).isEqualTo(Status.WARN);
    assertThat(behind.found()).contains("behind this machine's");
    assertThat(close.status()).isEqualTo(Status.OK);
  }

  @Test
  void anUnreachableBaseUrlFailsWithWhereToLook() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    env.put(Authenticator.TOKEN_ENV, "opaque-token-0123456789");

    List<Check> checks = doctor("http://127.0.0.1:" + port, () -> "unused").run(Optional.empty());

    Check reach = line(checks, "reachability");
    assertThat(reach.status()).isEqualTo(Status.FAIL);
    assertThat(reach.found()).contains("no HTTP response", "connection");
    assertThat(reach.next()).contains("pcsh.base-url");
    assertThat(maybe(checks, "clock")).isEmpty();
  }

  @Test
  void partnerCentersMfaRefusalPointsAtTheMfaLine() throws Exception {
    String token = jwt("{\"aud\":\"" + PC + "\",\"scp\":\"x\",\"amr\":[\"pwd\"]" + EXP + "}");
    env.put(Authenticator.TOKEN_ENV, token);
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":900421,\"description\":\"Unauthorized\",\"data\":[]}")));

    List<Check> checks = doctor(wm.baseUrl(), () -> "unused").run(Optional.empty());

    assertThat(line(checks, "reachability").status()).isEqualTo(Status.FAIL);
    assertThat(line(checks, "reachability").found()).contains("401", "error 900421");
    assertThat(line(checks, "reachability").next()).contains("MFA");
    assertThat(line(checks, "MFA").status()).isEqualTo(Status.FAIL);
  }
}
