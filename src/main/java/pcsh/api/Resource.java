package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the customer's resources as the service sent it (spec 17): the JSON is kept whole, so
 * output prints every field, also those pcsh does not model, and fields are read by name in any
 * case (the service answers camelCase, some documented examples are PascalCase). Enums stay text: a
 * value pcsh has not seen is shown as received, and an integer enum reads as its digits.
 */
public record Resource(JsonNode json) {

  /** Fields that are never printed, whatever the output format (spec 20: a user's password). */
  private static final List<String> NEVER_SHOWN = List.of("passwordProfile");

  public Resource {
    json = json == null ? MissingNode.getInstance() : withoutSecrets(json);
  }

  /** The value at {@code path} as text (a number or a boolean as written); null when absent. */
  public String text(String... path) {
    JsonNode n = node(path);
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /** The node at {@code path}, each name matched in any case; a missing node when absent. */
  public JsonNode node(String... path) {
    return at(json, path);
  }

  /** Whether {@code path} holds something other than null. */
  public boolean has(String... path) {
    JsonNode n = node(path);
    return !n.isMissingNode() && !n.isNull();
  }

  /** A whole number at {@code path}, written as a number or as digits. */
  public Optional<Long> number(String... path) {
    JsonNode n = node(path);
    if (n.isIntegralNumber()) return Optional.of(n.asLong());
    if (n.isNumber()) return Optional.of((long) n.asDouble());
    if (n.isTextual() && n.asText().strip().matches("-?[0-9]{1,18}"))
      return Optional.of(Long.parseLong(n.asText().strip()));
    return Optional.empty();
  }

  /** A boolean at {@code path} ({@code true}/{@code false}, also as text); empty otherwise. */
  public Optional<Boolean> bool(String... path) {
    JsonNode n = node(path);
    if (n.isBoolean()) return Optional.of(n.asBoolean());
    if (n.isTextual()
        && (n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false")))
      return Optional.of(Boolean.parseBoolean(n.asText()));
    return Optional.empty();
  }

  /** The text values of an array at {@code path} (objects as their JSON); empty when absent. */
  public List<String> texts(String... path) {
    JsonNode n = node(path);
    List<String> out = new ArrayList<>();
    if (n.isArray()) n.forEach(e -> out.add(e.isValueNode() ? e.asText() : e.toString()));
    return out;
  }

  /** The elements of an array at {@code path} as resources; empty when absent. */
  public List<Resource> list(String... path) {
    JsonNode n = node(path);
    List<Resource> out = new ArrayList<>();
    if (n.isArray()) n.forEach(e -> out.add(new Resource(e)));
    return out;
  }

  /** {@code node}'s field {@code name}: the exact name first, else the first in any case. */
  static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) return MissingNode.getInstance();
    JsonNode exact = node.get(name);
    if (exact != null) return exact;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase(name)) return f.getValue();
    }
    return MissingNode.getInstance();
  }

  static JsonNode at(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) n = field(n, p);
    return n;
  }

  private static JsonNode withoutSecrets(JsonNode json) {
    if (!json.isObject()) return json;
    List<String> drop = new ArrayList<>();
    json.fieldNames()
        .forEachRemaining(
            f -> {
              if (NEVER_SHOWN.stream().anyMatch(f::equalsIgnoreCase)) drop.add(f);
            });
    if (drop.isEmpty()) return json;
    ObjectNode copy = ((ObjectNode) json).deepCopy();
    copy.remove(drop);
    return copy;
  }
}
