package pcsh.commands;

import static pcsh.commands.PictureViews.field;

import java.util.List;
import pcsh.api.Resource;
import pcsh.picture.SubscriptionStatus;

/** {@code subscription show} as text: every documented field that has a value. */
final class SubscriptionView {

  private SubscriptionView() {}

  static String detail(Resource r) {
    StringBuilder b = new StringBuilder();
    field(b, "Subscription", r.text("id"));
    field(b, "Name", r.text("friendlyName"));
    field(b, "Offer", offer(r));
    if (SubscriptionStatus.legacy(r)) {
      field(b, "Kind", "legacy (offer " + r.text("links", "offer", "uri") + ")");
    } else if (r.has("productType")) {
      String type = PictureViews.first(new Resource(r.node("productType")), "id", "displayName");
      field(b, "Kind", "new commerce" + (type == null ? "" : " (" + type + ")"));
      String[] parts = r.text("offerId") == null ? new String[0] : r.text("offerId").split(":");
      if (parts.length == 3)
        field(b, "Product/SKU", parts[0] + " / " + parts[1] + " / availability " + parts[2]);
    }
    String status = SubscriptionStatus.of(r);
    List<String> reasons = r.texts("suspensionReasons");
    field(b, "Status", status + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
    String quantity = r.text("quantity");
    field(b, "Quantity", quantity == null ? null : quantity + unit(r));
    field(b, "Term", r.text("termDuration"));
    field(b, "Billing cycle", r.text("billingCycle"));
    field(b, "Billing type", r.text("billingType"));
    field(b, "Auto-renew", PictureViews.yesNo(r.bool("autoRenewEnabled")));
    field(b, "Created", r.text("creationDate"));
    field(b, "Starts", r.text("effectiveStartDate"));
    field(b, "Commitment end", PictureViews.first(r, "commitmentEndDate", "commitmentEndDateTime"));
    field(b, "Cancel until", r.text("cancellationAllowedUntilDate"));
    field(b, "Billing cycle end", r.text("billingCycleEndDate"));
    field(b, "Next term", nextTerm(new Resource(r.node("scheduledNextTermInstructions"))));
    field(b, "Reseller MPN id", r.text("partnerId"));
    field(b, "Order id", r.text("orderId"));
    field(b, "Entitlement id", r.text("entitlementId"));
    field(b, "Parent", r.text("parentSubscriptionId"));
    field(b, "Trial", PictureViews.yesNo(r.bool("isTrial")));
    field(b, "Publisher", r.text("publisherName"));
    return b.toString().stripTrailing();
  }

  private static String offer(Resource r) {
    String name = r.text("offerName");
    String id = r.text("offerId");
    if (name == null) return id;
    return id == null ? name : name + " (" + id + ")";
  }

  private static String unit(Resource r) {
    String u = r.text("unitType");
    return u == null || u.isBlank() ? "" : " " + u;
  }

  /** {@code scheduledNextTermInstructions}: product, SKU, availability, quantity, term, billing. */
  private static String nextTerm(Resource n) {
    if (!n.json().isObject()) return null;
    Resource p = new Resource(n.node("product"));
    StringBuilder b = new StringBuilder();
    String product =
        String.join(
            ":",
            java.util.stream.Stream.of(
                    p.text("productId"), p.text("skuId"), p.text("availabilityId"))
                .filter(s -> s != null && !s.isBlank())
                .toList());
    if (!product.isEmpty()) b.append(product);
    append(b, "quantity", n.text("quantity"));
    append(b, "term", p.text("termDuration"));
    append(b, "billing", p.text("billingCycle"));
    append(b, "custom term end", n.text("customTermEndDate"));
    return b.length() == 0 ? null : b.toString();
  }

  private static void append(StringBuilder b, String label, String value) {
    if (value == null || value.isBlank()) return;
    b.append(b.length() == 0 ? "" : ", ").append(label).append(' ').append(value);
  }
}
