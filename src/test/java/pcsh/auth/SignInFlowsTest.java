package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.DEVICE_PATH;
import static pcsh.auth.EntraStub.TENANT_ID;
import static pcsh.auth.EntraStub.TOKEN_PATH;
import static pcsh.auth.EntraStub.UPN;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;
import pcsh.session.Settings;

/**
 * The Entra ID sign-in flows through MSAL4J against a stub of the Entra endpoints: what MSAL sends, what pcsh
 * keeps in its cache file, and how each refusal is reported.
 */
class SignInFlowsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  private EntraStub entra;
  private Settings settings;
  private final Map<String, String> env = new HashMap<>();
  private final Recording ui = new Recording();

  @BeforeEach
  void setUp() {
    entra = new EntraStub(wm, wm.baseUrl());
    settings = EntraStub.settings(home, "https://api.partnercenter.microsoft.com");
  }

  private Authenticator auth() {
    return entra.authenticator(settings, env, null);
  }

  private LoginRequest request(LoginRequest.Mode mode) {
    return new LoginRequest(mode, Cloud.GLOBAL, settings.clientId(), "organizations", null);
  }

  private Path cacheFile() {
    return home.resolve("auth").resolve("msal-token-cache.json");
  }

  @Test
  void deviceCodeShowsTheCodeKeepsPollingWhilePendingThenSignsIn() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 2, EntraStub.userToken("AT-1", "RT-1", 3600));

    Principal p = auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);

    assertThat(p.user()).isEqualTo(UPN);
    assertThat(p.tenantId()).isEqualTo(TENANT_ID);
    assertThat(p.kind()).isEqualTo(AuthKind.DEVICE_CODE);
    assertThat(p.environment()).isEqualTo("global");
    assertThat(p.expiresOn()).isPresent();
    wm.verify(1, postRequestedFor(urlPathEqualTo(DEVICE_PATH))
        .withFormParam("client_id", equalTo(settings.clientId()))
        .withFormParam("scope", containing("https://api.partnercenter.microsoft.com/user_impersonation")));
    wm.verify(3, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
        .withFormParam("grant_type", equalTo("device_code"))
        .withFormParam("device_code", equalTo("DC-secret-123"))
        .withFormParam("client_id", equalTo(settings.clientId())));
    assertThat(ui.shown).singleElement().asString()
        .contains("https://microsoft.com/devicelogin", "FQK5HW3UF", "Ctrl-C").doesNotContain("DC-secret-123");
  }

  @Test
  void theTokenCacheIsPrivateAndHoldsTheAccountAfterLogin() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));

    auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile()))).isEqualTo("rw-------");
    assertThat(Files.readString(cacheFile())).contains("\"RefreshToken\"", "RT-1", "AT-1", UPN);
    Path record = home.resolve("auth").resolve("signin.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-------");
    assertThat(Files.readString(record)).contains("DEVICE_CODE", UPN).doesNotContain("AT-1", "RT-1");
    try (var files = Files.list(cacheFile().getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left behind")
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

    assertThat(restarted.restore()).hasValueSatisfying(p -> {
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
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-2", "RT-2", 3600)));

    Optional<String> token = auth.token();

    assertThat(token).contains("AT-2");
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
        .withFormParam("grant_type", equalTo("refresh_token"))
        .withFormParam("refresh_token", equalTo("RT-1")));
    assertThat(Files.readString(cacheFile())).contains("RT-2").doesNotContain("RT-1");
    assertThat(auth.expiresOn()).hasValueSatisfying(e ->
        assertThat(e).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(50))));
  }

  @Test
  void after401TheClientGetsAFreshTokenEvenThoughTheCachedOneLooksValid() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-2", "RT-2", 3600)));

    assertThat(auth.refreshAfterUnauthorized()).isTrue();

    assertThat(auth.token()).contains("AT-2");
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("refresh_token")));
  }

  @Test
  void aRejectedSilentRefreshAsksForANewLogin() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 60));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.error(400, "invalid_grant",
        "AADSTS700082: The refresh token has expired due to inactivity.")));

    assertThatThrownBy(auth::token).isInstanceOfSatisfying(SignInException.class, e -> {
      assertThat(e.reason()).isEqualTo(Reason.INVALID_GRANT);
      assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("AADSTS700082", "c-1"));
    });
  }

  @Test
  void anExpiredDeviceCodeIsReportedAsSuch() {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 1, EntraStub.error(400, "expired_token",
        "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has"
            + " expired."));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(SignInException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.DEVICE_CODE_EXPIRED));
    assertThat(Files.exists(home.resolve("auth").resolve("signin.properties"))).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} -> {4}")
  @CsvSource({
      "400, invalid_grant, AADSTS50076: Due to a configuration change you must use multi-factor authentication., basic_action, MFA_REQUIRED",
      "400, invalid_grant, AADSTS50078: Presented multi-factor authentication has expired., basic_action, MFA_REQUIRED",
      "401, invalid_client, AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'., '', CLIENT_SECRET_REQUIRED",
      "400, invalid_grant, AADSTS65001: The user or administrator has not consented to use the application., consent_required, CONSENT_REQUIRED",
      "400, invalid_grant, AADSTS50173: The provided grant has expired due to it being revoked., '', INVALID_GRANT",
      "401, invalid_client, AADSTS7000215: Invalid client secret provided., '', INVALID_CLIENT"})
  void eachRefusalThatNeedsTheUserHasItsOwnReason(int status, String error, String description, String suberror,
      Reason expected) {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.error(status, error, description,
        suberror == null || suberror.isBlank() ? null : suberror));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(SignInException.class, e -> {
          assertThat(e.reason()).isEqualTo(expected);
          assertThat(e.getMessage()).doesNotContain("DC-secret-123");
        });
  }

  @Test
  void ctrlCWhileWaitingCancelsTheSignInAndLeavesTheThreadUsable() throws Exception {
    entra.deviceCode(900);
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.error(400, "authorization_pending",
        "AADSTS70016: Authorization is pending.")));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);
      } catch (Throwable e) {
        thrown.set(e);
      }
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    t.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ui.shown.isEmpty());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ui.countdowns.isEmpty());

    t.interrupt(); // what Spring Shell does on Ctrl-C
    t.join(10_000);

    assertThat(thrown.get()).isInstanceOfSatisfying(SignInException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
    assertThat(interruptedAfter.get()).isFalse();
    assertThat(ui.countdowns.get(0)).isBetween(Duration.ofSeconds(880), Duration.ofSeconds(900));
  }

  @Test
  void theSecureApplicationModelRedeemsTheRefreshTokenWithTheAppsSecret() throws Exception {
    String canaryRt = "CANARY-RT-9f8e7d";
    String canarySecret = "CANARY-SECRET-1a2b3c";
    env.put(Authenticator.REFRESH_TOKEN_ENV, canaryRt);
    env.put(Authenticator.CLIENT_SECRET_ENV, canarySecret);
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-SAM", "RT-ROTATED", 3600)));

    Principal p = auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.REFRESH_TOKEN);
    assertThat(p.user()).isEqualTo(UPN);
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
        .withFormParam("grant_type", equalTo("refresh_token"))
        .withFormParam("refresh_token", equalTo(canaryRt))
        .withFormParam("client_secret", equalTo(canarySecret))
        .withFormParam("scope", containing("https://api.partnercenter.microsoft.com/user_impersonation")));
    assertThat(ui.prompts).isEmpty();
    assertThat(Files.readString(cacheFile())).contains("RT-ROTATED").doesNotContain(canaryRt, canarySecret);
    assertThat(Files.readString(home.resolve("auth").resolve("signin.properties")))
        .doesNotContain(canaryRt, canarySecret);
  }

  @Test
  void withoutTheEnvironmentVariablesTheRefreshTokenIsAskedForAtAHiddenPrompt() throws Exception {
    ui.answers.add("RT-TYPED");
    ui.answers.add("");
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-SAM", "RT-2", 3600)));

    auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);

    assertThat(ui.prompts).hasSize(2);
    assertThat(ui.prompts.get(0)).startsWith("Refresh token");
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
        .withFormParam("refresh_token", equalTo("RT-TYPED"))
        .withoutFormParam("client_secret"));
  }

  @Test
  void aServicePrincipalGetsAnAppOnlyTokenForTheDefaultScopeAndReusesIt() throws Exception {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");
    String path = "/" + TENANT_ID + "/oauth2/v2.0/token";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(EntraStub.appToken("APP-AT", 3599)));
    Authenticator auth = auth();

    Principal p = auth.login(new LoginRequest(LoginRequest.Mode.SERVICE_PRINCIPAL, Cloud.GLOBAL,
        settings.clientId(), TENANT_ID, null), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.SERVICE_PRINCIPAL);
    assertThat(p.tenantId()).isEqualTo(TENANT_ID);
    assertThat(auth.token()).contains("APP-AT");
    wm.verify(1, postRequestedFor(urlPathEqualTo(path))
        .withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("client_secret", equalTo("sp-secret"))
        .withFormParam("scope", containing("https://api.partnercenter.microsoft.com/.default")));
  }

  @Test
  void aServicePrincipalWithACertificateSendsASignedClientAssertionNotASecret() throws Exception {
    Path p12 = home.resolve("app.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=pcsh-test",
        "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "cert-pass").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).isZero();
    env.put(Authenticator.CERTIFICATE_PASSWORD_ENV, "cert-pass");
    String path = "/" + TENANT_ID + "/oauth2/v2.0/token";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(EntraStub.appToken("APP-AT", 3599)));

    Principal p = auth().login(new LoginRequest(LoginRequest.Mode.SERVICE_PRINCIPAL, Cloud.GLOBAL,
        settings.clientId(), TENANT_ID, p12), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.SERVICE_PRINCIPAL);
    wm.verify(1, postRequestedFor(urlPathEqualTo(path))
        .withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("client_assertion_type", equalTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
        .withFormParam("client_assertion", com.github.tomakehurst.wiremock.client.WireMock.matching("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
        .withoutFormParam("client_secret"));
    assertThat(Files.readString(home.resolve("auth").resolve("signin.properties"))).doesNotContain("cert-pass");
  }

  @Test
  void aRestartedConfidentialSignInNeedsTheSecretAgainToRefresh() throws Exception {
    env.put(Authenticator.REFRESH_TOKEN_ENV, "RT-IN");
    env.put(Authenticator.CLIENT_SECRET_ENV, "app-secret");
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-1", "RT-1", 60)));
    auth().login(request(LoginRequest.Mode.REFRESH_TOKEN), ui);
    env.clear();
    wm.resetRequests();

    assertThatThrownBy(() -> auth().token()).isInstanceOfSatisfying(SignInException.class, e -> {
      assertThat(e.reason()).isEqualTo(Reason.SECRET_MISSING);
      assertThat(e.getMessage()).contains(Authenticator.CLIENT_SECRET_ENV);
    });
    assertThat(wm.getAllServeEvents()).isEmpty();

    env.put(Authenticator.CLIENT_SECRET_ENV, "app-secret");
    assertThat(auth().token()).contains("AT-1");
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("refresh_token"))
        .withFormParam("refresh_token", equalTo("RT-1")).withFormParam("client_secret", equalTo("app-secret")));
  }

  @Test
  void anAppOnlySignInNeedsTheTenantNotOrganizations() {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.SERVICE_PRINCIPAL), ui))
        .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_POSSIBLE));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void logoutRemovesTheAccountAndItsTokensFromTheCacheFile() throws Exception {
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 0, EntraStub.userToken("AT-1", "RT-1", 3600));
    Authenticator auth = auth();
    auth.login(request(LoginRequest.Mode.DEVICE_CODE), ui);

    assertThat(auth.logout()).isTrue();

    assertThat(Files.readString(cacheFile())).doesNotContain("AT-1", "RT-1", UPN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile()))).isEqualTo("rw-------");
    assertThat(auth.token()).isEmpty();
    assertThat(auth().restore()).isEmpty();
  }

  @Test
  void theBrowserSignInRedeemsTheCodeFromTheLoopbackRedirect() throws Exception {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-B", "RT-B", 3600)));
    EntraStub.BrowserStub browser = EntraStub.BrowserStub.signingIn();

    Principal p = entra.authenticator(settings, env, browser).login(request(LoginRequest.Mode.BROWSER), ui);

    assertThat(p.kind()).isEqualTo(AuthKind.BROWSER);
    assertThat(browser.openedUrl).contains("/organizations/oauth2/v2.0/authorize", "redirect_uri=http",
        "code_challenge=");
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
        .withFormParam("grant_type", equalTo("authorization_code"))
        .withFormParam("code", equalTo("AUTH-CODE-1")));
  }

  @Test
  void withoutABrowserTheBrowserSignInSaysSoAndSendsNothing() {
    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.BROWSER), ui))
        .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_BROWSER));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anUnreachableEntraIdIsReportedAsSuch() {
    wm.stubFor(post(urlPathEqualTo(DEVICE_PATH)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(SignInException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
          assertThat(e.getMessage()).startsWith("Could not reach Entra ID: ");
        });
  }

  @Test
  void theEmbeddedEnvironmentHasNoAuthorityToSignInTo() {
    assertThatThrownBy(() -> auth().login(new LoginRequest(LoginRequest.Mode.DEVICE_CODE, Cloud.EMBEDDED,
        settings.clientId(), "organizations", null), ui))
        .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_POSSIBLE));
  }

  /** The terminal side of a sign-in, recorded. */
  static final class Recording implements Interaction {
    final List<String> shown = new CopyOnWriteArrayList<>();
    final List<Duration> countdowns = new CopyOnWriteArrayList<>();
    final List<String> prompts = new ArrayList<>();
    final List<String> answers = new ArrayList<>();

    @Override
    public void show(String line) {
      shown.add(line);
    }

    @Override
    public void countdown(Duration remaining) {
      countdowns.add(remaining);
    }

    @Override
    public Optional<String> secret(String prompt) {
      prompts.add(prompt);
      return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0)).filter(a -> !a.isEmpty());
    }
  }
}
