package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable part of the emulator: qualification entries per customer and remaining uses per
 * validation code. It is small by design (generated customers appear only once they have entries)
 * so it can be reloaded on every request when several processes share one state file.
 */
final class EmulatorState {

  private final Map<String, List<QualificationEntry>> qualifications = new LinkedHashMap<>();
  private final Map<String, Integer> remainingCreates = new LinkedHashMap<>();

  /**
   * The audit log (spec 14), oldest first, each record in its wire shape and never changed once
   * added; at most {@link #KEPT_RECORDS}, none older than {@link AuditEntry#KEPT}.
   */
  private final List<ObjectNode> audit = new ArrayList<>();

  static final int KEPT_RECORDS = 5_000;

  /**
   * The answer given to each write by its MS-RequestId, oldest first, at most {@link
   * #REMEMBERED_WRITES}.
   */
  private final Map<String, ApiResponse> writes = new LinkedHashMap<>();

  static final int REMEMBERED_WRITES = 10_000;

  private EmulatorState() {}

  /**
   * The seed as of {@code now}: its audit history (and the Tailspin GCC it records) is dated back
   * from the start of now's UTC day, so it stays the same all day and ages from then on.
   */
  static EmulatorState seed(Instant now) {
    EmulatorState s = new EmulatorState();
    SeedAudit history = new SeedAudit(now);
    for (Customer c : CustomerDirectory.NAMED) {
      s.qualifications.put(c.id(), new ArrayList<>());
    }
    s.qualifications
        .get(SeedCustomers.FABRIKAM_ID)
        .add(
            new QualificationEntry(
                Qualification.EDUCATION,
                QualificationEntry.APPROVED,
                null,
                "2024-02-19T08:41:07Z",
                "K12",
                "fabrikamschools.example",
                null));
    s.qualifications
        .get(SeedCustomers.TAILSPIN_ID)
        .add(
            new QualificationEntry(
                Qualification.GOVERNMENT_COMMUNITY_CLOUD,
                QualificationEntry.APPROVED,
                null,
                history.tailspinGcc(),
                null,
                null,
                null));
    s.qualifications.get(SeedCustomers.WOODGROVE_ID).add(QualificationEntry.stateOwnedEntity());
    // no decision time: stays InReview until Emulator.completeVetting decides it
    s.qualifications
        .get(SeedCustomers.ADATUM_ID)
        .add(
            new QualificationEntry(
                Qualification.EDUCATION,
                QualificationEntry.IN_REVIEW,
                null,
                "2025-01-08T14:22:31Z",
                "HigherEducation",
                "adatum.example",
                null));
    for (ValidationCode code : ValidationCode.SEED) {
      s.remainingCreates.put(code.validationId(), code.seedRemaining());
    }
    s.audit.addAll(history.records());
    return s;
  }

  EmulatorState copy() {
    EmulatorState s = new EmulatorState();
    qualifications.forEach((id, list) -> s.qualifications.put(id, new ArrayList<>(list)));
    s.remainingCreates.putAll(remainingCreates);
    s.writes.putAll(writes);
    s.audit.addAll(audit);
    return s;
  }

  List<ObjectNode> audit() {
    return List.copyOf(audit);
  }

  /** Appends a record, forgetting those older than 90 days and the oldest beyond the bound. */
  void addAudit(ObjectNode record, Instant now) {
    audit.add(record);
    String oldest = AuditEntry.operationDate(now.minus(AuditEntry.KEPT));
    audit.removeIf(r -> r.path("operationDate").asText().compareTo(oldest) < 0);
    if (audit.size() > KEPT_RECORDS) audit.subList(0, audit.size() - KEPT_RECORDS).clear();
  }

  List<QualificationEntry> qualifications(String customerId) {
    return List.copyOf(qualifications.getOrDefault(customerId, List.of()));
  }

  void add(String customerId, QualificationEntry entry) {
    qualifications.computeIfAbsent(customerId, k -> new ArrayList<>()).add(entry);
  }

  /**
   * Whether the customer has a record here: every named customer, and any other once it got an
   * entry.
   */
  boolean knows(String customerId) {
    return qualifications.containsKey(customerId);
  }

  void replace(String customerId, QualificationEntry old, QualificationEntry updated) {
    List<QualificationEntry> list = qualifications.get(customerId);
    int i = list == null ? -1 : list.indexOf(old);
    if (i < 0) {
      throw new IllegalStateException("no such entry for " + customerId + ": " + old);
    }
    list.set(i, updated);
  }

