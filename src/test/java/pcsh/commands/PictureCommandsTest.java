package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The customer's profiles, relationships and account status against the embedded emulator, and the
 * errors that name what is missing (a GDAP role, an App+User token, a relationship).
 */
class PictureCommandsTest extends PictureFixture {

  @Test
  void whatTheServiceLeavesOutForWantOfAGdapRoleIsShownHiddenWithTheRoles() {
    String out = fixture.profiles().profile(CONTOSO_LTD, null, null);

    assertThat(out)
        .contains("Company name:   Contoso Ltd")
        .contains(
            "Address:        hidden (needs one of: Global Administrator, Directory Writers,"
                + " Global Reader)")
        .contains(
            "Email:          hidden (needs one of: Global Administrator, Directory Writers,"
                + " Global Reader)")
        .contains(
            "Custom domains: hidden (needs one of: Domain Name Administrator, Directory Readers,"
                + " Global Administrator, Global Reader, Hybrid Identity Administrator)")
        .contains("Billing profile");
    assertThat(paths())
        .containsExactly(
            "/v1/customers/" + CONTOSO_LTD + "/profiles/company",
            "/v1/customers/" + CONTOSO_LTD + "/profiles/billing",
            "/v1/customers/" + CONTOSO_LTD);
  }

  @Test
  void aProfileWithTheRolesShowsAddressAndEmailAndItsJsonIsAsSent() throws Exception {
    String out = fixture.profiles().profile(SeedCustomers.TAILSPIN_ID, null, null);
    assertThat(out).doesNotContain("hidden");

    JsonNode json = JSON.readTree(fixture.profiles().profile(CONTOSO_LTD, "json", null));
    assertThat(json.path("companyProfile").path("companyName").asText()).isEqualTo("Contoso Ltd");
    assertThat(json.path("companyProfile").has("address")).isFalse();
    assertThat(json.path("billingProfile").isObject()).isTrue();
  }

  @Test
  void theCustomersIndirectResellerAndThePartnersOwn() {
    assertThat(fixture.profiles().relationships(CONTOSO_HEALTH, null, null, null))
        .contains("Lamna Healthcare IT", "6102387", "is_indirect_reseller_of");
    assertThat(fixture.profiles().relationships(null, "provider", null, null))
        .contains("Wingtip Toys Cloud Services");
    assertThat(paths())
        .containsExactly(
            "/v1/customers/" + CONTOSO_HEALTH + "/relationships",
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf");
  }

  @Test
  void error1002OnThePartnersRelationshipsSaysWhatItUsuallyMeans() {
    assertThatThrownBy(() -> fixture.profiles().relationships(null, "reseller", null, null))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
              assertThat(r.text())
                  .contains("error 1002")
                  .contains("not an indirect provider or indirect reseller")
                  .contains("MS-RequestId:");
            });
  }

  @Test
  void usersOfACustomerWithoutTheGdapRoleNameTheRoles() {
    assertThatThrownBy(() -> fixture.users().list(CONTOSO_LTD, false, false, null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              ErrorReport r = ErrorReport.of(f);
              assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
              assertThat(r.text())
                  .contains("Directory Readers, Global Reader or User Administrator")
                  .contains("Partner Center error 2032")
                  .contains("MS-CorrelationId:")
                  .contains("Next: `customer access`");
            });
  }

  @Test
  void anAppOnlyTokenOnAnAppUserOnlyReadIsNamed() throws Exception {
    try (CommandsFixture appOnly = appOnlyFixture()) {
      appOnly.appOnly = true;
      assertThatThrownBy(() -> appOnly.profiles().accountStatus(NORTHWIND, null, null))
          .satisfies(
              e -> {
                ErrorReport r = ErrorReport.of(e);
                assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
                assertThat(r.text()).contains("App+User tokens only", "signed in app-only");
              });
    }
  }

  @Test
  void accountStatusUnderReviewIsBlockingAndNoneIsNot() throws Exception {
    assertThat(fixture.profiles().accountStatus(SeedCustomers.LITWARE_ID, null, null))
        .startsWith("Account status: UnderReview, last updated ")
        .endsWith("the customer's transactions are blocked.");
    assertThat(fixture.profiles().accountStatus(SeedCustomers.TAILSPIN_ID, null, null))
        .isEqualTo(
            "Account status: No account status (Partner Center has none for this customer);"
                + " transactions are not blocked.");
    assertThat(fixture.profiles().accountStatus(NORTHWIND, null, null))
        .startsWith("Account status: Allowed")
        .endsWith("transactions are not blocked.");
    JsonNode none =
        JSON.readTree(fixture.profiles().accountStatus(SeedCustomers.TAILSPIN_ID, "json", null));
    assertThat(none.path("accountStatus").isNull()).isTrue();
    assertThat(none.path("transactionsBlocked").asBoolean()).isFalse();
    assertThat(paths())
        .last()
        .isEqualTo("/v1/customers/" + SeedCustomers.TAILSPIN_ID + "/validationStatus?type=account");
  }

  @Test
  void noRelationshipBetweenPartnerAndCustomerIsNamed() {
    assertThatThrownBy(
            () ->
                fixture
                    .subscriptions()
                    .list(SeedCustomers.NOT_A_CUSTOMER_ID, null, null, null, null, null))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
              assertThat(r.text())
                  .contains(
                      "no relationship between the partner and customer "
                          + SeedCustomers.NOT_A_CUSTOMER_ID
                          + " (error 20002)");
            });
  }
}
