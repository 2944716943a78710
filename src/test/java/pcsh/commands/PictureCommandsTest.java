package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.Exchange;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The customer's picture commands as plain Java against the embedded emulator's seeded customers:
 * what they print, and what they sent (from the client's exchange log).
 */
class PictureCommandsTest {

  static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  static final String FABRIKAM = SeedCustomers.FABRIKAM_ID;
  static final String CONTOSO_LTD = SeedCustomers.CONTOSO_LTD_ID;
  static final String CONTOSO_HEALTH = SeedCustomers.CONTOSO_HEALTH_ID;
  static final ObjectMapper JSON = new ObjectMapper();

  private Emulator emulator;
  private final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
  private CommandsFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), streamed);
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
    emulator.close();
  }

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
  void subscriptionsOfEveryStatusAreListedAsSent() throws Exception {
    String out = fixture.subscriptions().list(NORTHWIND, null, null, null, null, null);

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).startsWith("ID").contains("STATUS", "COMMITMENT END");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(1 + 6);
    assertThat(out).contains("expired", "disabled", "suspended", "active");
    assertThat(fixture.seen.all()).hasSize(lines.size() - 1);

    JsonNode all =
        JSON.readTree(fixture.subscriptions().list(NORTHWIND, null, null, null, "json", null));
    JsonNode legacy = find(all, s -> s.path("links").has("offer"));
    assertThat(legacy.has("productType")).isFalse();
    JsonNode suspended = find(all, s -> s.path("status").asText().equals("suspended"));
    assertThat(suspended.path("suspensionReasons").get(0).asText()).isEqualTo("PartnerInitiated");

    String expired = fixture.subscriptions().list(NORTHWIND, "EXPIRED", null, null, null, null);
    assertThat(expired.lines().skip(1))
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).contains("expired"));
  }

  @Test
  void oneSubscriptionInFullLegacyAndSuspended() throws Exception {
    JsonNode all =
        JSON.readTree(fixture.subscriptions().list(NORTHWIND, null, null, null, "json", null));
    String legacy = find(all, s -> s.path("links").has("offer")).path("id").asText();
    String suspended =
        find(all, s -> s.path("status").asText().equals("suspended")).path("id").asText();
    String renewing = find(all, s -> s.has("scheduledNextTermInstructions")).path("id").asText();

    assertThat(fixture.subscriptions().show(legacy, NORTHWIND, null, null))
        .contains("Kind:             legacy (offer /offers/")
        .contains("Commitment end:   9999-12-10");
    assertThat(fixture.subscriptions().show(suspended, NORTHWIND, null, null))
        .contains("Status:           suspended (PartnerInitiated)");
    assertThat(fixture.subscriptions().show(renewing, NORTHWIND, null, null))
        .contains("Kind:             new commerce")
        .contains("Next term:")
        .contains("quantity 20");
    assertThat(paths())
        .last()
        .isEqualTo("/v1/customers/" + NORTHWIND + "/subscriptions/" + renewing);
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    SubscriptionCommands subs = fixture.subscriptions();
    assertUsage(
        () -> subs.list(NORTHWIND, null, "abc", "4847383", null, null),
        "--order and --mpn-id cannot be combined");
    assertUsage(
        () -> subs.list(NORTHWIND, "frozen", null, null, null, null),
        "--status 'frozen' is not one of none, active, pending, suspended, expired, disabled,"
            + " deleted.");
    assertUsage(() -> subs.list(NORTHWIND, null, null, "12ab", null, null), "is not an MPN id");
    assertUsage(() -> subs.list(NORTHWIND, null, "a b", null, null, null), "is not an order id");
    assertUsage(
        () -> subs.show("not-a-guid", NORTHWIND, null, null),
        "'not-a-guid' is not a subscription id");
    assertUsage(() -> subs.licenses(NORTHWIND, "3", null, null), "--group '3' is not one of 1, 2.");
    assertUsage(
        () -> fixture.users().show("12345", FABRIKAM, null, null), "'12345' is not a user id");
    assertUsage(
        () -> fixture.serviceRequests().show("SR-1", null, null),
        "--id 'SR-1' is not a service request id");
    assertUsage(
        () -> fixture.serviceRequests().list(null, "pending", null, null, null),
        "--status 'pending' is not one of none, open, closed, attention_needed.");
    assertUsage(
        () -> fixture.profiles().relationships(NORTHWIND, "reseller", null, null),
        "--partner-type lists the partner's own relationships");
    assertUsage(
        () -> fixture.profiles().accountStatus("northwind", null, null),
        "'northwind' is not a customer id");
    assertThat(fixture.exchanges.recent()).isEmpty();
  }

  @Test
  void licencesShowTheirUnits() {
    String out = fixture.subscriptions().licenses(NORTHWIND, null, null, null);

    assertThat(out.lines().findFirst().orElseThrow())
        .contains("SKU PART NUMBER", "TOTAL", "CONSUMED", "AVAILABLE", "WARNING", "SUSPENDED");
    assertThat(out.lines().count()).isGreaterThan(1);
    assertThat(fixture.subscriptions().licenses(FABRIKAM, "2", null, null))
        .containsIgnoringCase("minecraft");
    assertThat(paths())
        .last()
        .isEqualTo("/v1/customers/" + FABRIKAM + "/subscribedskus?licenseGroupIds=Group2");
  }

  @Test
  void allUsersAreStreamedPageByPageWithTheContinuationToken() {
    assertThat(fixture.users().list(FABRIKAM, false, true, "csv", null)).isNull();

    List<String> lines = streamed.toString(UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("id,userPrincipalName");
    assertThat(lines).hasSize(1 + 1240);
    assertThat(String.join("\n", lines)).doesNotContain("passwordProfile");
    List<Exchange> sent = fixture.exchanges.recent();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).path()).isEqualTo("/v1/customers/" + FABRIKAM + "/users?size=500");
    assertThat(sent.subList(1, 3))
        .allSatisfy(
            e -> {
              assertThat(e.path()).contains("/users?").contains("seekOperation=Next");
              assertThat(e.requestHeaders().keySet())
                  .anyMatch(h -> h.equalsIgnoreCase("MS-ContinuationToken"));
            });
  }

  @Test
  void deletedUsersAndOneUserWithItsDirectoryRoles() throws Exception {
    String deleted = fixture.users().list(FABRIKAM, true, false, null, null);
    assertThat(deleted.lines().skip(1))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("inactive"));

    JsonNode users = JSON.readTree(fixture.users().list(FABRIKAM, false, false, "json", null));
    assertThat(users).hasSize(500);
    String id = users.get(0).path("id").asText();
    String shown = fixture.users().show(id, FABRIKAM, null, null);
    assertThat(shown).contains("User:             " + id).contains("Directory roles:");
    JsonNode json = JSON.readTree(fixture.users().show(id, FABRIKAM, "json", null));
    assertThat(json.path("directoryRoles").isArray()).isTrue();
    assertThat(paths())
        .last()
        .isEqualTo("/v1/customers/" + FABRIKAM + "/users/" + id + "/directoryroles");
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

  @Test
  void serviceRequestsOfThePartnerAndOfACustomerWithTheirIntegerEnumsNamed() throws Exception {
    String all = fixture.serviceRequests().list(null, null, null, null, null);
    assertThat(all.lines().skip(1)).hasSize(5);
    assertThat(all).contains("attention_needed", "minimal", "critical", "closed");

    String open = fixture.serviceRequests().list(NORTHWIND, "OPEN", null, null, null);
    assertThat(open.lines().skip(1))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("615112491169011", "moderate", "open"));
    JsonNode json =
        JSON.readTree(fixture.serviceRequests().list(NORTHWIND, null, null, "json", null));
    assertThat(json).hasSize(2);
    assertThat(json.get(0).path("status").isInt()).isTrue(); // as the list sent it

    String shown = fixture.serviceRequests().show("615112491169011", null, null);
    assertThat(shown)
        .contains("Title:            Users cannot activate Microsoft 365 Apps")
        .contains("Status:           open")
        .contains("Notes:")
        .contains("activation troubleshooter");
    assertThat(paths())
        .containsExactly(
            "/v1/servicerequests?offset=0&size=100",
            "/v1/customers/" + NORTHWIND + "/servicerequests?offset=0&size=100",
            "/v1/customers/" + NORTHWIND + "/servicerequests?offset=0&size=100",
            "/v1/servicerequests/615112491169011");
  }

  private CommandsFixture appOnlyFixture() throws Exception {
    // an unsigned JWT of a client-credentials token: application roles, no delegated scope
    String payload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"roles\":[\"Partner.Read.All\"],\"tid\":\"t\",\"appid\":\"a\"}".getBytes(UTF_8));
    return new CommandsFixture(
        () -> emulator.baseUrl().toString(), "eyJhbGciOiJub25lIn0." + payload + ".");
  }

  private void assertUsage(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(f.getMessage()).contains(message);
            });
  }

  private List<String> paths() {
    return fixture.exchanges.recent().stream().map(Exchange::path).toList();
  }

  private static JsonNode find(JsonNode all, java.util.function.Predicate<JsonNode> p) {
    return StreamSupport.stream(all.spliterator(), false).filter(p).findFirst().orElseThrow();
  }
}
