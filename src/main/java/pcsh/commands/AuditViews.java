package pcsh.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pcsh.api.AuditRecord;
import pcsh.audit.AuditValues;
import pcsh.output.Text;

/** How audit records are shown: table rows, the structured item, one record in full. */
final class AuditViews {

  static final List<String> HEADERS =
      List.of("TIME (UTC)", "CUSTOMER", "OPERATION", "STATUS", "USER", "CHANGE");

  /** The documented properties (spec 14.2), in the order a CSV's columns take them. */
  private static final List<String> DOCUMENTED =
      List.of(
          "id",
          "operationDate",
          "customerId",
          "customerName",
          "operationType",
          "resourceType",
          "operationStatus",
          "userPrincipalName",
          "applicationId",
          "originalCorrelationId",
          "resourceOldValue",
          "resourceNewValue",
          "customizedData",
          "partnerId",
          "attributes");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private AuditViews() {}

  static String[] row(AuditRecord r) {
    return new String[] {
      time(r),
      first(r.customerName(), r.customerId()),
      r.operationType(),
      r.operationStatus(),
      first(r.userPrincipalName(), r.applicationId()),
      AuditValues.summary(r)
    };
  }

  /** UTC to the second, or the date as the service wrote it when pcsh cannot read it. */
  static String time(AuditRecord r) {
    return r.time().map(AuditViews::time).orElse(Text.oneLine(r.operationDate()));
  }

  static String time(Instant t) {
    return TIME.format(t);
  }

  /** The record as the service sent it, plus its old and new values parsed. */
  static JsonNode item(AuditRecord r) {
    ObjectNode n = r.json().deepCopy();
    n.set("resourceOldValueParsed", parsed(r.resourceOldValue()));
    n.set("resourceNewValueParsed", parsed(r.resourceNewValue()));
    return n;
  }

  /**
   * For CSV, whose columns come from the first record: every documented property in a fixed order
   * (empty when absent), then the others, with the parsed values as JSON text.
   */
  static JsonNode csvItem(AuditRecord r) {
    ObjectNode n = PRETTY.createObjectNode();
    for (String name : DOCUMENTED) n.set(name, orNull(r.field(name)));
    r.json()
        .fields()
        .forEachRemaining(
            f -> {
              if (DOCUMENTED.stream().noneMatch(d -> d.equalsIgnoreCase(f.getKey())))
                n.set(f.getKey(), f.getValue());
            });
    n.put("resourceOldValueParsed", text(AuditValues.parse(r.resourceOldValue())));
    n.put("resourceNewValueParsed", text(AuditValues.parse(r.resourceNewValue())));
    return n;
  }

  /** One record in full, for people: every field, values pretty-printed. */
  static String detail(AuditRecord r) {
    StringBuilder b = new StringBuilder();
    field(b, "Audit record", r.id());
    field(b, "Time (UTC)", time(r) + "  (" + Text.oneLine(r.operationDate()) + ")");
    field(b, "Operation", r.operationType());
    field(b, "Status", r.operationStatus());
    field(b, "Resource type", r.resourceType());
    field(b, "Customer", customer(r));
    field(b, "User", r.userPrincipalName());
    field(b, "Application", r.applicationId());
    field(b, "Partner", r.partnerId());
    field(b, "Correlation id", r.originalCorrelationId());
    field(b, "Change", AuditValues.summary(r));
    block(b, "Old value", pretty(r.resourceOldValue()));
    block(b, "New value", pretty(r.resourceNewValue()));
    StringBuilder data = new StringBuilder();
    for (Map.Entry<String, String> kv : r.customizedData())
      data.append(Text.oneLine(kv.getKey()))
          .append(": ")
          .append(Text.oneLine(kv.getValue()))
          .append('\n');
    block(b, "Customized data", data.toString());
    Set<String> shown = Set.copyOf(DOCUMENTED);
    StringBuilder other = new StringBuilder();
    r.json()
        .fields()
        .forEachRemaining(
            f -> {
              if (shown.stream().noneMatch(d -> d.equalsIgnoreCase(f.getKey())))
                other
                    .append(Text.oneLine(f.getKey()))
                    .append(": ")
                    .append(
                        Text.oneLine(
                            f.getValue().isValueNode()
                                ? f.getValue().asText()
                                : f.getValue().toString()))
                    .append('\n');
            });
    block(b, "Other fields", other.toString());
    return b.toString().stripTrailing();
  }

  /** For `qualification show`: what, when, who and through what, from one record. */
  static String lastChange(AuditRecord r) {
    String who = who(r.userPrincipalName(), r.applicationId());
    String what =
        AuditValues.newQualification(r)
            .map(q -> AuditValues.oldQualification(r).orElse("?") + " → " + q)
            .orElseGet(() -> AuditValues.summary(r));
    return Text.oneLine(what + ", " + time(r) + " UTC" + (who.isEmpty() ? "" : ", by " + who));
  }

  /** "Customer Name (id)", the name or the id alone, or nothing. */
  static String customer(AuditRecord r) {
    String name = r.customerName();
    String id = r.customerId();
    if (name == null || name.isBlank()) return id;
    return id == null || id.isBlank() ? name : name + " (" + id + ")";
  }

  /** Who: the user, and the application when it is known too. */
  static String who(String user, String application) {
    boolean u = user != null && !user.isBlank();
    boolean a = application != null && !application.isBlank();
    if (u && a) return user + " via " + application;
    return u ? user : a ? application : "";
  }

  private static String pretty(JsonNode raw) {
    JsonNode v = AuditValues.parse(raw);
    if (v == null) return "(none)\n";
    if (v.isTextual()) return Text.oneLine(v.asText()) + "\n";
    try {
      return PRETTY.writeValueAsString(v) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return v + "\n";
    }
  }

  private static JsonNode parsed(JsonNode raw) {
    return orNull(AuditValues.parse(raw));
  }

  private static JsonNode orNull(JsonNode v) {
    return v == null ? NullNode.getInstance() : v;
  }

  private static String text(JsonNode v) {
    if (v == null) return null;
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static void field(StringBuilder b, String label, String value) {
    if (value == null || value.isBlank()) return;
    b.append(String.format("%-16s%s%n", label + ":", Text.oneLine(value)));
  }

  private static void block(StringBuilder b, String label, String text) {
    if (text.isBlank()) return;
    b.append(label).append(":\n");
    text.lines()
        .forEach(l -> b.append("  ").append(l.replaceAll("\\p{Cntrl}", "\uFFFD")).append('\n'));
  }
}
