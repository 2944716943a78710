package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.auth.EntraStub.TENANT_ID;
import static pcsh.auth.EntraStub.TOKEN_PATH;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Settings;

/**
 * The second token, for Microsoft Graph: silently from the Entra ID sign-in with the delegated GDAP
 * scope (app-only: {@code .default}), {@code PCSH_GRAPH_ACCESS_TOKEN} first, and every way of not
 * having one said in words, never thrown, with the Partner Center token unharmed.
 */
class GraphTokenTest extends SignInFixture {

  static final String GRAPH_SCOPE =
      "https://graph.microsoft.com/DelegatedAdminRelationship.Read.All";

  /** Entra ID's answer for the Graph scope: MSAL files the token under the scope it names. */
  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphToken(String at) {
    return com.github.tomakehurst.wiremock.client.WireMock.okJson(
        "{\"token_type\":\"Bearer\",\"scope\":\""
            + GRAPH_SCOPE
            + "\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\""
            + at
            + "\",\"refresh_token\":\"RT-2\",\"id_token\":\""
            + EntraStub.idToken()
            + "\",\"client_info\":\""
            + EntraStub.b64(
                "{\"uid\":\"" + EntraStub.USER_OID + "\",\"utid\":\"" + TENANT_ID + "\"}")
            + "\"}");
  }

  Authenticator signedIn() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-PC", "RT-1", 3600));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    return auth;
  }

  @Test
  void theSignedInAccountGetsAGraphTokenSilentlyWithTheGdapScope() throws Exception {
    Authenticator auth = signedIn();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .withRequestBody(containing("DelegatedAdminRelationship.Read.All"))
            .willReturn(graphToken("AT-GRAPH")));

    GraphToken g = auth.graphToken();

    assertThat(g.available()).isTrue();
    assertThat(g.value()).contains("AT-GRAPH");
    assertThat(g.source()).contains("signed-in account", GRAPH_SCOPE);
    assertThat(g.toString()).doesNotContain("AT-GRAPH");
    wm.verify(
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("RT-1"))
            .withFormParam("scope", containing(GRAPH_SCOPE)));
    assertThat(auth.token()).as("the Partner Center token stays").contains("AT-PC");
    assertThat(auth.canRefresh()).as("MSAL holds a refresh token").isTrue();
    assertThat(auth.inspect().present()).isTrue();
    assertThat(auth.inspect().claims()).as("AT-PC is no JWT").isEmpty();
  }

  @Test
  void missingConsentIsSaidAndThePartnerCenterTokenStillWorks() throws Exception {
    Authenticator auth = signedIn();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                EntraStub.error(
                    400,
                    "invalid_grant",
                    "AADSTS65001: The user or administrator has not consented to use the application.",
                    "consent_required")));

    GraphToken g = auth.graphToken();

    assertThat(g.available()).isFalse();
    assertThat(g.problem()).contains("consent is missing", "DelegatedAdminRelationship.Read.All");
    assertThat(g.problem()).contains("AADSTS65001");
    assertThat(g.next()).contains("PCSH_GRAPH_ACCESS_TOKEN", "not affected");
    assertThat(auth.token()).contains("AT-PC");
  }

  @Test
  void theGraphTokenFromTheEnvironmentComesFirstAndAPartnerCenterTokenGivenAsIsHasNone() {
    env.put(Authenticator.GRAPH_TOKEN_ENV, "Bearer graph-from-env-123");
    assertThat(auth().graphToken().value()).contains("graph-from-env-123");
    assertThat(auth().graphToken().source()).isEqualTo("PCSH_GRAPH_ACCESS_TOKEN");

    env.clear();
    env.put(Authenticator.TOKEN_ENV, "pc-token-from-env-123");
    GraphToken none = auth().graphToken();
    assertThat(none.available()).isFalse();
    assertThat(none.problem()).contains("not valid for Microsoft Graph");
    assertThat(none.next())
        .contains("PCSH_GRAPH_ACCESS_TOKEN", GRAPH_SCOPE.replace("/Delegated", " with Delegated"));
  }

  @Test
  void anAppOnlySignInAsksForGraphsDefaultScope() throws Exception {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");
    String path = "/" + TENANT_ID + "/oauth2/v2.0/token";
    wm.stubFor(
        post(urlPathEqualTo(path))
            .withFormParam("scope", containing("api.partnercenter.microsoft.com/.default"))
            .willReturn(EntraStub.appToken("APP-PC", 3599)));
    wm.stubFor(
        post(urlPathEqualTo(path))
            .withFormParam("scope", containing("https://graph.microsoft.com/.default"))
            .willReturn(EntraStub.appToken("APP-GRAPH", 3599)));
    Authenticator auth = auth();
    auth.login(
        new LoginRequest(
            LoginRequest.Mode.SERVICE_PRINCIPAL,
            Cloud.GLOBAL,
            settings.clientId(),
            TENANT_ID,
            null),
        ui);

    GraphToken g = auth.graphToken();

    assertThat(g.value()).contains("APP-GRAPH");
    assertThat(g.source()).contains("app-only", "https://graph.microsoft.com/.default");
    assertThat(auth.canRefresh()).isTrue();
    env.clear();
    assertThat(auth().canRefresh())
        .as("a new process without the secret pcsh never stores cannot renew the token")
        .isFalse();
  }

  @Test
  void theEmulatorsDemoPartnerHasAnMfaGraphTokenUntilSignedOut() throws Exception {
    Settings embedded = Settings.from(Map.of("pcsh.home", home.toString())::get);
    Authenticator auth =
        new Authenticator(
            embedded,
            env::get,
            new Principal(Principal.AuthKind.EMULATOR_DEMO, "demo", "tenant-1", "admin@demo"));

    GraphToken g = auth.graphToken();
    Authenticator.TokenInspection pc = auth.inspect();

    assertThat(g.source()).contains("demo partner");
    assertThat(TokenClaims.parse(g.value().orElseThrow()).orElseThrow().scopes())
        .containsExactly("DelegatedAdminRelationship.Read.All");
    assertThat(pc.claims()).hasValueSatisfying(c -> assertThat(c.mfa()).isTrue());
    assertThat(pc.claims().get().audience()).contains("https://api.partnercenter.microsoft.com");
    assertThat(auth.canRefresh()).isFalse();
    auth.logout();
    assertThat(auth.graphToken().problem()).isEqualTo("not signed in");
  }
}
