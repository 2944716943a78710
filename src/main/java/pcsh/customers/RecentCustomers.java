package pcsh.customers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import pcsh.api.Customer;

/**
 * Customers this shell has seen, so completion and the pick list need no network call: the last
 * {@value #MAX_KNOWN} known (a long listing tells it only its first ones, so memory stays bounded),
 * and the few the user worked with most recently.
 */
public final class RecentCustomers {

  public static final int MAX_KNOWN = 1000;
  private static final int MAX_RECENT = 20;

  private final Map<String, Customer> known = new LinkedHashMap<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private long changes;

  /** A customer the user worked with: known, and first in the pick list. */
  public synchronized void saw(Customer c) {
    if (!know(c)) return;
    recent.remove(c.id());
    recent.addFirst(c.id());
    while (recent.size() > MAX_RECENT) recent.removeLast();
  }

  /**
   * Customers a list or a background fill found: known for completion, not put in the pick list.
   */
  public synchronized void saw(List<Customer> cs) {
    cs.forEach(this::know);
  }

  public synchronized Optional<Customer> find(String id) {
    return Optional.ofNullable(known.get(id));
  }

  /** Most recent first. */
  public synchronized List<Customer> recent() {
    return recent.stream().map(known::get).filter(c -> c != null).toList();
  }

  public synchronized List<Customer> all() {
    return new ArrayList<>(known.values());
  }

  /**
   * Counts what changed what it knows as its copy elsewhere holds it (the completion file: a
   * customer's id, name and domain; one seen again with the same name and domain is no change), so
   * that copy knows when to refresh.
   */
  public synchronized long changes() {
    return changes;
  }

  private boolean know(Customer c) {
    if (c == null || c.id() == null) return false;
    Customer before = known.put(c.id(), c);
    // compared field by field rather than with the record's equals, whose first call sets up
    // method handles: a tenth of a one-shot listing's own work
    if (before == null
        || !Objects.equals(before.companyName(), c.companyName())
        || !Objects.equals(before.domain(), c.domain())) changes++;
    if (known.size() > MAX_KNOWN) {
      String eldest = known.keySet().iterator().next();
      known.remove(eldest);
      recent.remove(eldest);
    }
    return true;
  }
}
