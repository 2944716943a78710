package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcsh.api.Exchange;

/**
 * The customer's lists against the embedded emulator: subscriptions, licences, users (every page
 * streamed), service requests; and bad input refused before anything is sent.
 */
class PictureListsTest extends PictureFixture {

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
}
