package pcsh.customers;

import java.util.List;
import java.util.Locale;
import pcsh.api.Customer;
import pcsh.api.CustomerFilter;
import pcsh.api.PartnerCenterClient;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;

/**
 * Finds the one customer a person means by an id, a domain or the start of a company name: an id is
 * looked up; a domain or name prefix is searched (a name that finds nothing is tried as a domain),
 * an exact domain or name wins over prefixes, and several candidates select nothing (they are
 * listed in the failure instead).
 */
public final class CustomerFinder {

  static final int CANDIDATES = 10;

  private final PartnerCenterClient client;
  private final RecentCustomers recent;

  public CustomerFinder(PartnerCenterClient client, RecentCustomers recent) {
    this.client = client;
    this.recent = recent;
  }

  /**
   * The customer {@code q} names; a not-found or usage {@link Failure} (with the candidates)
   * otherwise.
   */
  public Customer find(String q, int width) {
    if (Customer.isId(q)) return client.customer(q.toLowerCase(Locale.ROOT));
    boolean looksLikeDomain = q.contains(".") && !q.contains(" ");
    List<Customer> found =
        search(
            looksLikeDomain
                ? CustomerFilter.domainStartsWith(q)
                : CustomerFilter.companyNameStartsWith(q));
    if (found.isEmpty() && !looksLikeDomain) found = search(CustomerFilter.domainStartsWith(q));
    List<Customer> exact =
        found.stream()
            .filter(c -> q.equalsIgnoreCase(c.companyName()) || q.equalsIgnoreCase(c.domain()))
            .toList();
    if (exact.size() == 1) return exact.get(0);
    if (found.size() == 1) return found.get(0);
    if (found.isEmpty()) {
      throw Failure.notFound(
          "No customer has the id, domain or a company name starting with '"
              + Text.shown(q)
              + "'. The selection is unchanged.",
          "list customers with `customers list --name <prefix>`.");
    }
    recent.saw(found);
    Table t = new Table(List.of("ID", "COMPANY NAME", "DOMAIN"));
    found.stream().limit(CANDIDATES).forEach(c -> t.row(c.id(), c.companyName(), c.domain()));
    String more = found.size() > CANDIDATES ? "  ...and more.\n" : "";
    throw Failure.usage(
        "'"
            + Text.shown(q)
            + "' matches "
            + (found.size() > CANDIDATES ? "more than " + CANDIDATES : found.size())
            + " customers, so none was selected:\n"
            + t.render(width).indent(2)
            + more,
        "use the id, the full domain, or a longer prefix.");
  }

  private List<Customer> search(CustomerFilter filter) {
    return client.customers(CANDIDATES + 1, filter).itemsOrEmpty();
  }
}
