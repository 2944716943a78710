package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.auth.EntraStub.DEVICE_PATH;
import static pcsh.auth.EntraStub.TENANT_ID;
import static pcsh.auth.EntraStub.TOKEN_PATH;
import static pcsh.auth.EntraStub.UPN;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * The device code flow: what MSAL sends while the user signs in elsewhere, and how each way it can
 * fail is reported (refusals, an expired code, Ctrl-C, no connection, no authority).
 */
class DeviceCodeSignInTest extends SignInFixture {

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
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(DEVICE_PATH))
            .withFormParam("client_id", equalTo(settings.clientId()))
            .withFormParam(
                "scope", containing("https://api.partnercenter.microsoft.com/user_impersonation")));
    wm.verify(
        3,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("device_code"))
            .withFormParam("device_code", equalTo("DC-secret-123"))
            .withFormParam("client_id", equalTo(settings.clientId())));
    assertThat(ui.shown)
        .singleElement()
        .asString()
        .contains("https://microsoft.com/devicelogin", "FQK5HW3UF", "Ctrl-C")
        .doesNotContain("DC-secret-123");
  }

  @Test
  void anExpiredDeviceCodeIsReportedAsSuch() {
    entra.deviceCode(900);
    entra.tokenSequence(
        TOKEN_PATH,
        1,
        EntraStub.error(
            400,
            "expired_token",
            "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has"
                + " expired."));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(
            SignInException.class,
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
    "401, invalid_client, AADSTS7000215: Invalid client secret provided., '', INVALID_CLIENT"
  })
  void eachRefusalThatNeedsTheUserHasItsOwnReason(
      int status, String error, String description, String suberror, Reason expected) {
    entra.deviceCode(900);
    entra.tokenSequence(
        TOKEN_PATH,
        0,
        EntraStub.error(
            status, error, description, suberror == null || suberror.isBlank() ? null : suberror));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(expected);
              assertThat(e.getMessage()).doesNotContain("DC-secret-123");
            });
  }

  @Test
  void ctrlCWhileWaitingCancelsTheSignInAndLeavesTheThreadUsable() throws Exception {
    entra.deviceCode(900);
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                EntraStub.error(
                    400, "authorization_pending", "AADSTS70016: Authorization is pending.")));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui);
              } catch (Throwable e) {
                thrown.set(e);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
    t.start();
    pcsh.HangGuard.await("the device code is shown").until(() -> !ui.shown.isEmpty());
    pcsh.HangGuard.await("the countdown starts").until(() -> !ui.countdowns.isEmpty());

    t.interrupt(); // what Spring Shell does on Ctrl-C
    t.join(pcsh.HangGuard.LIMIT.toMillis());

    assertThat(thrown.get())
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
    assertThat(interruptedAfter.get()).isFalse();
    assertThat(ui.countdowns.get(0)).isBetween(Duration.ofSeconds(880), Duration.ofSeconds(900));
  }

  @Test
  void anUnreachableEntraIdIsReportedAsSuch() {
    wm.stubFor(
        post(urlPathEqualTo(DEVICE_PATH))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> auth().login(request(LoginRequest.Mode.DEVICE_CODE), ui))
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
              assertThat(e.getMessage()).startsWith("Could not reach Entra ID: ");
            });
  }

  @Test
  void theEmbeddedEnvironmentHasNoAuthorityToSignInTo() {
    assertThatThrownBy(
            () ->
                auth()
                    .login(
                        new LoginRequest(
                            LoginRequest.Mode.DEVICE_CODE,
                            Cloud.EMBEDDED,
                            settings.clientId(),
                            "organizations",
                            null),
                        ui))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_POSSIBLE));
  }
}
