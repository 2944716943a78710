package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.api.PartnerCenterException;
import pcsh.api.TestFaults;
import pcsh.failure.Failure;
import pcsh.graph.TestGraphFaults;

/**
 * Partner Center's MFA refusal (401 with code 900421, or a description that speaks of MFA) gets its
 * own message and exit 4 with the ids; Microsoft Graph's failures show Graph's ids and map to the
 * documented exit codes.
 */
class AccessErrorReportTest {

  static PartnerCenterException fault(int status, String code, String description) {
    return TestFaults.fault(
        status,
        code,
        description,
        "GET",
        "https://api.partnercenter.microsoft.com/v1/customers",
        "corr-9",
        "req-9",
        Instant.parse("2026-11-25T10:00:00Z"),
        Optional.empty());
  }

  static Stream<Arguments> mfaRefusals() {
    return Stream.of(
        Arguments.of(401, "900421", "Unauthorized"),
        Arguments.of(401, "900421 ", "Access denied"),
        Arguments.of(401, "800001", "MFA required for this call"),
        Arguments.of(401, null, "Unauthorized - MFA required"),
        Arguments.of(403, "1002", "Multi-factor authentication is required"));
  }

  @ParameterizedTest
  @MethodSource("mfaRefusals")
  void mfaRefusalsSayWhatHappenedAndHowToSignInAgain(int status, String code, String description) {
    ErrorReport r = ErrorReport.of(fault(status, code, description));

    assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(r.text())
        .contains(
            "did not use multi-factor authentication",
            "amr claim has no mfa",
            "April 1, 2026",
            "sign in again with MFA",
            "`doctor`",
            "MS-CorrelationId: corr-9",
            "MS-RequestId:     req-9");
  }

  @Test
  void anOrdinary401IsNotCalledAnMfaRefusal() {
    ErrorReport r =
        ErrorReport.of(fault(401, "800001", "Partner token missing in request context"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(r.text()).doesNotContain("multi-factor").contains("run `login`");
  }

  @Test
  void graphFailuresShowGraphsIdsAndMapToTheExitCodes() {
    ErrorReport forbidden =
        ErrorReport.of(
            TestGraphFaults.response(
                403, "Authorization_RequestDenied", "Insufficient privileges"));
    ErrorReport unavailable = ErrorReport.of(TestGraphFaults.response(503, null, "HTTP 503"));
    ErrorReport down = ErrorReport.of(TestGraphFaults.noResponse());
    ErrorReport wrapped =
        ErrorReport.of(
            new Failure(
                Failure.Kind.AUTH,
                "GDAP could not be read.",
                "see above.",
                TestGraphFaults.response(
                    401, "InvalidAuthenticationToken", "Access token is empty.")));

    assertThat(forbidden.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(forbidden.text())
        .contains(
            "Microsoft Graph: GET https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships"
                + " failed with HTTP 403 Forbidden.",
            "Graph error Authorization_RequestDenied: Insufficient privileges",
            "request-id:        req-graph-1",
            "client-request-id: client-req-1",
            "date:              2026-11-25T10:00:00",
            "Partner Center commands are not affected");
    assertThat(unavailable.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(down.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(down.text())
        .contains("no response", "pcsh.graph.base-url", "client-request-id: client-req-2");
    assertThat(wrapped.text())
        .contains("GDAP could not be read.", "request-id:        req-graph-1");
  }
}
