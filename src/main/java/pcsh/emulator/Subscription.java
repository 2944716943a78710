package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One seeded subscription (spec 19), computed when a request needs it, and its JSON as the service
 * writes it: new commerce ones with {@code productType} "OnlineServicesNCE", a term and links to
 * product, SKU and availability; legacy ones with no {@code productType} and a {@code links.offer}.
 *
 * @param status {@code active}, {@code expired}, {@code disabled}, {@code suspended}, ...
 * @param termDuration ISO 8601 ({@code P1M}, {@code P1Y}); null for a legacy subscription
 * @param commitmentEnd the end of the current term ({@code 9999-12-10} for a non-renewing legacy
 *     one, as the service writes it)
 * @param partnerId the MPN id of the indirect reseller of record, or null
 * @param suspensionReasons empty unless suspended
 * @param nextTermQuantity the quantity of {@code scheduledNextTermInstructions}, 0 for none
 * @param consumed licences of it assigned to users (for the subscribed SKUs)
 */
record Subscription(
    String id,
    Offer offer,
    int quantity,
    String status,
    String billingCycle,
    String termDuration,
    boolean autoRenew,
    Instant created,
    Instant commitmentEnd,
    String partnerId,
    List<String> suspensionReasons,
    int nextTermQuantity,
    int consumed,
    String orderId) {

  ObjectNode toJson(String customerId) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", id);
    n.put("offerId", offer.offerId());
    n.put("offerName", offer.name());
    n.put("friendlyName", offer.name());
    n.put("entitlementId", SeedIds.uuid("entitlement-" + id));
    if (!offer.legacy()) {
      n.putObject("productType")
          .put("id", "OnlineServicesNCE")
          .put("displayName", "OnlineServicesNCE");
    }
    n.put("quantity", quantity);
    n.put("unitType", "Licenses");
    n.put("hasPurchasableAddons", false);
    n.put("creationDate", created.toString());
    n.put("effectiveStartDate", created.truncatedTo(ChronoUnit.DAYS).toString());
    n.put("commitmentEndDate", commitmentEnd.toString());
    if (!offer.legacy()) {
      n.put("commitmentEndDateTime", commitmentEnd.minusSeconds(1).toString());
      n.put(
          "cancellationAllowedUntilDate",
          created.truncatedTo(ChronoUnit.DAYS).plus(7, ChronoUnit.DAYS).toString());
    }
    n.put("status", status);
    n.put("autoRenewEnabled", autoRenew);
    n.put("isTrial", false);
    n.put("billingType", "license");
    n.put("billingCycle", billingCycle);
    if (termDuration != null) {
      n.put("termDuration", termDuration);
      n.put("renewalTermDuration", termDuration);
    }
    n.put("isMicrosoftProduct", true);
    if (partnerId != null) {
      n.put("partnerId", partnerId);
    }
    n.put("contractType", "subscription");
    n.put("orderId", orderId);
    n.put("publisherName", "Microsoft Corporation");
    n.put("attentionNeeded", false);
    n.put("actionTaken", false);
    if (!suspensionReasons.isEmpty()) {
      ArrayNode reasons = n.putArray("suspensionReasons");
      suspensionReasons.forEach(reasons::add);
    }
    if (nextTermQuantity > 0) {
      ObjectNode next = n.putObject("scheduledNextTermInstructions");
      next.putObject("product")
          .put("productId", offer.productId())
          .put("skuId", offer.skuId())
          .put("availabilityId", offer.availabilityId())
          .put("billingCycle", billingCycle)
          .put("termDuration", termDuration);
      next.put("quantity", nextTermQuantity);
    }
    n.set("links", links(customerId));
    ObjectNode attributes = n.putObject("attributes");
    attributes.put("etag", "\"" + SeedIds.uuid("etag-" + id) + "\"");
    attributes.put("objectType", "Subscription");
    return n;
  }

  private ObjectNode links(String customerId) {
    ObjectNode links = Json.MAPPER.createObjectNode();
    if (offer.legacy()) {
      links.set("offer", Json.link("/offers/" + offer.offerId() + "?country=US"));
    } else {
      String product = "/products/" + offer.productId();
      links.set("product", Json.link(product + "?country=US"));
      links.set("sku", Json.link(product + "/skus/" + offer.skuId() + "?country=US"));
      links.set(
          "availability",
          Json.link(
              product
                  + "/skus/"
                  + offer.skuId()
                  + "/availabilities/"
                  + offer.availabilityId()
                  + "?country=US"));
    }
    links.set("self", Json.link("/customers/" + customerId + "/subscriptions/" + id));
    return links;
  }
}
