package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * A customer's subscriptions (spec 19) and licences (spec 20): whole lists in one answer, without
 * {@code links}. The list takes {@code order_id} or {@code mpn_id} (both at once is 400 / 800002,
 * the emulator's answer to a combination the docs forbid) and {@code product_type}; an unknown
 * subscription is 404 / 20003. Subscribed SKUs need a GDAP role (spec 23).
 */
final class SubscriptionReads {

  private final CustomerDirectory directory;
  private final GdapRoles gdap;
  private final Clock clock;

  SubscriptionReads(CustomerDirectory directory, GdapRoles gdap, Clock clock) {
    this.directory = directory;
    this.gdap = gdap;
    this.clock = clock;
  }

  // GET /v1/customers/{id}/subscriptions[?order_id=|?mpn_id=][&product_type=]
  ApiResponse list(String id, RouteTable.Call call) {
    Customer c = directory.require(id);
    String order = call.query("order_id");
    String mpn = call.query("mpn_id");
    String type = call.query("product_type");
    if (order != null && mpn != null) {
      throw ApiException.badInput("order_id and mpn_id cannot be combined: give one of them.");
    }
    Stream<Subscription> subs = SeedSubscriptions.of(c, clock.instant()).stream();
    if (order != null) subs = subs.filter(s -> s.orderId().equalsIgnoreCase(order.trim()));
    if (mpn != null) subs = subs.filter(s -> mpn.trim().equals(s.partnerId()));
    if (type != null) {
      subs =
          subs.filter(
              s -> !s.offer().legacy() && type.trim().equalsIgnoreCase("OnlineServicesNCE"));
    }
    List<ObjectNode> items = subs.map(s -> s.toJson(c.id())).toList();
    return ApiResponse.ok(Json.collection(items));
  }

  // GET /v1/customers/{id}/subscriptions/{subscription-id}
  ApiResponse one(String id, String subscriptionId) {
    Customer c = directory.require(id);
    return SeedSubscriptions.of(c, clock.instant()).stream()
        .filter(s -> s.id().equalsIgnoreCase(subscriptionId))
        .findFirst()
        .map(s -> ApiResponse.ok(s.toJson(c.id())))
        .orElseThrow(
            () ->
                new ApiException(404, 20003, "Subscription " + subscriptionId + " was not found."));
  }

  // GET /v1/customers/{id}/subscribedskus[?licenseGroupIds=Group1&licenseGroupIds=Group2]
  ApiResponse subscribedSkus(String id, RouteTable.Call call) {
    Customer c = directory.require(id);
    gdap.require(c, GdapRoles.Read.SUBSCRIBED_SKUS);
    List<String> groups = call.request().queryAll("licenseGroupIds");
    for (String g : groups) {
      if (!g.equalsIgnoreCase("Group1") && !g.equalsIgnoreCase("Group2")) {
        throw ApiException.unparseableEnum(g);
      }
    }
    return ApiResponse.ok(
        Json.collection(
            SubscribedSkus.of(
                SeedSubscriptions.of(c, clock.instant()),
                groups.isEmpty() ? List.of("Group1") : groups)));
  }
}
