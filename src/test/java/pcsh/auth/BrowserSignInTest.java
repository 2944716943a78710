package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.TOKEN_PATH;

import org.junit.jupiter.api.Test;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * The browser sign-in: the authorization code from the loopback redirect, and no browser at all.
 */
class BrowserSignInTest extends SignInFixture {

  @Test
  void theBrowserSignInRedeemsTheCodeFromTheLoopbackRedirect() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-B", "RT-B", 3600)));
    EntraStub.BrowserStub browser = EntraStub.BrowserStub.signingIn();

    Principal p =
        entra.authenticator(settings, env, browser).login(request(LoginRequest.Mode.BROWSER), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.BROWSER);
    assertThat(browser.openedUrl)
        .contains("/organizations/oauth2/v2.0/authorize", "redirect_uri=http", "code_challenge=");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .withFormParam("code", equalTo("AUTH-CODE-1")));
  }

  @Test
  void withoutABrowserTheBrowserSignInSaysSoAndSendsNothing() {
    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.BROWSER), ui))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_BROWSER));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
