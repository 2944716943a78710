package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's users (spec 20), App+User only and with a GDAP role (spec 23). The list pages like
 * {@code /v1/customers} (spec 4.2): pages of at most 500, {@code links.next} with the {@code
 * MS-ContinuationToken} header and {@code seekOperation=Next}, a top-level {@code
 * continuationToken}; without a filter it holds the active users, with {@code
 * {"Field":"UserState","Value":"Inactive","Operator":"equals"}} (names and values in any case) the
 * deleted ones. Any other filter is 400 / 800002, the emulator's answer. An unknown user is 404 /
 * 60002.
 */
final class UserReads {

  private final CustomerDirectory directory;
  private final GdapRoles gdap;
  private final Clock clock;

  UserReads(CustomerDirectory directory, GdapRoles gdap, Clock clock) {
    this.directory = directory;
    this.gdap = gdap;
    this.clock = clock;
  }

  // GET /v1/customers/{id}/users[?size=&filter=], and seekOperation=Next + MS-ContinuationToken
  ApiResponse list(String id, ApiRequest r) {
    Customer c = directory.require(id);
    gdap.require(c, GdapRoles.Read.USERS);
    CustomerUsers users = new CustomerUsers(c);
    Optional<String> seek = r.seekToken();
    int offset;
    int size;
    boolean deleted;
    if (seek.isPresent()) {
      JsonNode t = Json.untoken(seek.get());
      offset = t.path("offset").asInt(-1);
      size = t.path("size").asInt(0);
      deleted = t.path("deleted").asBoolean();
      if (offset < 0 || size < 1 || size > PageRequest.MAX_SIZE) {
        throw ApiException.badInput("The continuation token is invalid or expired.");
      }
    } else {
      offset = 0;
      size = PageRequest.size(r.query("size"));
      deleted = deletedFilter(r.query("filter"));
    }
    int from = deleted ? users.active() : 0;
    int to = deleted ? users.total() : users.active();
    List<ObjectNode> items = new ArrayList<>();
    for (int i = from + offset; i < to && items.size() < size; i++) {
      items.add(users.toJson(i, clock.instant()));
    }
    int next = offset + items.size();
    String base = "/customers/" + c.id() + "/users?size=" + size;
    String self =
        base
            + (seek.isPresent()
                ? "&seekOperation=Next"
                : deleted ? "&filter=" + URLEncoder.encode(INACTIVE, UTF_8) : "");
    String token = null;
    if (from + next < to) {
      ObjectNode t = Json.MAPPER.createObjectNode();
      t.put("offset", next).put("size", size).put("deleted", deleted);
      token = Json.token(t);
    }
    return ApiResponse.ok(Json.page(items, self, base + "&seekOperation=Next", token));
  }

  // GET /v1/customers/{id}/users/{user-id}
  ApiResponse one(String id, String userId) {
    Customer c = directory.require(id);
    gdap.require(c, GdapRoles.Read.USERS);
    CustomerUsers users = new CustomerUsers(c);
    return ApiResponse.ok(users.toJson(index(users, userId), clock.instant()));
  }

  // GET /v1/customers/{id}/users/{user-id}/directoryroles
  ApiResponse directoryRoles(String id, String userId) {
    Customer c = directory.require(id);
    gdap.require(c, GdapRoles.Read.DIRECTORY_ROLES);
    CustomerUsers users = new CustomerUsers(c);
    List<ObjectNode> items = new ArrayList<>();
    for (CustomerUsers.DirectoryRole role : users.roles(index(users, userId))) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("id", role.id());
      n.put("name", role.name());
      n.set("attributes", Json.attributes("DirectoryRole"));
      items.add(n);
    }
    return ApiResponse.ok(Json.collection(items));
  }

  private static int index(CustomerUsers users, String userId) {
    return users
        .indexOf(userId)
        .orElseThrow(() -> new ApiException(404, 60002, "User " + userId + " was not found."));
  }

  private static final String INACTIVE =
      "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}";

  /**
   * Whether the filter asks for the deleted users; none (or UserState Active) is the active ones.
   */
  private static boolean deletedFilter(String filter) {
    if (filter == null || filter.isBlank()) return false;
    JsonNode f;
    try {
      f = Json.MAPPER.readTree(filter);
    } catch (IOException e) {
      throw ApiException.badInput("filter is not valid JSON.");
    }
    JsonNode field = f == null || !f.isObject() ? null : Json.field(f, "field");
    JsonNode value = field == null ? null : Json.field(f, "value");
    JsonNode operator = field == null ? null : Json.field(f, "operator");
    if (field == null
        || value == null
        || operator == null
        || !field.asText().equalsIgnoreCase("UserState")
        || !operator.asText().equalsIgnoreCase("equals")) {
      throw ApiException.badInput(
          "The users filter takes {\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}"
              + " (or Active) only.");
    }
    return switch (value.asText().toLowerCase(Locale.ROOT)) {
      case "inactive" -> true;
      case "active" -> false;
      default -> throw ApiException.unparseableEnum(value.asText());
    };
  }
}
