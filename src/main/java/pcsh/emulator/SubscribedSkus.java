package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's licences (spec 20), derived from its subscriptions, one subscribed SKU per part
 * number: an active subscription's quantity counts as active units, an expired one's as warning
 * units (its grace period), a suspended or disabled one's as suspended units. The emulator's
 * arithmetic (the service documents none): {@code totalUnits} = active + warning, {@code
 * availableUnits} = total - consumed, never below 0. There is no key back to the subscription, as
 * documented.
 */
final class SubscribedSkus {

  private SubscribedSkus() {}

  /** The subscribed SKUs of the license groups asked for ({@code Group1} when none). */
  static List<ObjectNode> of(List<Subscription> subscriptions, List<String> groups) {
    Map<String, Units> bySku = new LinkedHashMap<>();
    for (Subscription s : subscriptions) {
      if (groups.stream().noneMatch(g -> g.equalsIgnoreCase(s.offer().licenseGroup()))) continue;
      Units u = bySku.computeIfAbsent(s.offer().skuPartNumber(), k -> new Units(s.offer()));
      switch (s.status()) {
        case "active" -> u.active += s.quantity();
        case "expired" -> u.warning += s.quantity();
        case "suspended", "disabled" -> u.suspended += s.quantity();
        default -> {}
      }
      u.consumed += s.consumed();
    }
    return bySku.values().stream().map(Units::toJson).toList();
  }

  private static final class Units {
    final Offer offer;
    int active;
    int warning;
    int suspended;
    int consumed;

    Units(Offer offer) {
      this.offer = offer;
    }

    ObjectNode toJson() {
      int total = active + warning;
      String capability = active > 0 ? "Enabled" : warning > 0 ? "Warning" : "Suspended";
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("availableUnits", Math.max(0, total - consumed));
      n.put("activeUnits", active);
      n.put("consumedUnits", consumed);
      n.put("suspendedUnits", suspended);
      n.put("totalUnits", total);
      n.put("warningUnits", warning);
      ObjectNode sku = n.putObject("productSku");
      sku.put("id", offer.subscribedSkuId());
      sku.put("name", offer.name());
      sku.put("skuPartNumber", offer.skuPartNumber());
      sku.put("targetType", "User");
      sku.put("licenseGroupId", offer.licenseGroup());
      ArrayNode plans = n.putArray("servicePlans");
      for (String plan : offer.servicePlans()) {
        plans
            .addObject()
            .put("displayName", plan)
            .put("serviceName", plan)
            .put("id", SeedIds.uuid("service-plan-" + plan))
            .put("capabilityStatus", capability)
            .put("targetType", "User");
      }
      n.put("capabilityStatus", capability);
      n.set("attributes", Json.attributes("SubscribedSku"));
      return n;
    }
  }
}
