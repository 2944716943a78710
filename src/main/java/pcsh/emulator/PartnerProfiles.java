package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo partner's own profiles (spec 21), the cheap "reachable and authorised" probes: {@code
 * GET /v1/profiles/organization} and {@code GET /v1/profiles/mpn[?mpnId=]}. An MPN id that is
 * neither the partner's nor one of its indirect resellers' is 404 with code 3000, as documented.
 */
final class PartnerProfiles {

  static final String DOMAIN = "contosodemopartner.onmicrosoft.com";

  /** The demo partner's MPN id. */
  static final String MPN_ID = "4923811";

  private PartnerProfiles() {}

  static ApiResponse organization() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", Emulator.DEMO_PARTNER_ID);
    n.put("companyName", Emulator.DEMO_PARTNER_NAME);
    n.put("tenantId", Emulator.DEMO_PARTNER_ID);
    n.put("domain", DOMAIN);
    n.put("email", Emulator.DEMO_USER);
    n.put("language", "en");
    n.put("culture", "en-US");
    ObjectNode address = n.putObject("defaultAddress");
    address.put("country", "US");
    address.put("city", "Redmond");
    address.put("state", "WA");
    address.put("addressLine1", "1 Demo Way");
    address.put("postalCode", "98052");
    address.put("phoneNumber", "4255550100");
    n.set("links", Json.selfLinks("/profiles/organization"));
    ObjectNode attributes = Json.attributes("OrganizationProfile");
    attributes.put("etag", "-74281930");
    n.set("attributes", attributes);
    return ApiResponse.ok(n);
  }

  static ApiResponse mpn(String mpnId) {
    String name;
    String id;
    if (mpnId == null || mpnId.isBlank() || mpnId.trim().equals(MPN_ID)) {
      name = Emulator.DEMO_PARTNER_NAME;
      id = MPN_ID;
    } else {
      IndirectPartners.Reseller r =
          IndirectPartners.byMpnId(mpnId.trim())
              .orElseThrow(
                  () -> new ApiException(404, 3000, "MPN id " + mpnId.trim() + " was not found."));
      name = r.name();
      id = r.mpnId();
    }
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("partnerName", name);
    n.put("mpnId", id);
    n.put("profileType", "mpn_profile");
    n.set("links", Json.selfLinks("/profiles/mpn" + (id.equals(MPN_ID) ? "" : "?mpnId=" + id)));
    n.set("attributes", Json.attributes("MpnProfile"));
    return ApiResponse.ok(n);
  }
}
