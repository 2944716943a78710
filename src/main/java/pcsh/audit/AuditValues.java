package pcsh.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import pcsh.api.AuditRecord;
import pcsh.output.Text;

/**
 * A record's old and new values read defensively (spec 14.2): usually a JSON document inside a
 * string ({@code "{\"Qualification\":\"None\"}"}), but also a bare string, JSON itself, null or
 * absent. What a qualification change holds is undocumented, so nothing here depends on it: the
 * summary names whichever properties differ.
 */
public final class AuditValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 40;

  private AuditValues() {}

  /**
   * The value as JSON: the document a string holds, the string itself when it holds none, the value
   * as it came when it is JSON already; null when null or absent.
   */
  public static JsonNode parse(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return null;
    if (!value.isTextual()) return value;
    String s = value.asText().strip();
    if (s.startsWith("{") || s.startsWith("[")) {
      try {
        return JSON.readTree(s);
      } catch (IOException e) {
        return value; // not JSON after all: shown as the string it is
      }
    }
    return value;
  }

  /**
   * One line: the properties whose values differ ({@code Qualification: None →
   * GovernmentCommunityCloud}) when both sides are JSON objects, otherwise both values shortened
   * ({@code (none) → "text"}); empty when the record has neither.
   */
  public static String summary(AuditRecord r) {
    JsonNode before = parse(r.resourceOldValue());
    JsonNode after = parse(r.resourceNewValue());
    if (before == null && after == null) return "";
    if ((before == null || before.isObject()) && (after == null || after.isObject())) {
      Map<String, String[]> changed = changed(before, after);
      if (!changed.isEmpty()) {
        List<String> parts = new ArrayList<>();
        changed.forEach((k, v) -> parts.add(k + ": " + v[0] + " → " + v[1]));
        return Text.oneLine(String.join("; ", parts));
      }
      if (before != null && after != null) return "no property changed";
    }
    return Text.oneLine(shown(before) + " → " + shown(after));
  }

  /**
   * The qualification a record's new value names ({@code Qualification}, any case, or a bare
   * string), if any.
   */
  public static Optional<String> newQualification(AuditRecord r) {
    return qualification(parse(r.resourceNewValue()));
  }

  public static Optional<String> oldQualification(AuditRecord r) {
    return qualification(parse(r.resourceOldValue()));
  }

  private static Optional<String> qualification(JsonNode v) {
    if (v == null) return Optional.empty();
    if (v.isTextual()) return Optional.of(v.asText()).filter(s -> !s.isBlank());
    if (!v.isObject()) return Optional.empty();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase("qualification") && f.getValue().isValueNode())
        return Optional.of(f.getValue().asText()).filter(s -> !s.isBlank());
    }
    return Optional.empty();
  }

  /** Top-level properties, matched in any case, whose values differ; Attributes left out. */
  private static Map<String, String[]> changed(JsonNode before, JsonNode after) {
    Map<String, JsonNode[]> byName = new LinkedHashMap<>();
    collect(before, 0, byName);
    collect(after, 1, byName);
    Map<String, String[]> out = new LinkedHashMap<>();
    byName.forEach(
        (name, v) -> {
          if (!Objects.equals(v[0], v[1])) out.put(name, new String[] {shown(v[0]), shown(v[1])});
        });
    return out;
  }

  private static void collect(JsonNode object, int side, Map<String, JsonNode[]> byName) {
    if (object == null) return;
    object
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().equalsIgnoreCase("attributes")) return;
              String key =
                  byName.keySet().stream()
                      .filter(k -> k.equalsIgnoreCase(f.getKey()))
                      .findFirst()
                      .orElse(f.getKey());
              byName.computeIfAbsent(key, k -> new JsonNode[2])[side] = f.getValue();
            });
  }

  private static String shown(JsonNode v) {
    if (v == null || v.isNull()) return "(none)";
    String s = v instanceof TextNode t ? t.asText() : v.isValueNode() ? v.asText() : v.toString();
    s = Text.oneLine(s);
    return s.length() > SHOWN ? s.substring(0, SHOWN - 1) + "…" : s;
  }
}
