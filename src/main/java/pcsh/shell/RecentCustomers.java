package pcsh.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pcsh.api.Customer;

/** Customers this shell has already seen, so completion can offer them without a network call. */
@Component
class RecentCustomers {

  private static final int MAX = 2000;

  private final Map<String, Customer> byId = new LinkedHashMap<>(16, 0.75f, true);

  synchronized void saw(Customer c) {
    if (c == null || c.id() == null) return;
    byId.put(c.id(), c);
    if (byId.size() > MAX) byId.remove(byId.keySet().iterator().next());
  }

  synchronized void saw(List<Customer> cs) {
    cs.forEach(this::saw);
  }

  synchronized java.util.Optional<Customer> find(String id) {
    return java.util.Optional.ofNullable(byId.get(id));
  }

  synchronized List<Customer> all() {
    return new ArrayList<>(byId.values());
  }
}
