package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterException;

/** Partner Center error codes whose report says what is missing, each at its own status only. */
class ServiceErrorsTest {

  static final String CUSTOMER = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";

  @Test
  void noRelationshipNamesTheCustomer() {
    ErrorReport r =
        ErrorReport.of(fault(403, "20002", "/v1/customers/" + CUSTOMER + "/subscriptions"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(r.text())
        .contains(
            "failed with HTTP 403 Forbidden: Partner Center has no relationship between the partner"
                + " and customer "
                + CUSTOMER
                + " (error 20002)")
        .contains("MS-RequestId:     req-1")
        .contains("Next: check that this customer is one of yours");
  }

  @Test
  void authorizationFailedOnRelationshipsSaysWhatItUsuallyMeans() {
    ErrorReport onRelationships = ErrorReport.of(fault(403, "1002", "/v1/relationships"));
    ErrorReport elsewhere = ErrorReport.of(fault(403, "1002", "/v1/customers/" + CUSTOMER));

    assertThat(onRelationships.text()).contains("not an indirect provider or indirect reseller");
    assertThat(elsewhere.text()).doesNotContain("indirect");
    assertThat(elsewhere.exitCode()).isEqualTo(ExitCode.AUTH);
  }

  @Test
  void aMissingSubscriptionUserOrServiceRequestIsNotFoundWithWhereToLook() {
    ErrorReport subscription =
        ErrorReport.of(fault(404, "20003", "/v1/customers/" + CUSTOMER + "/subscriptions/s"));
    ErrorReport user =
        ErrorReport.of(fault(404, "60002", "/v1/customers/" + CUSTOMER + "/users/u"));
    ErrorReport request = ErrorReport.of(fault(404, "1000", "/v1/servicerequests/6151"));

    assertThat(subscription.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(subscription.text()).contains("no such subscription", "`subscriptions list`");
    assertThat(user.text()).contains("no such user", "`users list`");
    assertThat(request.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(request.text()).contains("no such service request (error 1000)");
  }

  @Test
  void aCodeAtAnotherStatusIsReportedAsItCame() {
    ErrorReport r = ErrorReport.of(fault(503, "20002", "/v1/customers/" + CUSTOMER));

    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.text()).doesNotContain("no relationship").contains("HTTP 503");
  }

  private static PartnerCenterException fault(int status, String code, String path) {
    return pcsh.api.TestFaults.fault(
        status,
        code,
        "as the service said it",
        "GET",
        "http://pc.example" + path,
        "corr-1",
        "req-1",
        Instant.parse("2026-11-25T10:00:00Z"),
        Optional.empty());
  }
}
