package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audit record (spec 14.2), kept whole as the service sent it ({@link #json()}) and read
 * tolerantly: properties in camelCase or any other case, every value a string. Operation and
 * resource types, and statuses, stay strings (the Java SDK's enums broke on each new value), so a
 * type pcsh has never seen is shown as it came. Customer and user may be absent.
 */
public record AuditRecord(JsonNode json) {

  public String id() {
    return text("id");
  }

  public String partnerId() {
    return text("partnerId");
  }

  public String customerId() {
    return text("customerId");
  }

  public String customerName() {
    return text("customerName");
  }

  public String userPrincipalName() {
    return text("userPrincipalName");
  }

  public String applicationId() {
    return text("applicationId");
  }

  public String resourceType() {
    return text("resourceType");
  }

  public String operationType() {
    return text("operationType");
  }

  public String operationStatus() {
    return text("operationStatus");
  }

  /** As the service wrote it, e.g. {@code 2026-11-20T14:03:11.0589308Z}. */
  public String operationDate() {
    return text("operationDate");
  }

  public String originalCorrelationId() {
    return text("originalCorrelationId");
  }

  /**
   * The old value as it came: usually a JSON document inside a string, but also a bare string, a
   * JSON object, or null when absent.
   */
  public JsonNode resourceOldValue() {
    return field("resourceOldValue");
  }

  public JsonNode resourceNewValue() {
    return field("resourceNewValue");
  }

  /**
   * {@code operationDate} as an instant: ISO-8601 with an offset, or without one (then UTC); empty
   * when it is missing or unreadable.
   */
  public Optional<Instant> time() {
    String d = operationDate();
    if (d == null) return Optional.empty();
    try {
      return Optional.of(OffsetDateTime.parse(d).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(d).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * {@code customizedData}: a list of {@code {"key", "value"}} pairs as documented, or an object of
   * names and values; values that are not strings are kept as JSON text.
   */
  public List<Map.Entry<String, String>> customizedData() {
    JsonNode data = field("customizedData");
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (data == null) return out;
    if (data.isArray()) {
      for (JsonNode pair : data) {
        if (!pair.isObject()) continue;
        out.add(Map.entry(asText(lookup(pair, "key")), asText(lookup(pair, "value"))));
      }
    } else if (data.isObject()) {
      data.fields().forEachRemaining(f -> out.add(Map.entry(f.getKey(), asText(f.getValue()))));
    }
    return out;
  }

  /** A property by name, in camelCase or any other case; null when absent or JSON null. */
  public JsonNode field(String name) {
    JsonNode v = lookup(json, name);
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }

  private String text(String name) {
    JsonNode v = field(name);
    return v == null ? null : asText(v);
  }

  private static JsonNode lookup(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) return exact;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase(name)) return f.getValue();
    }
    return null;
  }

  private static String asText(JsonNode v) {
    if (v == null || v.isNull()) return "";
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
