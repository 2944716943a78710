package pcsh.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pcsh.api.Resource;

/**
 * Subscriptions this shell has seen (a list, a show), so their ids complete on Tab with no network
 * call: the last {@value #MAX_KNOWN}, newest last.
 */
public final class SeenSubscriptions {

  public static final int MAX_KNOWN = 2000;

  /** One subscription as completion describes it. */
  public record Seen(String id, String name, String customerId) {}

  private final Map<String, Seen> known = new LinkedHashMap<>();
  private long changes;

  public synchronized void saw(String customerId, List<Resource> subscriptions) {
    for (Resource s : subscriptions) {
      String id = s.text("id");
      if (id == null || id.isBlank()) continue;
      String name = s.text("friendlyName");
      if (name == null || name.isBlank()) name = s.text("offerName");
      known.remove(id);
      known.put(id, new Seen(id, name == null ? "" : name, customerId));
      changes++;
      if (known.size() > MAX_KNOWN) known.remove(known.keySet().iterator().next());
    }
  }

  public synchronized List<Seen> all() {
    return new ArrayList<>(known.values());
  }

  /** Counts what it was told, so a copy elsewhere (the completion file) knows when to refresh. */
  public synchronized long changes() {
    return changes;
  }
}
