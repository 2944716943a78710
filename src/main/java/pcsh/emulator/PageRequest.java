package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which slice of the customer list to serve: {@code offset} is the position in the directory where
 * the page's scan starts (with a filter, the first customer after the previous page's last match),
 * so serving a page never skips through earlier customers again. The continuation token is this
 * record, base64url-encoded, so a {@code seekOperation=Next} request (which carries no size or
 * filter, spec 4.2) has everything it needs and the emulator keeps no cursor state.
 */
record PageRequest(int offset, int size, CustomerFilter filter) {

  static final int MAX_SIZE = 500;

  /**
   * {@code size}: absent or 0 means the default (500); above 500 is clamped; negative or text is
   * refused.
   */
  static int size(String raw) {
    if (raw == null || raw.isBlank()) {
      return MAX_SIZE;
    }
    int n;
    try {
      n = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badInput("size must be a number from 0 to 500: " + raw);
    }
    if (n < 0) {
      throw ApiException.badInput("size must be a number from 0 to 500: " + raw);
    }
    return n == 0 ? MAX_SIZE : Math.min(n, MAX_SIZE);
  }

  String token() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("offset", offset);
    n.put("size", size);
    if (filter != null) {
      n.set("filter", filter.toJson());
    }
    return Json.token(n);
  }

  static PageRequest fromToken(String token) {
    JsonNode n = Json.untoken(token);
    try {
      JsonNode offset = n.get("offset");
      JsonNode size = n.get("size");
      if (offset == null
          || size == null
          || !offset.isInt()
          || !size.isInt()
          || offset.asInt() < 0
          || size.asInt() < 1
          || size.asInt() > MAX_SIZE) {
        throw new IllegalArgumentException("incomplete token");
      }
      JsonNode filter = n.get("filter");
      return new PageRequest(
          offset.asInt(),
          size.asInt(),
          filter == null ? null : CustomerFilter.parse(filter.toString()));
    } catch (Exception e) {
      throw ApiException.badInput("The continuation token is invalid or expired.");
    }
  }
}