  /**
   * Decides every InReview entry whose decision time has come ({@link QualificationRules#vet}); the
   * stores call it under their locks on every read and write, so no timer is needed.
   *
   * @return whether anything changed (and so needs saving)
   */
  boolean decideDueVetting(Instant now) {
    boolean changed = false;
    for (List<QualificationEntry> list : qualifications.values()) {
      for (ListIterator<QualificationEntry> it = list.listIterator(); it.hasNext(); ) {
        QualificationEntry e = it.next();
        if (e.vettingDue(now)) {
          it.set(QualificationRules.vet(e));
          changed = true;
        }
      }
    }
    return changed;
  }

  int remainingCreates(String validationId) {
    return remainingCreates.getOrDefault(validationId, 0);
  }

  void useCode(String validationId) {
    int left = remainingCreates(validationId);
    if (left <= 0) {
      throw new IllegalStateException("code " + validationId + " is exhausted");
    }
    remainingCreates.put(validationId, left - 1);
  }

  /**
   * The answer given to the write with this MS-RequestId (the idempotency key), if it is still
   * remembered.
   */
  Optional<ApiResponse> answeredWrite(String requestId) {
    ApiResponse r = writes.get(requestId);
    return r == null
        ? Optional.empty()
        : Optional.of(new ApiResponse(r.status(), r.body().deepCopy(), Map.of()));
  }

  /**
   * Remembers the answer to a write by its MS-RequestId, forgetting the oldest beyond the bound.
   */
  void rememberWrite(String requestId, ApiResponse response) {
    writes.remove(requestId);
    writes.put(requestId, new ApiResponse(response.status(), response.body().deepCopy(), Map.of()));
    for (Iterator<String> it = writes.keySet().iterator(); writes.size() > REMEMBERED_WRITES; ) {
      it.next();
      it.remove();
    }
  }

  JsonNode toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", 1);
    ObjectNode customers = root.putObject("customers");
    qualifications.forEach(
        (id, list) -> {
          ArrayNode entries = customers.putArray(id);
          for (QualificationEntry e : list) {
            ObjectNode n = entries.addObject();
            n.put("qualification", e.qualification().pascal());
            putIfPresent(n, "vettingStatus", e.vettingStatus());
            putIfPresent(n, "vettingReason", e.vettingReason());
            putIfPresent(n, "vettingCreateDate", e.vettingCreateDate());
            putIfPresent(n, "educationSegment", e.educationSegment());
            putIfPresent(n, "website", e.website());
            if (e.decisionTime() != null) {
              n.put("decisionTime", e.decisionTime().toString());
            }
          }
        });
    ObjectNode codes = root.putObject("validationCodes");
    remainingCreates.forEach((code, left) -> codes.putObject(code).put("remainingCreates", left));
    ArrayNode answered = root.putArray("writes");
    writes.forEach(
        (requestId, r) ->
            answered
                .addObject()
                .put("requestId", requestId)
                .put("status", r.status())
                .set("body", r.body()));
    root.putArray("auditRecords").addAll(audit);
    return root;
  }

  /**
   * Reads a file written by {@link #toJson()}; named customers, codes and an audit log missing from
   * it keep their seed as of {@code now}.
   */
  static EmulatorState fromJson(JsonNode root, Instant now) {
    EmulatorState s = seed(now);
    JsonNode customers = root.path("customers");
    for (Iterator<Map.Entry<String, JsonNode>> it = customers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<QualificationEntry> list = new ArrayList<>();
      for (JsonNode n : field.getValue()) {
        list.add(
            new QualificationEntry(
                Qualification.parse(n.path("qualification").asText()),
                text(n, "vettingStatus"),
                text(n, "vettingReason"),
                text(n, "vettingCreateDate"),
                text(n, "educationSegment"),
                text(n, "website"),
                instant(n, "decisionTime")));
      }
      s.qualifications.put(field.getKey().toLowerCase(Locale.ROOT), list);
    }
    JsonNode codes = root.path("validationCodes");
    for (Iterator<Map.Entry<String, JsonNode>> it = codes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      s.remainingCreates.put(field.getKey(), field.getValue().path("remainingCreates").asInt(0));
    }
    if (root.has("auditRecords")) {
      // a file from before the audit log keeps the seeded history; one with it keeps its own
      s.audit.clear();
      for (JsonNode r : root.path("auditRecords")) if (r.isObject()) s.audit.add((ObjectNode) r);
    }
    for (JsonNode w : root.path("writes")) {
      s.rememberWrite(
          w.path("requestId").asText(),
          new ApiResponse(w.path("status").asInt(), w.path("body"), Map.of()));
    }
    return s;
  }

  private static void putIfPresent(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static Instant instant(JsonNode n, String key) {
    String v = text(n, key);
    return v == null ? null : Instant.parse(v);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
