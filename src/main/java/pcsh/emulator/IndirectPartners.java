package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Indirect resellers (spec 18). The demo partner is an indirect provider: the partner's own list
 * for {@code IsIndirectCloudSolutionProviderOf} holds its three resellers, and {@code
 * IsIndirectResellerOf} gets 1002 "Authorization Failed" (403), as the service answers a caller
 * that is not an indirect reseller. Two resellers have customers: Wingtip Toys Cloud Services sells
 * to Northwind Traders, Lamna Healthcare IT to Contoso Health; every other customer has none (an
 * empty collection). Lists carry no {@code links}, as documented. A missing or unknown {@code
 * relationship_type} is 400 with the emulator's codes (800002, 900126).
 */
final class IndirectPartners {

  /** An indirect reseller of the demo partner. */
  record Reseller(String tenantId, String name, String mpnId, String location) {}

  static final Reseller WINGTIP =
      new Reseller(
          "a7c1e3f5-2b4d-4f6a-8c1e-3f5a7b9c1d2e", "Wingtip Toys Cloud Services", "5234819", "US");
  static final Reseller LAMNA =
      new Reseller("b8d2f4a6-3c5e-4a7b-9d2f-4a6b8c0d2e3f", "Lamna Healthcare IT", "6102387", "US");
  static final Reseller FOURTH_COFFEE =
      new Reseller(
          "c9e3a5b7-4d6f-4b8c-8e3a-5b7c9d1e3f4a", "Fourth Coffee Systems", "4410923", "CA");

  static final List<Reseller> RESELLERS = List.of(WINGTIP, LAMNA, FOURTH_COFFEE);

  private static final Map<String, Reseller> BY_CUSTOMER =
      Map.of(SeedCustomers.NORTHWIND_ID, WINGTIP, SeedCustomers.CONTOSO_HEALTH_ID, LAMNA);

  private IndirectPartners() {}

  /** The customer's indirect reseller, if it has one. */
  static Optional<Reseller> of(Customer c) {
    return Optional.ofNullable(BY_CUSTOMER.get(c.id()));
  }

  /** The reseller with this MPN id, if the demo partner has one. */
  static Optional<Reseller> byMpnId(String mpnId) {
    return RESELLERS.stream().filter(r -> r.mpnId().equals(mpnId)).findFirst();
  }

  // GET /v1/customers/{id}/relationships
  static ApiResponse ofCustomer(Customer c) {
    return ApiResponse.ok(
        Json.collection(of(c).stream().map(r -> item(r, "is_indirect_reseller_of")).toList()));
  }

  // GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf|IsIndirectResellerOf
  static ApiResponse ofPartner(String type) {
    if (type == null || type.isBlank()) {
      throw ApiException.badInput(
          "relationship_type is required: IsIndirectCloudSolutionProviderOf or"
              + " IsIndirectResellerOf.");
    }
    // the documented PascalCase name, or the snake_case the items carry
    String key = type.replace("_", "").toLowerCase(Locale.ROOT);
    if (key.equals("isindirectresellerof")) {
      throw new ApiException(403, 1002, "Authorization Failed");
    }
    if (!key.equals("isindirectcloudsolutionproviderof")) {
      throw ApiException.unparseableEnum(type);
    }
    return ApiResponse.ok(
        Json.collection(
            RESELLERS.stream()
                .map(r -> item(r, "is_indirect_cloud_solution_provider_of"))
                .toList()));
  }

  private static ObjectNode item(Reseller r, String type) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", r.tenantId());
    n.put("name", r.name());
    n.put("relationshipType", type);
    n.put("state", "active");
    n.put("mpnId", r.mpnId());
    n.put("location", r.location());
    n.set("attributes", Json.attributes("PartnerRelationship"));
    return n;
  }
}
