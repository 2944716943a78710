package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's users (spec 20), each a pure function of the customer and its index, computed when a
 * page or a lookup needs it: never held in memory or written to the state file. Index 0 is the
 * admin (Global Administrator), then the plan's named users (the first one a User Administrator),
 * then its numbered users, then its deleted ones ({@code inactive}, deleted the given days ago, so
 * inside the 30-day purge window). A user's id ends in its index, so a lookup needs no search.
 * Fabrikam School District has 1,240 active users and 3 deleted, so listing it takes three pages of
 * 500; its teacher9, deleted 12 days ago, is the one the seeded audit history records.
 */
final class CustomerUsers {

  /** Who a customer's users are: named local parts, a numbered run, deleted ones (days ago). */
  private record Plan(
      List<String> named, int numbered, String word, Map<String, Integer> deleted) {}

  private static final Map<String, Plan> PLANS =
      Map.of(
          SeedCustomers.FABRIKAM_ID,
              new Plan(
                  List.of("teacher1", "teacher2"),
                  1237,
                  "student",
                  Map.of("teacher9", 12, "librarian", 4, "student1300", 25)),
          SeedCustomers.NORTHWIND_ID,
              new Plan(List.of("sales", "warehouse"), 30, "staff", Map.of("temp", 9)),
          SeedCustomers.TAILSPIN_ID, new Plan(List.of("clerk"), 14, "staff", Map.of()),
          SeedCustomers.CONTOSO_LTD_ID, new Plan(List.of("it"), 8, "user", Map.of()));

  private static final String[] FIRST = {
    "Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Harper", "Rowan", "Emery", "Sasha",
    "Noor"
  };
  private static final String[] LAST = {
    "Nakamura", "Okafor", "Lindqvist", "Moreau", "Silva", "Kowalski", "Haddad", "Brennan", "Ito"
  };

  private final Customer customer;
  private final Plan plan;
  private final List<Map.Entry<String, Integer>> deleted;

  CustomerUsers(Customer c) {
    this.customer = c;
    int h = c.id().hashCode() & 0x7fffffff;
    this.plan = PLANS.getOrDefault(c.id(), new Plan(List.of(), 3 + h % 5, "user", Map.of()));
    // sorted, so the order (and so the indices) never depends on the map's
    this.deleted = plan.deleted().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  /** Users with state {@code active}: indices 0 to active() - 1. */
  int active() {
    return 1 + plan.named().size() + plan.numbered();
  }

  /** Every user, the deleted ones last. */
  int total() {
    return active() + deleted.size();
  }

  /** The user with this id, in any letter case. */
  Optional<Integer> indexOf(String userId) {
    if (userId.length() != 36) return Optional.empty();
    int i;
    try {
      i = Integer.parseInt(userId.substring(24), 16);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return i < total() && id(i).equalsIgnoreCase(userId) ? Optional.of(i) : Optional.empty();
  }

  private String id(int i) {
    return SeedIds.uuid("user-" + customer.id() + "-" + i).substring(0, 24) + "%012x".formatted(i);
  }

  private String localPart(int i) {
    if (i == 0) return "admin";
    if (i <= plan.named().size()) return plan.named().get(i - 1);
    if (i < active()) return plan.word() + (i - plan.named().size());
    return deleted.get(i - active()).getKey();
  }

  /** A built-in Entra role: its template id and name. */
  record DirectoryRole(String id, String name) {}

  /** The directory roles of user {@code i}. */
  List<DirectoryRole> roles(int i) {
    if (i == 0) {
      return List.of(new DirectoryRole(GdapSeed.GLOBAL_ADMINISTRATOR, "Global Administrator"));
    }
    if (i == 1 && !plan.named().isEmpty()) {
      return List.of(new DirectoryRole(GdapSeed.USER_ADMINISTRATOR, "User Administrator"));
    }
    return List.of();
  }

  /** User {@code i} as the service writes it; never a {@code passwordProfile}. */
  ObjectNode toJson(int i, Instant now) {
    int h = (customer.id().hashCode() + i * 31) & 0x7fffffff;
    String first = FIRST[h % FIRST.length];
    String last = LAST[(h / FIRST.length) % LAST.length];
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", id(i));
    n.put("userPrincipalName", localPart(i) + "@" + customer.domain());
    n.put("firstName", first);
    n.put("lastName", last);
    n.put("displayName", first + " " + last);
    n.put("usageLocation", "US");
    n.putNull("lastDirectorySyncTime");
    n.put("userDomainType", "managed");
    if (i < active()) {
      n.put("state", "active");
    } else {
      n.put("state", "inactive");
      Instant deletedAt =
          now.truncatedTo(ChronoUnit.DAYS)
              .minus(Duration.ofDays(deleted.get(i - active()).getValue()))
              .plusSeconds(h % 86_400);
      n.put("softDeletionTime", deletedAt.toString());
    }
    n.set("links", Json.selfLinks("/customers/" + customer.id() + "/users/" + id(i)));
    n.set("attributes", Json.attributes("CustomerUser"));
    return n;
  }
}
