package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One audit record (spec 14.2) in the emulator's own JSON: camelCase, enum-like values as lower
 * snake_case strings, old and new values as JSON documents inside strings, {@code operationDate}
 * with 7 fraction digits, and the documented id shape {@code
 * <partnerId>_<customerId>_<operation>_<ticks>}.
 *
 * @param customerId null for a record without a customer (e.g. a failed add_customer)
 * @param user the userPrincipalName; null for an app-only operation
 * @param oldValue the old value's text (a JSON document or a bare string); null gives JSON null
 * @param data the customizedData pairs, in order
 */
record AuditEntry(
    Instant time,
    String customerId,
    String customerName,
    String user,
    String application,
    String resourceType,
    String operation,
    String status,
    String oldValue,
    String newValue,
    String correlationId,
    List<Map.Entry<String, String>> data) {

  /** How long the service keeps records; a request may start no earlier. */
  static final Duration KEPT = Duration.ofDays(90);

  static final String QUALIFICATION_CHANGE = "update_customer_qualification";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** .NET ticks (100 ns since 0001-01-01 UTC) at the Unix epoch. */
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

  /** As the documented example writes it, e.g. {@code 2026-11-20T14:03:11.0589308Z}. */
  static String operationDate(Instant t) {
    return DATE_TIME.format(t);
  }

  ObjectNode toJson() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("partnerId", Emulator.DEMO_PARTNER_ID);
    if (customerId != null) {
      n.put("customerId", customerId);
      n.put("customerName", customerName);
    }
    if (user != null) {
      n.put("userPrincipalName", user);
    }
    n.put("applicationId", application);
    n.put("resourceType", resourceType);
    n.put("resourceOldValue", oldValue);
    n.put("resourceNewValue", newValue);
    n.put("operationType", operation);
    n.put("operationStatus", status);
    n.put("operationDate", operationDate(time));
    n.put("originalCorrelationId", correlationId);
    ArrayNode pairs = n.putArray("customizedData");
    data.forEach(kv -> pairs.addObject().put("key", kv.getKey()).put("value", kv.getValue()));
    long ticks = EPOCH_TICKS + time.getEpochSecond() * 10_000_000L + time.getNano() / 100;
    n.put(
        "id",
        Emulator.DEMO_PARTNER_ID
            + "_"
            + (customerId == null ? "" : customerId)
            + "_"
            + operation
            + "_"
            + ticks);
    n.set("attributes", Json.attributes("AuditRecord"));
    return n;
  }
}
