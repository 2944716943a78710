package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.UUID;

/**
 * The Customer resource as the service writes it (spec 4.4). Contact and address details are made
 * up but derived from the id, so the same customer always looks the same.
 */
final class CustomerJson {

  private static final String[] FIRST = {
    "Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Harper", "Rowan"
  };
  private static final String[] LAST = {
    "Nakamura", "Okafor", "Lindqvist", "Moreau", "Silva", "Kowalski", "Haddad", "Brennan"
  };
  private static final String[][] CITIES = {
    {"Spokane", "WA", "99201"}, {"Austin", "TX", "73301"}, {"Denver", "CO", "80202"},
    {"Raleigh", "NC", "27601"}, {"Madison", "WI", "53703"}, {"Boise", "ID", "83702"}
  };
  private static final String[] STREETS = {
    "Elm St", "Main St", "Cedar Ave", "Lake Rd", "Market St", "Park Blvd"
  };

  private CustomerJson() {}

  /**
   * List items carry no billing profile and no allowDelegatedAccess, as in the docs' list examples.
   */
  static ObjectNode listItem(Customer c) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", c.id());
    n.set("companyProfile", companyProfile(c, false));
    n.put("relationshipToPartner", "reseller");
    n.set("links", Json.selfLinks("/customers/" + c.id()));
    n.set("attributes", Json.attributes("Customer"));
    return n;
  }

  static ObjectNode full(Customer c) {
    int h = c.id().hashCode() & 0x7fffffff;
    String first = FIRST[h % FIRST.length];
    String last = LAST[(h / FIRST.length) % LAST.length];
    String[] city = CITIES[(h / 64) % CITIES.length];

    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("commerceId", uuid("pcsh-emulator-commerce-" + c.id()));
    n.set("companyProfile", companyProfile(c, true));

    ObjectNode billing = n.putObject("billingProfile");
    billing.put("id", uuid("pcsh-emulator-billing-" + c.id()));
    billing.put("firstName", first);
    billing.put("lastName", last);
    billing.put(
        "email",
        first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + c.domain());
    billing.put("culture", "en-US");
    billing.put("language", "en");
    billing.put("companyName", c.companyName());
    ObjectNode address = billing.putObject("defaultAddress");
    address.put("country", "US");
    address.put("city", city[0]);
    address.put("state", city[1]);
    address.put("addressLine1", (100 + h % 900) + " " + STREETS[(h / 7) % STREETS.length]);
    address.put("postalCode", city[2]);
    address.put("firstName", first);
    address.put("lastName", last);
    address.put("phoneNumber", "555" + "%07d".formatted(h % 10_000_000));
    billing.set("links", Json.selfLinks("/customers/" + c.id() + "/profiles/billing"));
    ObjectNode billingAttributes = billing.putObject("attributes");
    billingAttributes.put("etag", "-" + (h % 1_000_000_000_000L));
    billingAttributes.put("objectType", "CustomerBillingProfile");

    n.put("relationshipToPartner", "reseller");
    n.put("allowDelegatedAccess", true);
    n.putArray("customDomains").add(c.domain());
    n.set("links", Json.selfLinks("/customers/" + c.id()));
    n.set("attributes", Json.attributes("Customer"));
    return n;
  }

  private static ObjectNode companyProfile(Customer c, boolean withEmail) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put("tenantId", c.id());
    p.put("domain", c.domain());
    p.put("companyName", c.companyName());
    if (withEmail) {
      p.put("email", "admin@" + c.domain());
    }
    p.set("links", Json.selfLinks("/customers/" + c.id() + "/profiles/company"));
    p.set("attributes", Json.attributes("CustomerCompanyProfile"));
    return p;
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(UTF_8)).toString();
  }
}
