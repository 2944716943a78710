package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The customers the demo partner resells to: the named ones first, then generated ones. Generated on start and never
 * persisted, because they are a pure function of their index (and 100,000 of them take well under a second).
 */
final class CustomerDirectory {

    static final List<Customer> NAMED = List.of(
            new Customer(SeedCustomers.NORTHWIND_ID, "Northwind Traders", "northwindtraders.onmicrosoft.com"),
            new Customer(SeedCustomers.FABRIKAM_ID, "Fabrikam School District", "fabrikamschools.onmicrosoft.com"),
            new Customer(SeedCustomers.TAILSPIN_ID, "Tailspin County Government", "tailspincounty.onmicrosoft.com"),
            new Customer(SeedCustomers.WOODGROVE_ID, "Woodgrove State Energy", "woodgroveenergy.onmicrosoft.com"),
            new Customer(SeedCustomers.ADATUM_ID, "Adatum University", "adatumuniversity.onmicrosoft.com"),
            new Customer(SeedCustomers.LITWARE_ID, "Litware County Library", "litwarelibrary.onmicrosoft.com"),
            new Customer(SeedCustomers.CONTOSO_LTD_ID, "Contoso Ltd", "contoso.onmicrosoft.com"),
            new Customer(SeedCustomers.CONTOSO_HEALTH_ID, "Contoso Health", "contosohealth.onmicrosoft.com"));

    // No word here may start like a named customer, so prefix searches for those stay exact.
    private static final String[] PREFIX = {
        "Alpine", "Blue Ridge", "Cedar", "Delta", "Evergreen", "Granite", "Harbor", "Iron", "Juniper", "Keystone",
        "Lakeside", "Maple", "Oak", "Pioneer", "Quartz", "Redwood", "Summit", "Trinity", "Union", "Valley", "Willow"};
    private static final String[] NOUN = {
        "Analytics", "Builders", "Clinic", "Consulting", "Dynamics", "Energy", "Foods", "Logistics", "Media",
        "Partners", "Retail", "Systems", "Works", "Labs", "Holdings", "Studios", "Transit"};

    private final List<Customer> customers;
    private final Map<String, Customer> byId;

    private CustomerDirectory(List<Customer> customers) {
        this.customers = Collections.unmodifiableList(customers);
        this.byId = new HashMap<>(customers.size() * 2);
        for (Customer c : customers) {
            byId.put(c.id(), c);
        }
    }

    /** The 8 named customers plus {@code total - 8} generated ones (none when total is 8 or less). */
    static CustomerDirectory seed(int total) {
        int generated = Math.max(0, total - NAMED.size());
        List<Customer> all = new ArrayList<>(NAMED.size() + generated);
        all.addAll(NAMED);
        for (int i = 1; i <= generated; i++) {
            all.add(generated(i));
        }
        return new CustomerDirectory(all);
    }

    static Customer generated(int i) {
        String prefix = PREFIX[i % PREFIX.length];
        String noun = NOUN[(i / PREFIX.length) % NOUN.length];
        String id = UUID.nameUUIDFromBytes(("pcsh-emulator-customer-" + i).getBytes(UTF_8)).toString();
        String name = prefix + " " + noun + " " + "%04d".formatted(i);
        String domain = (prefix + noun).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + i + ".onmicrosoft.com";
        return new Customer(id, name, domain);
    }

    List<Customer> all() {
        return customers;
    }

    /** Looks up a well-formed id in any letter case. */
    Optional<Customer> find(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }
}
