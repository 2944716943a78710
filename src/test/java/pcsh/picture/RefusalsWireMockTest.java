package pcsh.picture;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.picture.Documented.CUSTOMER;
import static pcsh.picture.Documented.json;

import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;

/**
 * The account status in both of its shapes (the 600074 404 is no failure), the 403s pcsh explains
 * (a GDAP role, an app-only token) and leaves to the error report (20002), and an answer pcsh
 * cannot use.
 */
class RefusalsWireMockTest extends WireMockPicture {

  @Test
  void noAccountStatusIsA404InItsOwnShapeAndNotAFailure() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/validationStatus?type=account"))
            .willReturn(json(404, Documented.ACCOUNT_STATUS_NOT_FOUND)));

    AccountStatus s = picture.accountStatus(CUSTOMER);

    assertThat(s.status()).isEmpty();
    assertThat(s.blocking()).isFalse();
    assertThat(s.sentence()).contains("No account status", "not blocked");
  }

  @Test
  void underReviewBlocksTheCustomersTransactions() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/validationStatus?type=account"))
            .willReturn(json(Documented.ACCOUNT_STATUS_UNDER_REVIEW)));

    AccountStatus s = picture.accountStatus(CUSTOMER);

    assertThat(s.value()).hasValue("UnderReview");
    assertThat(s.blocking()).isTrue();
    assertThat(s.sentence())
        .isEqualTo(
            "UnderReview, last updated 2021-07-14T18:02:00: the customer's transactions are blocked.");
  }

  @Test
  void anotherAccountStatus404IsAFailure() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/validationStatus?type=account"))
            .willReturn(json(404, Documented.fault(60003, "Tenant not found"))));

    assertThatThrownBy(() -> picture.accountStatus(CUSTOMER))
        .isInstanceOfSatisfying(
            PartnerCenterException.class, e -> assertThat(e.errorCode()).hasValue("60003"));
  }

  @Test
  void a403ForWantOfAGdapRoleNamesTheRoles() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/users?size=500"))
            .willReturn(json(403, Documented.fault(2032, "Access denied"))));

    assertThatThrownBy(() -> picture.users(CUSTOMER, false))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.AUTH);
              assertThat(f.getMessage())
                  .contains("HTTP 403")
                  .contains(
                      "needs one of these GDAP roles in the customer's tenant: Directory Readers,"
                          + " Global Reader or User Administrator.");
              assertThat(f.getCause()).isInstanceOf(PartnerCenterException.class);
            });
  }

  @Test
  void a403OnAnAppUserOnlyReadWithAnAppOnlyTokenSaysSo() {
    appOnly = true;
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/subscribedskus"))
            .willReturn(json(403, Documented.fault(2032, "Access denied"))));

    assertThatThrownBy(() -> picture.licences(CUSTOMER, null))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> assertThat(f.getMessage()).contains("App+User tokens only", "signed in app-only"));
  }

  @Test
  void aNoRelationship403IsLeftForTheErrorReport() {
    appOnly = true;
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/subscribedskus?licenseGroupIds=Group2"))
            .willReturn(
                json(403, Documented.fault(20002, "No relationship between caller and account."))));

    assertThatThrownBy(() -> picture.licences(CUSTOMER, "Group2"))
        .isInstanceOfSatisfying(
            PartnerCenterException.class, e -> assertThat(e.errorCode()).hasValue("20002"));
  }

  @Test
  void aCollectionWithoutItemsIsAnAnswerPcshCannotUse() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/subscriptions"))
            .willReturn(json("{\"totalCount\": 0}")));

    assertThatThrownBy(() -> picture.subscriptions(CUSTOMER, null, null, null))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.UNREADABLE);
              assertThat(e.description()).contains("no items list");
            });
  }
}
