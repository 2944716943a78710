package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pcsh.api.NotSignedInException;
import pcsh.api.PartnerCenterException;
import pcsh.auth.SignInException;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;

/** The one mapping from failures to messages and exit codes. */
class ErrorReportTest {

  @ParameterizedTest
  @CsvSource({
    "400, REFUSED",
    "401, AUTH",
    "403, AUTH",
    "404, NOT_FOUND",
    "405, REFUSED",
    "409, REFUSED",
    "408, FAILURE",
    "429, FAILURE",
    "500, FAILURE",
    "503, FAILURE",
    "0, FAILURE"
  })
  void serviceStatusesMapToTheDocumentedExitCodes(int status, ExitCode expected) {
    ErrorReport r = ErrorReport.of(Faults.of(status));

    assertThat(r.exitCode()).isEqualTo(expected);
  }

  @Test
  void aServiceFailureShowsEverythingSupportAsksFor() {
    ErrorReport r = ErrorReport.of(Faults.of(404));

    assertThat(r.text())
        .startsWith("Error: GET http://pc.example/v1/customers/x failed with HTTP 404 Not Found.")
        .contains("Partner Center error 60003: Tenant not found")
        .contains("MS-CorrelationId: corr-1")
        .contains("MS-RequestId:     req-1")
        .contains("Time (UTC):       2026-11-25T10:00:00Z")
        .contains("Next: ");
  }

  @Test
  void localFailuresKeepTheirExitCodes() {
    assertThat(ErrorReport.of(Failure.usage("bad", "fix")).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ErrorReport.of(Failure.notFound("gone", "look")).exitCode())
        .isEqualTo(ExitCode.NOT_FOUND);
    assertThat(ErrorReport.of(Failure.refused("no", "see")).exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(ErrorReport.of(new NotSignedInException()).exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(ErrorReport.of(new IllegalStateException("boom")).exitCode())
        .isEqualTo(ExitCode.FAILURE);
  }

  @Test
  void qualifyNoneExplainsWhichQualificationsCanBeSet() {
    ErrorReport r = ErrorReport.commandNotFound(List.of("qualify", "nonprofit"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.text()).contains("cannot be set to nonprofit").contains("qualify gcc --code");
  }

  @Test
  void textFromTheServiceCannotForgeLines() {
    ErrorReport r = ErrorReport.of(Faults.of(400, "bad\n  MS-RequestId: forged\u001b[2J"));

    assertThat(r.text()).doesNotContain("\u001b").contains("bad   MS-RequestId: forged");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SignInException.Reason.class)
  void everySignInFailureIsExit4WithANextStep(SignInException.Reason reason) {
    ErrorReport r =
        ErrorReport.of(
            new SignInException(reason, "Entra ID: something", "AADSTS1, correlation id c-1"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(r.text()).startsWith("Error: ").contains("Next: ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MFA_REQUIRED | multi-factor authentication | complete MFA",
        "INVALID_GRANT | no longer valid (invalid_grant) | run `login` again",
        "CLIENT_SECRET_REQUIRED | confidential client | public client id",
        "CONSENT_REQUIRED | consented | grant consent",
        "DEVICE_CODE_EXPIRED | device code expired | enter the new code",
        "INVALID_CLIENT | refused the app's credentials | PCSH_CLIENT_SECRET"
      })
  void eachSignInFailureThatNeedsTheUserSaysWhatHappenedAndWhatToDo(
      SignInException.Reason reason, String what, String next) {
    ErrorReport r =
        ErrorReport.of(
            new SignInException(reason, "Entra ID: AADSTS0: text", "AADSTS0, correlation id c-9"));

    assertThat(r.text()).contains(what).contains("Entra ID error: AADSTS0, correlation id c-9");
    assertThat(r.text().substring(r.text().indexOf("Next: "))).contains(next);
  }

  @Test
  void aSecretTypedAfterASwitchIsNotEchoedBack() {
    var parser =
        new org.springframework.shell.command.CommandExecution.CommandParserExceptionsException(
            "bad",
            List.of(
                new org.springframework.shell.command.CommandParser.CommandParserException(
                    "Illegal option value"
                        + " 'CANARY-42', reason 'Failed to convert from type [java.lang.String] to type [boolean] for value"
                        + " [CANARY-42]'")));

    ErrorReport r = ErrorReport.of(parser);

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.text())
        .doesNotContain("CANARY-42")
        .contains("takes no value", "PCSH_ACCESS_TOKEN");
  }

  @Test
  void partnerCentersMfaFaultGetsItsOwnNextStep() {
    ErrorReport r =
        ErrorReport.of(
            Faults.of(401, "Multi-factor authentication (MFA) is required for this request."));

    assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(r.text())
        .contains(
            "sign-in did not use multi-factor authentication",
            "Next: sign in again with MFA: run `login`",
            "MS-CorrelationId: corr-1");
  }

  /** Builds exceptions as the client would, through its package's own factory. */
  static final class Faults {
    static PartnerCenterException of(int status) {
      return of(status, "Tenant not found");
    }

    static PartnerCenterException of(int status, String description) {
      return pcsh.api.TestFaults.fault(
          status,
          status == 0 ? null : "60003",
          description,
          "GET",
          "http://pc.example/v1/customers/x",
          "corr-1",
          "req-1",
          Instant.parse("2026-11-25T10:00:00Z"),
          Optional.empty());
    }
  }
}
