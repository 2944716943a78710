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

  /**
   * The customer by id. Without a GDAP role for them (spec 18, 23) the service leaves out the
   * company profile's address and email ({@code contact}) and the custom domains ({@code domains}).
   */
  static ObjectNode full(Customer c, boolean contact, boolean domains) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("commerceId", uuid("pcsh-emulator-commerce-" + c.id()));
    n.set("companyProfile", companyProfile(c, contact));
    n.set("billingProfile", billingProfile(c));
    n.put("relationshipToPartner", "reseller");
    n.put("allowDelegatedAccess", true);
    if (domains) {
      n.putArray("customDomains").add(c.domain());
    }
    n.set("links", Json.selfLinks("/customers/" + c.id()));
    n.set("attributes", Json.attributes("Customer"));
    return n;
  }

  static ObjectNode billingProfile(Customer c) {
    Contact k = new Contact(c);
    ObjectNode billing = Json.MAPPER.createObjectNode();
    billing.put("id", uuid("pcsh-emulator-billing-" + c.id()));
    billing.put("firstName", k.first);
    billing.put("lastName", k.last);
    billing.put(
        "email",
        k.first.toLowerCase(Locale.ROOT)
            + "."
            + k.last.toLowerCase(Locale.ROOT)
            + "@"
            + c.domain());
    billing.put("culture", "en-US");
    billing.put("language", "en");
    billing.put("companyName", c.companyName());
    ObjectNode address = billing.putObject("defaultAddress");
    address.put("country", "US");
    address.put("city", k.city[0]);
    address.put("state", k.city[1]);
    address.put("addressLine1", k.street);
    address.put("postalCode", k.city[2]);
    address.put("firstName", k.first);
    address.put("lastName", k.last);
    address.put("phoneNumber", k.phone);
    billing.set("links", Json.selfLinks("/customers/" + c.id() + "/profiles/billing"));
    ObjectNode billingAttributes = billing.putObject("attributes");
    billingAttributes.put("etag", "-" + (k.hash % 1_000_000_000_000L));
    billingAttributes.put("objectType", "CustomerBillingProfile");
    return billing;
  }

  /**
   * The company profile (spec 18); {@code contact}: with its address and email, which the service
   * shows only to a caller with one of their GDAP roles.
   */
  static ObjectNode companyProfile(Customer c, boolean contact) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put("tenantId", c.id());
    p.put("domain", c.domain());
    p.put("companyName", c.companyName());
    if (contact) {
      Contact k = new Contact(c);
      ObjectNode address = p.putObject("address");
      address.put("country", "US");
      address.put("region", k.city[1]);
      address.put("city", k.city[0]);
      address.put("addressLine1", k.street);
      address.put("postalCode", k.city[2]);
      address.put("phoneNumber", k.phone);
      p.put("email", "admin@" + c.domain());
    }
    p.set("links", Json.selfLinks("/customers/" + c.id() + "/profiles/company"));
    p.set("attributes", Json.attributes("CustomerCompanyProfile"));
    return p;
  }

  /** The made-up contact of a customer, derived from its id. */
  private static final class Contact {
    final int hash;
    final String first;
    final String last;
    final String[] city;
    final String street;
    final String phone;

    Contact(Customer c) {
      hash = c.id().hashCode() & 0x7fffffff;
      first = FIRST[hash % FIRST.length];
      last = LAST[(hash / FIRST.length) % LAST.length];
      city = CITIES[(hash / 64) % CITIES.length];
      street = (100 + hash % 900) + " " + STREETS[(hash / 7) % STREETS.length];
      phone = "555" + "%07d".formatted(hash % 10_000_000);
    }
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(UTF_8)).toString();
  }
}
