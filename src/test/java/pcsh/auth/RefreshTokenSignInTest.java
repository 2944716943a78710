package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.TOKEN_PATH;
import static pcsh.auth.EntraStub.UPN;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * The secure application model: a refresh token redeemed by the partner's app, with or without its
 * secret.
 */
class RefreshTokenSignInTest extends SignInFixture {

  @Test
  void theSecureApplicationModelRedeemsTheRefreshTokenWithTheAppsSecret() throws Exception {
    String canaryRt = "CANARY-RT-9f8e7d";
    String canarySecret = "CANARY-SECRET-1a2b3c";
    env.put(Authenticator.REFRESH_TOKEN_ENV, canaryRt);
    env.put(Authenticator.CLIENT_SECRET_ENV, canarySecret);
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(EntraStub.userToken("AT-SAM", "RT-ROTATED", 3600)));

    Principal p = auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.REFRESH_TOKEN);
    assertThat(p.user()).isEqualTo(UPN);
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo(canaryRt))
            .withFormParam("client_secret", equalTo(canarySecret))
            .withFormParam(
                "scope", containing("https://api.partnercenter.microsoft.com/user_impersonation")));
    assertThat(ui.prompts).isEmpty();
    assertThat(Files.readString(cacheFile()))
        .contains("RT-ROTATED")
        .doesNotContain(canaryRt, canarySecret);
    assertThat(Files.readString(home.resolve("auth").resolve("signin.properties")))
        .doesNotContain(canaryRt, canarySecret);
  }

  @Test
  void withoutTheEnvironmentVariablesTheRefreshTokenIsAskedForAtAHiddenPrompt() throws Exception {
    ui.answers.add("RT-TYPED");
    ui.answers.add("");
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-SAM", "RT-2", 3600)));

    auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);

    assertThat(ui.prompts).hasSize(2);
    assertThat(ui.prompts.get(0)).startsWith("Refresh token");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("refresh_token", equalTo("RT-TYPED"))
            .withoutFormParam("client_secret"));
  }

  @Test
  void aRestartedConfidentialSignInNeedsTheSecretAgainToRefresh() throws Exception {
    env.put(Authenticator.REFRESH_TOKEN_ENV, "RT-IN");
    env.put(Authenticator.CLIENT_SECRET_ENV, "app-secret");
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-1", "RT-1", 60)));
    auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);
    env.clear();
    wm.resetRequests();

    assertThatThrownBy(() -> auth().token())
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SECRET_MISSING);
              assertThat(e.getMessage()).contains(Authenticator.CLIENT_SECRET_ENV);
            });
    assertThat(wm.getAllServeEvents()).isEmpty();

    env.put(Authenticator.CLIENT_SECRET_ENV, "app-secret");
    assertThat(auth().token()).contains("AT-1");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("RT-1"))
            .withFormParam("client_secret", equalTo("app-secret")));
  }
}
