package pcsh.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.PartnerCenterClient;
import pcsh.auth.Authenticator;
import pcsh.auth.EntraStub;
import pcsh.auth.LoginRequest;
import pcsh.session.Settings;

/**
 * The client and the sign-in wired as the shell wires them: a read that Partner Center answers with
 * 401 gets a fresh token from Entra ID and is sent once more with it.
 */
class RefreshOn401Test {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  @Test
  void aReadRejectedWith401IsRepeatedWithATokenRefreshedThroughEntraId() throws Exception {
    String customer = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
    String path = "/v1/customers/" + customer + "/qualification";
    Settings settings = EntraStub.settings(home, wm.baseUrl());
    EntraStub entra = new EntraStub(wm, wm.baseUrl());
    entra.deviceCode(900);
    entra.tokenSequence(EntraStub.TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    Authenticator auth = entra.authenticator(settings, new HashMap<>(), null);
    auth.login(
        new LoginRequest(
            LoginRequest.Mode.DEVICE_CODE,
            settings.environment(),
            settings.clientId(),
            settings.tenant(),
            null),
        new SilentInteraction());
    wm.resetAll();
    wm.stubFor(
        post(urlPathEqualTo(EntraStub.TOKEN_PATH))
            .willReturn(EntraStub.userToken("AT-2", "RT-2", 3600)));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("pc")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("pc")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("\"none\"")));
    PartnerCenterClient client =
        new PartnerCenterClient(
            settings::apiBaseUrl,
            auth::token,
            () -> "corr",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            auth::refreshAfterUnauthorized);

    client.legacyQualification(customer);

    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer AT-1")));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(EntraStub.TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("RT-1")));
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer AT-2")));
  }

  static final class SilentInteraction implements pcsh.auth.Interaction {
    @Override
    public void show(String line) {}

    @Override
    public void countdown(Duration remaining) {}

    @Override
    public java.util.Optional<String> secret(String prompt) {
      return java.util.Optional.empty();
    }
  }
}
