package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import pcsh.auth.Authenticator;
import pcsh.auth.EntraStub;
import pcsh.auth.SignInException;
import pcsh.failure.Failure;
import pcsh.session.SelectedCustomer;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;
import pcsh.shell.OutputPreference;
import pcsh.shell.SecretFilteringHistory;
import pcsh.shell.Ui;

/**
 * The {@code login}, {@code logout} and {@code whoami} commands as plain Java, signing in through
 * MSAL against a stub of Entra ID, on a terminal whose output the tests read.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginCommandTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN_PATH = EntraStub.TOKEN_PATH;

  @TempDir Path home;

  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> settingsFile = new HashMap<>();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;
  private SessionHolder session;
  private Authenticator auth;
  private SessionCommands commands;

  /** Starts pcsh's side; {@code typed} is what the user types once a hidden prompt appears. */
  private void start(String typed) throws Exception {
    java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
    java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard);
    terminal =
        TerminalBuilder.builder()
            .system(false)
            .type("xterm")
            .size(new org.jline.terminal.Size(120, 40))
            .streams(in, screen)
            .build();
    if (!typed.isEmpty()) {
      Thread user =
          new Thread(
              () -> {
                try {
                  org.awaitility.Awaitility.await()
                      .atMost(java.time.Duration.ofSeconds(10))
                      .until(
                          () -> screen.toString(StandardCharsets.UTF_8).contains("(input hidden)"));
                  keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
                  keyboard.flush();
                  Thread.sleep(
                      60_000); // a pipe whose writer thread ended reads as broken: stay, like a
                  // keyboard
                } catch (Exception e) {
                  // the test fails on the missing answer
                }
              });
      user.setDaemon(true);
      user.start();
    }
    settingsFile.put("pcsh.home", home.toString());
    settingsFile.put("pcsh.base-url", "https://api.partnercenter.microsoft.com");
    settingsFile.putIfAbsent("pcsh.auth.client-id", java.util.UUID.randomUUID().toString());
    Settings settings = Settings.from(settingsFile::get);
    auth = new EntraStub(wm, wm.baseUrl()).authenticator(settings, env, null);
    session = new SessionHolder(Session.start(auth.restore()));
    commands =
        new SessionCommands(
            auth,
            session,
            settings,
            new EmbeddedEmulator(settings),
            new Ui(terminal),
            settingsFile::get,
            new OutputPreference());
  }

  @AfterEach
  void close() throws Exception {
    if (terminal != null) terminal.close();
  }

  private String screen() {
    terminal.writer().flush();
    return screen.toString(StandardCharsets.UTF_8);
  }

  private String login() throws Exception {
    return commands.login(false, false, false, false, null, null, null, null);
  }

  private void deviceCodeSucceeds() {
    EntraStub entra = new EntraStub(wm, wm.baseUrl());
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 1, EntraStub.userToken("AT-1", "RT-1", 3600));
  }

  @Test
  void loginPrintsTheCodeToEnterAndWhoamiShowsUserTenantEnvironmentKindAndExpiry()
      throws Exception {
    start("");
    deviceCodeSucceeds();

    String result = login();
    String who = commands.whoami(null, null);

    assertThat(screen()).contains("https://microsoft.com/devicelogin", "FQK5HW3UF");
    assertThat(result)
        .startsWith("Signed in as partner tenant " + EntraStub.TENANT_ID)
        .contains(EntraStub.UPN, "device code");
    assertThat(who)
        .contains(
            "User:            " + EntraStub.UPN,
            "Tenant:          " + EntraStub.TENANT_ID,
            "Environment:     global",
            "Authentication:  device code (App+User)",
            "Token expires:   20");
  }

  @Test
  void aNewLoginKeepsTheSelectedCustomerAndTheSession() throws Exception {
    start("");
    deviceCodeSucceeds();
    SelectedCustomer northwind =
        new SelectedCustomer(
            "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41",
            "Northwind Traders",
            "northwindtraders.onmicrosoft.com");
    session.update(s -> s.selecting(northwind));
    String correlation = session.get().correlationId();

    login();

    assertThat(session.get().customer()).contains(northwind);
    assertThat(session.get().correlationId()).isEqualTo(correlation);
    assertThat(session.get().principal()).isPresent();
  }

  @Test
  void logoutForgetsTheAccountSoARestartIsSignedOut() throws Exception {
    start("");
    deviceCodeSucceeds();
    login();

    commands.logout();
    start("");

    assertThat(session.get().principal()).isEmpty();
    assertThat(commands.whoami(null, null)).contains("Signed in:       no (run `login`)");
    assertThat(Files.readString(home.resolve("auth").resolve("msal-token-cache.json")))
        .doesNotContain("RT-1");
  }

  @Test
  void aProfileChoosesTheTenantTheSignInGoesTo() throws Exception {
    settingsFile.put("pcsh.profile.contoso.tenant", "contoso.onmicrosoft.com");
    start("");
    wm.stubFor(
        post(urlPathEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    "{\"user_code\":\"ABC\",\"device_code\":\"DC\","
                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":0}")));
    wm.stubFor(
        post(urlPathEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/token"))
            .willReturn(EntraStub.userToken("AT-1", "RT-1", 3600)));

    commands.login(false, false, false, false, null, null, null, "contoso");

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/token"))
            .withFormParam("grant_type", equalTo("device_code")));
  }

  @Test
  void anUnknownProfileIsAUsageErrorAndSendsNothing() throws Exception {
    start("");

    assertThatThrownBy(() -> commands.login(false, false, false, false, null, null, null, "nobody"))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void twoWaysOfSigningInAtOnceAreAUsageError() throws Exception {
    start("");

    assertThatThrownBy(() -> commands.login(true, true, false, false, null, null, null, null))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> commands.login(false, false, true, false, null, null, null, null))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(e.getMessage()).contains("--client-id", "--tenant"));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anAppOnlySignInWarnsThatQualificationWritesNeedAppPlusUser() throws Exception {
    env.put(Authenticator.CLIENT_SECRET_ENV, "sp-secret");
    start("");
    wm.stubFor(
        post(urlPathEqualTo("/" + EntraStub.TENANT_ID + "/oauth2/v2.0/token"))
            .willReturn(EntraStub.appToken("APP-AT", 3599)));

    String result =
        commands.login(false, false, true, false, "partner-app", EntraStub.TENANT_ID, null, null);

    assertThat(result)
        .contains(
            "service principal (app-only)",
            "Warning: this is an app-only sign-in",
            "refuses qualification writes",
            "App+User");
  }

  @Test
  void aBrowserSignInWhereNoBrowserCanOpenSuggestsTheDeviceCode() throws Exception {
    start("");

    assertThatThrownBy(() -> commands.login(true, false, false, false, null, null, null, null))
        .isInstanceOfSatisfying(
            SignInException.class,
            e ->
                assertThat(ErrorReport.of(e).text())
                    .contains("No browser can be opened", "Next: run `login` without --browser"));
  }

  @Test
  void noCanarySecretReachesTheScreenTheLogsTheHistoryOrAnyFilePcshWrote(CapturedOutput logs)
      throws Exception {
    String canaryRt = "CANARY-RT-5d1e09";
    String canarySecret = "CANARY-SECRET-77c4b2";
    String canaryToken = "eyJhbGciOiJub25lIn0.CANARY-AT-3b9f.";
    env.put(Authenticator.REFRESH_TOKEN_ENV, canaryRt);
    env.put(Authenticator.CLIENT_SECRET_ENV, canarySecret);
    start(canaryToken + "\r");
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(EntraStub.userToken("AT-SAM", "RT-SAM", 3600)));
    SecretFilteringHistory history =
        new SecretFilteringHistory(home.resolve("history").resolve("pcsh_history"));
    history.attach(
        org.jline.reader.LineReaderBuilder.builder().terminal(terminal).history(history).build());

    // the secure application model with secrets from the environment, then a bearer token typed at
    // the prompt
    String out1 = commands.login(false, true, false, false, null, null, null, null);
    history.add("login --refresh-token");
    String out2 = commands.login(false, false, false, true, null, null, null, null);
    history.add("login --token");
    String who = commands.whoami(null, null) + commands.whoami("json", null);
    history.add("whoami");
    history.save();
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                EntraStub.error(
                    400,
                    "invalid_grant",
                    "AADSTS50076: You must use multi-factor authentication.",
                    "basic_action")));
    commands.logout();
    String failure = "";
    try {
      commands.login(false, true, false, false, null, null, null, null);
    } catch (SignInException e) {
      failure = ErrorReport.of(e).text();
    }

    assertThat(failure).contains("multi-factor authentication", "Next: ");
    wm.verify(
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("client_secret", equalTo(canarySecret))
            .withFormParam("refresh_token", equalTo(canaryRt)));
    List<String> canaries = List.of(canaryRt, canarySecret, "CANARY-AT-3b9f");
    String shown = screen() + out1 + out2 + who + failure + logs.getAll();
    for (String c : canaries) assertThat(shown).as("screen, results and logs").doesNotContain(c);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(f);
        for (String c : canaries) assertThat(content).as(f.toString()).doesNotContain(c);
      }
    }
    assertThat(Files.readString(home.resolve("history").resolve("pcsh_history")))
        .contains("whoami");
  }

  @Test
  void aTokenTypedAtTheHiddenPromptIsUsedForRequestsAndNeverEchoed() throws Exception {
    String token = "typed-bearer-token-123";
    start(token + "\r");

    String result = commands.login(false, false, false, true, null, null, null, null);

    assertThat(result).contains("bearer token given to login --token");
    assertThat(auth.token()).contains(token);
    assertThat(screen()).contains("Access token (input hidden): ").doesNotContain(token);
  }

  @Test
  void theEmbeddedEmulatorSignsInAsTheDemoPartnerWithoutAnyPrompt() throws Exception {
    terminal =
        TerminalBuilder.builder()
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(new ByteArrayInputStream(new byte[0]), screen)
            .build();
    Settings settings = Settings.from(Map.of("pcsh.home", home.toString())::get);
    Authenticator embedded =
        new Authenticator(
            settings,
            env::get,
            new pcsh.session.Principal(
                pcsh.session.Principal.AuthKind.EMULATOR_DEMO,
                "Demo",
                "demo-tenant",
                "admin@demo"));
    session = new SessionHolder(Session.start(Optional.empty()));
    commands =
        new SessionCommands(
            embedded,
            session,
            settings,
            new EmbeddedEmulator(settings),
            new Ui(terminal),
            settingsFile::get,
            new OutputPreference());

    assertThat(login()).contains("Signed in as Demo", "embedded emulator demo partner");
    assertThat(embedded.token()).isPresent();
    assertThat(screen()).isEmpty();
  }

  @Test
  void withoutATerminalATokenIsReadAsOneLineOfStandardInputLeavingTheRest() throws Exception {
    ByteArrayInputStream stdin =
        new ByteArrayInputStream("token-from-a-pipe\r\nwhoami\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Ui.oneLine(stdin)).contains("token-from-a-pipe");
    assertThat(new String(stdin.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("whoami\n");
    assertThat(Ui.oneLine(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }
}
