package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A customer's subscriptions (spec 19): the whole list without {@code links}, new commerce and
 * legacy shapes, the statuses the seed promises, the filters and their refusal, 20003.
 */
class SubscriptionsTest extends ReadsFixture {

  static List<JsonNode> northwind() {
    return items(ok(NORTHWIND + "/subscriptions"));
  }

  @Test
  void theListIsOneAnswerWithoutLinks() {
    JsonNode body = ok(NORTHWIND + "/subscriptions");

    assertThat(body.has("links")).isFalse();
    assertThat(body.has("continuationToken")).isFalse();
    assertThat(body.path("totalCount").asInt()).isEqualTo(body.path("items").size());
    assertThat(body.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    assertThat(ok(NORTHWIND + "/subscriptions")).as("deterministic").isEqualTo(body);
  }

  @Test
  void northwindHasActiveExpiredDisabledSuspendedAndLegacySubscriptions() {
    List<JsonNode> subs = northwind();
    Map<String, Long> byStatus =
        subs.stream()
            .collect(Collectors.groupingBy(s -> s.path("status").asText(), Collectors.counting()));

    assertThat(subs).hasSizeGreaterThanOrEqualTo(6);
    assertThat(byStatus.get("active")).isGreaterThanOrEqualTo(3);
    assertThat(byStatus)
        .containsEntry("expired", 1L)
        .containsEntry("disabled", 1L)
        .containsEntry("suspended", 1L);
    JsonNode suspended =
        subs.stream()
            .filter(s -> s.path("status").asText().equals("suspended"))
            .findFirst()
            .orElseThrow();
    assertThat(suspended.path("suspensionReasons").get(0).asText()).isEqualTo("PartnerInitiated");
    assertThat(subs)
        .filteredOn(s -> !s.path("status").asText().equals("suspended"))
        .allMatch(s -> !s.has("suspensionReasons"));
  }

  @Test
  void newCommerceSubscriptionsCarryProductTypeTermAndProductLinks() {
    JsonNode nce =
        northwind().stream()
            .filter(s -> s.has("scheduledNextTermInstructions"))
            .findFirst()
            .orElseThrow();

    assertThat(nce.path("productType").path("id").asText()).isEqualTo("OnlineServicesNCE");
    assertThat(nce.path("offerId").asText()).matches("[A-Z0-9]{12}:\\d{4}:[A-Z0-9]{12}");
    assertThat(nce.path("termDuration").asText()).isEqualTo("P1Y");
    assertThat(nce.path("billingCycle").asText()).isEqualTo("annual");
    assertThat(nce.path("autoRenewEnabled").asBoolean()).isTrue();
    assertThat(Instant.parse(nce.path("commitmentEndDate").asText())).isAfter(Instant.now());
    assertThat(nce.path("quantity").asInt()).isEqualTo(18);
    JsonNode next = nce.path("scheduledNextTermInstructions");
    assertThat(next.path("quantity").asInt()).isEqualTo(20);
    assertThat(next.path("product").path("productId").asText())
        .isEqualTo(nce.path("offerId").asText().split(":")[0]);
    assertThat(nce.path("links").path("product").path("uri").asText()).startsWith("/products/");
    assertThat(nce.path("links").path("availability").path("uri").asText())
        .contains("/availabilities/");
    assertThat(nce.path("links").path("self").path("uri").asText())
        .isEqualTo(
            "/customers/"
                + SeedCustomers.NORTHWIND_ID
                + "/subscriptions/"
                + nce.path("id").asText());
    assertThat(nce.path("attributes").path("objectType").asText()).isEqualTo("Subscription");
    assertThat(nce.path("attributes").path("etag").asText()).isNotBlank();
  }

  @Test
  void aLegacySubscriptionHasNoProductTypeAndLinksToItsOffer() {
    JsonNode legacy =
        northwind().stream().filter(s -> !s.has("productType")).findFirst().orElseThrow();

    assertThat(legacy.path("offerId").asText()).matches("[0-9A-F-]{36}");
    assertThat(legacy.path("links").path("offer").path("uri").asText()).startsWith("/offers/");
    assertThat(legacy.path("links").has("product")).isFalse();
    assertThat(legacy.has("termDuration")).isFalse();
    assertThat(legacy.path("commitmentEndDate").asText()).isEqualTo("9999-12-10T00:00:00Z");
  }

  @Test
  void theResellersMpnIdIsThePartnerIdAndMpnIdFiltersOnIt() {
    JsonNode health = items(ok(CONTOSO_HEALTH + "/subscriptions")).get(0);
    assertThat(health.path("partnerId").asText()).isEqualTo("6102387");

    List<JsonNode> wingtip = items(ok(NORTHWIND + "/subscriptions?mpn_id=5234819"));
    assertThat(wingtip).hasSize(1);
    assertThat(wingtip.get(0).path("partnerId").asText()).isEqualTo("5234819");
    assertThat(items(ok(NORTHWIND + "/subscriptions?mpn_id=6102387"))).isEmpty();
  }

  @Test
  void orderIdFiltersAndCombiningItWithMpnIdIsRefused() {
    JsonNode first = northwind().get(0);
    String order = first.path("orderId").asText();

    List<JsonNode> byOrder = items(ok(NORTHWIND + "/subscriptions?order_id=" + order));
    assertThat(byOrder)
        .extracting(s -> s.path("id").asText())
        .containsExactly(first.path("id").asText());

    assertThat(
            Http.fault(
                http.get(NORTHWIND + "/subscriptions?order_id=" + order + "&mpn_id=5234819")))
        .isEqualTo("400/800002");
  }

  @Test
  void productTypeLeavesOutLegacySubscriptions() {
    assertThat(items(ok(NORTHWIND + "/subscriptions?product_type=OnlineServicesNCE")))
        .hasSize(northwind().size() - 1)
        .allMatch(s -> s.has("productType"));
  }

  @Test
  void oneSubscriptionIsTheListsItemAndAnUnknownOneIs20003() {
    JsonNode first = northwind().get(0);
    String id = first.path("id").asText();

    assertThat(ok(NORTHWIND + "/subscriptions/" + id)).isEqualTo(first);
    assertThat(ok(NORTHWIND + "/subscriptions/" + id.toUpperCase())).isEqualTo(first);
    assertThat(Http.fault(http.get(NORTHWIND + "/subscriptions/" + SeedCustomers.NORTHWIND_ID)))
        .isEqualTo("404/20003");
    assertThat(Http.fault(http.get(TAILSPIN + "/subscriptions/" + id))).isEqualTo("404/20003");
  }

  @Test
  void generatedCustomersHaveAFewSubscriptionsComputedFromTheirId() {
    String path = "/v1/customers/" + Http.generatedId(42) + "/subscriptions";

    List<JsonNode> subs = items(ok(path));
    assertThat(subs).hasSizeBetween(2, 4);
    assertThat(ok(path)).isEqualTo(ok(path));
    assertThat(items(ok("/v1/customers/" + Http.generatedId(43) + "/subscriptions")))
        .extracting(s -> s.path("id").asText())
        .doesNotContainAnyElementsOf(subs.stream().map(s -> s.path("id").asText()).toList());
  }

  @Test
  void subscriptionsTakeAnAppOnlyToken() {
    assertThat(appOnly(NORTHWIND + "/subscriptions").statusCode()).isEqualTo(200);
    assertThat(Http.fault(http.get("/v1/customers/nope/subscriptions"))).isEqualTo("400/900118");
  }
}
