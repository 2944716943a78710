package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.TENANT_ID;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * App-only sign-in (client credentials) with a secret or a certificate, in the partner's own
 * tenant.
 */
class ServicePrincipalSignInTest extends SignInFixture {

  @Test
  void aServicePrincipalGetsAnAppOnlyTokenForTheDefaultScopeAndReusesIt() throws Exception {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");
    String path = "/" + TENANT_ID + "/oauth2/v2.0/token";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(EntraStub.appToken("APP-AT", 3599)));
    Authenticator auth = auth();

    Principal p =
        auth.login(
            new LoginRequest(
                LoginRequest.Mode.SERVICE_PRINCIPAL,
                Cloud.GLOBAL,
                settings.clientId(),
                TENANT_ID,
                null),
            ui);

    assertThat(p.kind()).isEqualTo(AuthKind.SERVICE_PRINCIPAL);
    assertThat(p.tenantId()).isEqualTo(TENANT_ID);
    assertThat(auth.token()).contains("APP-AT");
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(path))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("client_secret", equalTo("sp-secret"))
            .withFormParam(
                "scope", containing("https://api.partnercenter.microsoft.com/.default")));
  }

  @Test
  void aServicePrincipalWithACertificateSendsASignedClientAssertionNotASecret() throws Exception {
    Path p12 = home.resolve("app.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "app",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=pcsh-test",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "cert-pass")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).isZero();
    env.put(Authenticator.CERTIFICATE_PASSWORD_ENV, "cert-pass");
    String path = "/" + TENANT_ID + "/oauth2/v2.0/token";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(EntraStub.appToken("APP-AT", 3599)));

    Principal p =
        auth()
            .login(
                new LoginRequest(
                    LoginRequest.Mode.SERVICE_PRINCIPAL,
                    Cloud.GLOBAL,
                    settings.clientId(),
                    TENANT_ID,
                    p12),
                ui);

    assertThat(p.kind()).isEqualTo(AuthKind.SERVICE_PRINCIPAL);
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(path))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam(
                "client_assertion_type",
                equalTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            .withFormParam(
                "client_assertion",
                com.github.tomakehurst.wiremock.client.WireMock.matching(
                    "[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
            .withoutFormParam("client_secret"));
    assertThat(Files.readString(home.resolve("auth").resolve("signin.properties")))
        .doesNotContain("cert-pass");
  }

  @Test
  void anAppOnlySignInNeedsTheTenantNotOrganizations() {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.SERVICE_PRINCIPAL), ui))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_POSSIBLE));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
