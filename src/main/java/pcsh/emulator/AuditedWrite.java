package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit record of one qualification write, by any client, legacy PUT or V2 POST (spec 14): a
 * {@code succeeded} record in the same state change as the write, or a {@code failed} one when the
 * rules refuse it for a known customer (the refusal changes nothing else). The caller's
 * MS-CorrelationId is its {@code originalCorrelationId}; its MS-RequestId and the request line go
 * in {@code customizedData}; {@code applicationId} is the {@code MS-PartnerCenter-Application}
 * header, else {@code User-Agent}, else {@value #DEFAULT_APPLICATION}; the user is the demo admin,
 * as every token is the demo partner's.
 *
 * <p>What a qualification change's old and new values hold is undocumented: {@link #value} is the
 * emulator's guess, the qualifications held before and the one asked for.
 */
final class AuditedWrite {

  static final String DEFAULT_APPLICATION = "Partner Center API";

  private final ApiRequest request;
  private final Clock clock;
  private Customer customer;
  private String before;
  private String requested;

  AuditedWrite(ApiRequest request, Clock clock) {
    this.request = request;
    this.clock = clock;
  }

  /**
   * The write's customer and what it held; a write refused before this (an unknown customer) leaves
   * no record.
   */
  void customer(Customer c, List<QualificationEntry> entries) {
    this.customer = c;
    String held =
        entries.stream()
            .filter(QualificationEntry::active)
            .map(e -> e.qualification().pascal())
            .distinct()
            .collect(Collectors.joining(", "));
    this.before = held.isEmpty() ? Qualification.NONE.pascal() : held;
  }

  void requested(Qualification q) {
    this.requested = q.pascal();
  }

  void succeeded(EmulatorState s) {
    Instant now = clock.instant();
    s.addAudit(entry("succeeded", null, now), now);
  }

  void failed(EmulatorState s, ApiException refusal) {
    if (customer == null) {
      return;
    }
    Instant now = clock.instant();
    s.addAudit(entry("failed", refusal, now), now);
  }

  /**
   * The emulator's guess at a qualification value: {@code {"Qualification": "...", "Attributes":
   * {"ObjectType": "CustomerQualification"}}} as a JSON document, PascalCase like the documented
   * licence example.
   */
  static String value(String qualification) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("Qualification", qualification);
    n.putObject("Attributes").put("ObjectType", "CustomerQualification");
    return n.toString();
  }

  private ObjectNode entry(String status, ApiException refusal, Instant now) {
    List<Map.Entry<String, String>> data = new ArrayList<>();
    String requestId = request.header("MS-RequestId");
    if (requestId != null && !requestId.isBlank()) {
      data.add(Map.entry("MS-RequestId", requestId.trim()));
    }
    data.add(Map.entry("Api", request.method() + " " + request.path()));
    if (refusal != null) {
      data.add(Map.entry("Error", refusal.code() + ": " + refusal.description()));
    }
    String correlation = request.header("MS-CorrelationId");
    return new AuditEntry(
            now,
            customer.id(),
            customer.companyName(),
            Emulator.DEMO_USER,
            application(),
            "customer",
            AuditEntry.QUALIFICATION_CHANGE,
            status,
            value(before),
            requested == null ? null : value(requested),
            correlation == null || correlation.isBlank()
                ? UUID.randomUUID().toString()
                : correlation.trim(),
            data)
        .toJson();
  }

  private String application() {
    for (String header : List.of("MS-PartnerCenter-Application", "User-Agent")) {
      String v = request.header(header);
      if (v != null && !v.isBlank()) {
        String t = v.trim();
        return t.length() > 256 ? t.substring(0, 256) : t;
      }
    }
    return DEFAULT_APPLICATION;
  }
}
