package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
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
import pcsh.shell.Ui;

/**
 * The {@code login}, {@code logout} and {@code whoami} commands as plain Java, signing in through
 * MSAL against a stub of Entra ID, on a terminal whose output the tests read: what a sign-in shows
 * and keeps, profiles, and the ways of signing in that are refused or warned about. {@link
 * LoginSecretsTest} covers the secrets a sign-in handles.
 */
class LoginCommandTest extends LoginFixture {

  @Test
  void loginPrintsTheCodeToEnterAndWhoamiShowsUserTenantEnvironmentKindAndExpiry()
      throws Exception {
    start("");
    deviceCodeSucceeds();

    String result = login();
    String who = commands.whoami(null, null);

    // the terminal copies output to the screen on a thread of its own
    pcsh.HangGuard.await("the code reaches the screen")
        .untilAsserted(
            () -> assertThat(screen()).contains("https://microsoft.com/devicelogin", "FQK5HW3UF"));
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
}
