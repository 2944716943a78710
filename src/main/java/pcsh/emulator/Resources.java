package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The endpoints of spec 4, 6, 7 and 8, on top of the customer directory and the state store. */
final class Resources {

  private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z0-9_\\- ]+");

  private final CustomerDirectory directory;
  private final StateStore store;
  private final LegacyCasing casing;
  private final Clock clock;
  private final Duration vettingDelay;
  private final java.util.concurrent.atomic.AtomicLong appliedWrites =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong repeatedWrites =
      new java.util.concurrent.atomic.AtomicLong();

  Resources(
      CustomerDirectory directory,
      StateStore store,
      LegacyCasing casing,
      Clock clock,
      Duration vettingDelay) {
    this.directory = directory;
    this.store = store;
    this.casing = casing;
    this.clock = clock;
    this.vettingDelay = vettingDelay;
  }

  /**
   * Writes this emulator carried out (new MS-RequestId, not refused); refusals change nothing and
   * do not count.
   */
  long appliedWrites() {
    return appliedWrites.get();
  }

  /**
   * Writes answered from memory because their MS-RequestId was seen before; they change nothing.
   */
  long repeatedWrites() {
    return repeatedWrites.get();
  }

  // GET /v1/customers[?size=&filter=] and GET /v1/customers?seekOperation=Next +
  // MS-ContinuationToken
  ApiResponse listCustomers(ApiRequest r) {
    return CustomerPages.list(directory, r);
  }

  // GET /v1/customers/{id}/qualification
  ApiResponse legacyQualification(String id) {
    Customer c = customerOrFail(id);
    Qualification q = store.read(s -> QualificationRules.legacyValue(s.qualifications(c.id())));
    return ApiResponse.ok(TextNode.valueOf(q.legacy(casing)));
  }

  // PUT /v1/customers/{id}/qualification[?code=]
  ApiResponse updateLegacyQualification(String id, ApiRequest r) {
    String now = now();
    AuditedWrite audit = new AuditedWrite(r, clock);
    return idempotentWrite(
        r,
        audit,
        s -> {
          Customer c = customerOrFail(id);
          audit.customer(c, s.qualifications(c.id()));
          Qualification wanted = legacyBody(r.bodyText());
          audit.requested(wanted);
          QualificationRules.applyLegacy(s, c.id(), wanted, r.query("code"), now);
          Qualification result = QualificationRules.legacyValue(s.qualifications(c.id()));
          return ApiResponse.ok(TextNode.valueOf(result.legacy(casing)));
        });
  }

  // GET /v1/customers/{id}/qualifications
  ApiResponse qualifications(String id) {
    Customer c = customerOrFail(id);
    List<QualificationEntry> entries = store.read(s -> s.qualifications(c.id()));
    ArrayNode array = Json.MAPPER.createArrayNode();
    entries.forEach(e -> array.add(toJson(e)));
    return ApiResponse.ok(array);
  }

  // POST /v1/customers/{id}/qualifications[?code=]
  ApiResponse createQualification(String id, ApiRequest r) {
    Instant instant = clock.instant();
    String now = instant.truncatedTo(ChronoUnit.SECONDS).toString();
    AuditedWrite audit = new AuditedWrite(r, clock);
    return idempotentWrite(
        r,
        audit,
        s -> {
          Customer c = customerOrFail(id);
          audit.customer(c, s.qualifications(c.id()));
          QualificationRequest request =
              QualificationRequest.parse(json(r.bodyText()), r.query("code"));
          audit.requested(request.qualification());
          QualificationEntry created =
              QualificationRules.applyV2(s, c.id(), request, now, instant.plus(vettingDelay));
          return ApiResponse.created(toJson(created));
        });
  }

  // GET /v1/auditrecords[?startDate=&endDate=&size=&filter=], and seekOperation=Next
  ApiResponse auditRecords(ApiRequest r) {
    return AuditPages.list(store, r, clock);
  }

  /**
   * Runs a write under the store's lock with {@code MS-RequestId} as its idempotency key: a key
   * seen before gets the first answer again (success or ApiFault) and changes nothing; a new key
   * has its answer remembered with the write, in the same update, so a write that was applied is
   * never applied twice. Without the header every request is a new write. Each new write, applied
   * or refused, leaves its record in the audit log ({@code audit}); a repeat leaves none.
   */
  private ApiResponse idempotentWrite(
      ApiRequest r, AuditedWrite audit, Function<EmulatorState, ApiResponse> write) {
    String header = r.header("MS-RequestId");
    String key = header == null || header.isBlank() ? null : header.trim().toLowerCase(Locale.ROOT);
    AtomicBoolean repeated = new AtomicBoolean();
    try {
      ApiResponse answer =
          store.update(
              s -> {
                Optional<ApiResponse> previous = answered(s, key);
                repeated.set(previous.isPresent());
                if (previous.isPresent()) {
                  return previous.get();
                }
                ApiResponse response = write.apply(s);
                audit.succeeded(s);
                if (key != null) {
                  s.rememberWrite(key, response);
                }
                return response;
              });
      (repeated.get() ? repeatedWrites : appliedWrites).incrementAndGet();
      return answer;
    } catch (ApiException e) {
      // the refused write changed nothing; remember the refusal so a retry is answered alike
      ApiResponse refusal = ApiResponse.fault(e);
      return store.update(
          s ->
              answered(s, key)
                  .orElseGet(
                      () -> {
                        audit.failed(s, e);
                        if (key != null) {
                          s.rememberWrite(key, refusal);
                        }
                        return refusal;
                      }));
    }
  }

  private static Optional<ApiResponse> answered(EmulatorState s, String key) {
    return key == null ? Optional.empty() : s.answeredWrite(key);
  }

  // GET /v1/customers/all/validations
  ApiResponse validationCodes() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    store.read(
        s -> {
          for (ValidationCode code : ValidationCode.SEED) {
            int remaining = s.remainingCreates(code.validationId());
            ObjectNode n = array.addObject();
            n.put("partnerId", Emulator.DEMO_PARTNER_ID);
            n.put("organizationName", code.organizationName());
            n.put("validationId", code.validationId());
            n.put("maxCreates", code.maxCreates());
            n.put("remainingCreates", remaining);
            n.put("eTag", code.eTag(remaining));
          }
          return null;
        });
    return ApiResponse.ok(array);
  }

  /** {@link Emulator#completeVetting(String, boolean, String)}: the test hook, not an endpoint. */
  void completeVetting(String customerId, boolean approved, String reason) {
    Customer c =
        directory
            .find(customerId)
            .orElseThrow(() -> new IllegalArgumentException("unknown customer " + customerId));
    store.update(
        s -> QualificationRules.completeVetting(s, c.id(), approved, reason, clock.instant()));
  }

  private Customer customerOrFail(String id) {
    return directory.require(id);
  }

  /**
   * The legacy body is "the qualification" in whatever form a client sends it (spec Q1): an
   * integer, a JSON string (possibly holding an integer), or an unquoted word.
   */
  static Qualification legacyBody(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw ApiException.badInput(
          "The request body must be the qualification, e.g. \"Education\".");
    }
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(t);
    } catch (IOException e) {
      if (BARE_WORD.matcher(t).matches()) {
        return Qualification.parse(t);
      }
      throw ApiException.badInput("The request body is not valid JSON.");
    }
    if (n.isObject() && Json.field(n, "qualification") != null) {
      n = Json.field(n, "qualification");
    }
    if (n.isIntegralNumber()) {
      return Qualification.fromOrdinal(n.asLong(), t);
    }
    if (n.isTextual()) {
      return Qualification.parse(n.asText());
    }
    throw ApiException.unparseableEnum(t);
  }

  private static JsonNode json(String text) {
    if (text.isBlank()) {
      throw ApiException.badInput("The request body is required.");
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw ApiException.badInput("The request body is not valid JSON.");
    }
  }

  private static ObjectNode toJson(QualificationEntry e) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("qualification", e.qualification().pascal());
    if (e.vettingStatus() != null) {
      n.put("vettingStatus", e.vettingStatus());
    }
    if (e.vettingReason() != null) {
      n.put("vettingReason", e.vettingReason());
    }
    if (e.vettingCreateDate() != null) {
      n.put("vettingCreateDate", e.vettingCreateDate());
    }
    return n;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
