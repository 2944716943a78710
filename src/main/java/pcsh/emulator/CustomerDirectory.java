package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The customers the demo partner resells to: the named ones first, then generated ones. Generated
 * customers are never stored, here or in the state file: each is a pure function of its index,
 * computed when a page or a lookup needs it, so 100,000 of them cost an index of their ids (about 2
 * MB) instead of 100,000 objects.
 */
final class CustomerDirectory {

  static final List<Customer> NAMED =
      List.of(
          new Customer(
              SeedCustomers.NORTHWIND_ID, "Northwind Traders", "northwindtraders.onmicrosoft.com"),
          new Customer(
              SeedCustomers.FABRIKAM_ID,
              "Fabrikam School District",
              "fabrikamschools.onmicrosoft.com"),
          new Customer(
              SeedCustomers.TAILSPIN_ID,
              "Tailspin County Government",
              "tailspincounty.onmicrosoft.com"),
          new Customer(
              SeedCustomers.WOODGROVE_ID,
              "Woodgrove State Energy",
              "woodgroveenergy.onmicrosoft.com"),
          new Customer(
              SeedCustomers.ADATUM_ID, "Adatum University", "adatumuniversity.onmicrosoft.com"),
          new Customer(
              SeedCustomers.LITWARE_ID, "Litware County Library", "litwarelibrary.onmicrosoft.com"),
          new Customer(SeedCustomers.CONTOSO_LTD_ID, "Contoso Ltd", "contoso.onmicrosoft.com"),
          new Customer(
              SeedCustomers.CONTOSO_HEALTH_ID, "Contoso Health", "contosohealth.onmicrosoft.com"));

  // No word here may start like a named customer, so prefix searches for those stay exact.
  private static final String[] PREFIX = {
    "Alpine",
    "Blue Ridge",
    "Cedar",
    "Delta",
    "Evergreen",
    "Granite",
    "Harbor",
    "Iron",
    "Juniper",
    "Keystone",
    "Lakeside",
    "Maple",
    "Oak",
    "Pioneer",
    "Quartz",
    "Redwood",
    "Summit",
    "Trinity",
    "Union",
    "Valley",
    "Willow"
  };
  private static final String[] NOUN = {
    "Analytics",
    "Builders",
    "Clinic",
    "Consulting",
    "Dynamics",
    "Energy",
    "Foods",
    "Logistics",
    "Media",
    "Partners",
    "Retail",
    "Systems",
    "Works",
    "Labs",
    "Holdings",
    "Studios",
    "Transit"
  };

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Map<String, Customer> NAMED_BY_ID = new HashMap<>();
  // lower-case, letters and digits only, per (prefix, noun): the start of a generated domain
  private static final String[][] DOMAIN_STEM = new String[PREFIX.length][NOUN.length];

  static {
    for (Customer c : NAMED) {
      NAMED_BY_ID.put(c.id(), c);
    }
    for (int p = 0; p < PREFIX.length; p++) {
      for (int n = 0; n < NOUN.length; n++) {
        DOMAIN_STEM[p][n] =
            (PREFIX[p] + NOUN[n]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      }
    }
  }

  private final int generated;
  // generated customer i (1-based) has id bits (msb[i - 1], lsb[i - 1]); slots hold i, 0 is empty
  private final long[] msb;
  private final long[] lsb;
  private final int[] slots;

  private CustomerDirectory(int generated) {
    this.generated = generated;
    this.msb = new long[generated];
    this.lsb = new long[generated];
    this.slots = new int[Integer.highestOneBit(Math.max(1, generated) * 2) * 2];
    for (int i = 1; i <= generated; i++) {
      UUID id = generatedId(i);
      msb[i - 1] = id.getMostSignificantBits();
      lsb[i - 1] = id.getLeastSignificantBits();
      int slot = slot(msb[i - 1], lsb[i - 1]);
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = i;
    }
  }

  /** The 8 named customers plus {@code total - 8} generated ones (none when total is 8 or less). */
  static CustomerDirectory seed(int total) {
    return new CustomerDirectory(Math.max(0, total - NAMED.size()));
  }

  /** How many customers there are, named and generated. */
  int size() {
    return NAMED.size() + generated;
  }

  /**
   * The customer at {@code index} (0-based) in listing order: the named ones, then generated 1, 2,
   * ...
   */
  Customer get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    return index < NAMED.size() ? NAMED.get(index) : generated(index - NAMED.size() + 1);
  }

  private static UUID generatedId(int i) {
    return UUID.nameUUIDFromBytes(("pcsh-emulator-customer-" + i).getBytes(UTF_8));
  }

  private int slot(long m, long l) {
    long h = (m ^ l) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (slots.length - 1);
  }

  static Customer generated(int i) {
    int p = i % PREFIX.length;
    int n = (i / PREFIX.length) % NOUN.length;
    String number = Integer.toString(i);
    String padded = number.length() >= 4 ? number : "0000".substring(number.length()) + number;
    String name = PREFIX[p] + " " + NOUN[n] + " " + padded;
    return new Customer(
        generatedId(i).toString(), name, DOMAIN_STEM[p][n] + i + ".onmicrosoft.com");
  }

  /**
   * The customer a {@code /v1/customers/{id}/...} request names: 400 / 900118 for an id that is no
   * GUID, 403 / 20002 for {@link SeedCustomers#NOT_A_CUSTOMER_ID} (a tenant with no commerce
   * relationship to the partner, spec 9.3), 404 / 60003 for any other unknown id.
   */
  Customer require(String id) {
    if (!GUID.matcher(id).matches()) {
      throw new ApiException(400, 900118, "Invalid customer id");
    }
    if (id.equalsIgnoreCase(SeedCustomers.NOT_A_CUSTOMER_ID)) {
      throw new ApiException(403, 20002, "No relationship between caller and account.");
    }
    return find(id).orElseThrow(() -> new ApiException(404, 60003, "Tenant not found"));
  }

  /** Looks up a well-formed id in any letter case. */
  Optional<Customer> find(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    Customer named = NAMED_BY_ID.get(lower);
    if (named != null || generated == 0) {
      return Optional.ofNullable(named);
    }
    UUID uuid;
    try {
      uuid = UUID.fromString(lower);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!uuid.toString().equals(lower)) {
      return Optional.empty();
    }
    long m = uuid.getMostSignificantBits();
    long l = uuid.getLeastSignificantBits();
    for (int slot = slot(m, l); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
      int i = slots[slot];
      if (msb[i - 1] == m && lsb[i - 1] == l) {
        return Optional.of(generated(i));
      }
    }
    return Optional.empty();
  }
}
