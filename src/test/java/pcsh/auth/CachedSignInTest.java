package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.TOKEN_PATH;
import static pcsh.auth.EntraStub.UPN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal.AuthKind;

/**
 * The sign-in kept after login: the private cache file, a restarted pcsh, silent refresh, the fresh
 * token after a 401, and logout.
 */
class CachedSignInTest extends SignInFixture {

  @Test
  void theTokenCacheIsPrivateAndHoldsTheAccountAfterLogin() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));

    auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(cacheFile())).contains("\"RefreshToken\"", "RT-1", "AT-1", UPN);
    Path record = home.resolve("auth").resolve("signin.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(record))
        .contains("DEVICE_CODE", UPN)
        .doesNotContain("AT-1", "RT-1");
    try (var files = Files.list(cacheFile().getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary file left behind")
          .containsExactlyInAnyOrder("msal-token-cache.json", "signin.properties");
    }
  }

  @Test
  void aRestartedPcshIsStillSignedInAndUsesTheCachedTokenWithoutARequest() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetRequests();

    Authenticator restarted = auth();

    assertThat(restarted.restore())
        .hasValueSatisfying(
            p -> {
              assertThat(p.user()).isEqualTo(UPN);
              assertThat(p.kind()).isEqualTo(AuthKind.DEVICE_CODE);
            });
    assertThat(restarted.token()).contains("AT-1");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aTokenAboutToExpireIsRefreshedSilentlyWithTheRefreshToken() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 60));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-2", "RT-2", 3600)));

    Optional<String> token = auth.token();

    assertThat(token).contains("AT-2");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("RT-1")));
    assertThat(Files.readString(cacheFile())).contains("RT-2").doesNotContain("RT-1");
    assertThat(auth.expiresOn())
        .hasValueSatisfying(
            e -> assertThat(e).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(50))));
  }

  @Test
  void after401TheClientGetsAFreshTokenEvenThoughTheCachedOneLooksValid() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-2", "RT-2", 3600)));

    assertThat(auth.refreshAfterUnauthorized()).isTrue();

    assertThat(auth.token()).contains("AT-2");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token")));
  }

  @Test
  void aRejectedSilentRefreshAsksForANewLogin() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 60));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                EntraStub.error(
                    400,
                    "invalid_grant",
                    "AADSTS700082: The refresh token has expired due to inactivity.")));

    assertThatThrownBy(auth::token)
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_GRANT);
              assertThat(e.detail())
                  .hasValueSatisfying(d -> assertThat(d).contains("AADSTS700082", "c-1"));
            });
  }

  @Test
  void logoutRemovesTheAccountAndItsTokensFromTheCacheFile() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);

    assertThat(auth.logout()).isTrue();

    assertThat(Files.readString(cacheFile())).doesNotContain("AT-1", "RT-1", UPN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile())))
        .isEqualTo("rw-------");
    assertThat(auth.token()).isEmpty();
    assertThat(auth().restore()).isEmpty();
  }
}
