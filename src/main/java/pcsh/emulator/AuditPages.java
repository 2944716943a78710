package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v1/auditrecords} as spec 14.1 describes it: {@code startDate} and {@code endDate}
 * ({@code yyyy-MM-dd}, or {@code M/d/yyyy h:mm:ss a} as the docs' request example writes them; days
 * in UTC, both included), a start at most 90 days back and at most 30 days per request (400 +
 * ApiFault otherwise, with the emulator's own wording: the real text is undocumented), the one
 * {@code filter} on CustomerId (equals), CompanyName (substring) or ResourceType (equals) with
 * property names and values in any case, {@code size} up to 500, newest first, and seek paging as
 * for customers. The continuation token carries the whole query and the last record served, so
 * records added meanwhile never shift a page.
 */
final class AuditPages {

  static final int WINDOW_DAYS = 30;

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter US =
      DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);

  /** The searchable fields and the operator each allows (spec 14.1). */
  private static final Map<String, String> FIELDS =
      Map.of("customerid", "equals", "companyname", "substring", "resourcetype", "equals");

  private static final Map<String, String> NAMES =
      Map.of(
          "customerid", "CustomerId", "companyname", "CompanyName", "resourcetype", "ResourceType");

  /** Newest first; the id breaks ties so the order, and so a page's cursor, is total. */
  private static final Comparator<ObjectNode> NEWEST_FIRST =
      Comparator.comparing((ObjectNode n) -> n.path("operationDate").asText())
          .thenComparing(n -> n.path("id").asText())
          .reversed();

  private AuditPages() {}

  /**
   * One page's query: the days, the size, the filter (canonical field name, value) and, for a next
   * page, the last record already served.
   */
  private record Query(
      LocalDate start,
      LocalDate end,
      int size,
      String field,
      String value,
      String afterDate,
      String afterId) {

    boolean matches(ObjectNode r) {
      LocalDate day = day(r.path("operationDate").asText());
      if (day == null || day.isBefore(start) || day.isAfter(end)) {
        return false;
      }
      if (field != null) {
        String v =
            r.path(
                    switch (field) {
                      case "CustomerId" -> "customerId";
                      case "CompanyName" -> "customerName";
                      default -> "resourceType";
                    })
                .asText("")
                .toLowerCase(Locale.ROOT);
        String wanted = value.toLowerCase(Locale.ROOT);
        if (field.equals("CompanyName") ? !v.contains(wanted) : !v.equals(wanted)) {
          return false;
        }
      }
      return afterDate == null || NEWEST_FIRST.compare(r, cursor()) > 0;
    }

    private ObjectNode cursor() {
      return Json.MAPPER.createObjectNode().put("operationDate", afterDate).put("id", afterId);
    }

    String token() {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("startDate", start.toString());
      n.put("endDate", end.toString());
      n.put("size", size);
      if (field != null) {
        n.put("field", field).put("value", value);
      }
      n.put("afterDate", afterDate).put("afterId", afterId);
      return Json.token(n);
    }

    static Query fromToken(String token) {
      JsonNode n = Json.untoken(token);
      try {
        return new Query(
            LocalDate.parse(n.get("startDate").asText()),
            LocalDate.parse(n.get("endDate").asText()),
            n.get("size").asInt(),
            n.hasNonNull("field") ? n.get("field").asText() : null,
            n.hasNonNull("value") ? n.get("value").asText() : null,
            n.get("afterDate").asText(),
            n.get("afterId").asText());
      } catch (Exception e) {
        throw ApiException.badInput("The continuation token is invalid or expired.");
      }
    }

    String selfUri() {
      return "/auditrecords?startDate="
          + start
          + "&endDate="
          + end
          + "&size="
          + size
          + (field == null ? "" : "&filter=" + URLEncoder.encode(filterJson(), UTF_8));
    }

    private String filterJson() {
      return Json.MAPPER
          .createObjectNode()
          .put("Field", field)
          .put("Value", value)
          .put("Operator", FIELDS.get(field.toLowerCase(Locale.ROOT)))
          .toString();
    }
  }

  static ApiResponse list(StateStore store, ApiRequest r, Clock clock) {
    Query q = r.seekToken().map(Query::fromToken).orElseGet(() -> query(r, clock));
    List<ObjectNode> matching =
        store.read(EmulatorState::audit).stream().filter(q::matches).sorted(NEWEST_FIRST).toList();
    List<ObjectNode> page = matching.subList(0, Math.min(q.size(), matching.size()));
    String next = null;
    if (matching.size() > page.size()) {
      ObjectNode last = page.get(page.size() - 1);
      next =
          new Query(
                  q.start(),
                  q.end(),
                  q.size(),
                  q.field(),
                  q.value(),
                  last.path("operationDate").asText(),
                  last.path("id").asText())
              .token();
    }
    String base = "/auditrecords?startDate=" + q.start() + "&endDate=" + q.end();
    return ApiResponse.ok(
        Json.page(
            page,
            q.afterDate() == null
                ? q.selfUri()
                : base + "&size=" + q.size() + "&seekOperation=Next",
            base + "&size=" + q.size() + "&seekOperation=Next",
            next));
  }

  /** A first page's query, checked against the documented rules. */
  private static Query query(ApiRequest r, Clock clock) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate start = date("startDate", r.query("startDate"));
    LocalDate end = date("endDate", r.query("endDate"));
    if (start == null) {
      start = (end == null ? today : end).minusDays(WINDOW_DAYS - 1L);
    }
    if (end == null) {
      end =
          start.plusDays(WINDOW_DAYS - 1L).isAfter(today)
              ? today
              : start.plusDays(WINDOW_DAYS - 1L);
    }
    if (start.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(now.minus(AuditEntry.KEPT))) {
      throw ApiException.badInput(
          "startDate "
              + start
              + " is more than 90 days ago; audit records are kept for 90 days (emulator's"
              + " wording).");
    }
    if (end.isBefore(start)) {
      throw ApiException.badInput("endDate " + end + " is before startDate " + start + ".");
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days > WINDOW_DAYS) {
      throw ApiException.badInput(
          "The range "
              + start
              + " to "
              + end
              + " covers "
              + days
              + " days; one request covers at most 30 days (emulator's wording).");
    }
    String[] filter = filter(r.query("filter"));
    return new Query(
        start,
        end,
        PageRequest.size(r.query("size")),
        filter == null ? null : filter[0],
        filter == null ? null : filter[1],
        null,
        null);
  }

  /** {@code yyyy-MM-dd} or {@code M/d/yyyy h:mm:ss a}; null when absent. */
  private static LocalDate date(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.trim(), ISO);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(raw.trim().toUpperCase(Locale.ROOT), US).toLocalDate();
      } catch (DateTimeParseException e2) {
        throw ApiException.badInput(
            name + " must be a date such as 2026-11-01 or 11/1/2026 12:00:00 AM: " + raw);
      }
    }
  }

  /** The canonical field name and the value, or null for no filter. */
  private static String[] filter(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    JsonNode f;
    try {
      f = Json.MAPPER.readTree(raw);
    } catch (Exception e) {
      throw ApiException.badInput("filter is not valid JSON.");
    }
    if (f == null || !f.isObject()) {
      throw ApiException.badInput("filter must be a JSON object with Field, Value and Operator.");
    }
    JsonNode field = Json.field(f, "field");
    JsonNode value = Json.field(f, "value");
    JsonNode operator = Json.field(f, "operator");
    String key = field == null ? "" : field.asText().toLowerCase(Locale.ROOT);
    if (!FIELDS.containsKey(key)) {
      throw new ApiException(
          400,
          2000,
          "Audit records can be searched by CustomerId, CompanyName or ResourceType only.");
    }
    String op = operator == null ? "" : operator.asText().replace("_", "").toLowerCase(Locale.ROOT);
    if (!op.equals(FIELDS.get(key))) {
      throw new ApiException(
          400, 2000, NAMES.get(key) + " only allows the " + FIELDS.get(key) + " operator.");
    }
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw ApiException.badInput("filter needs a Value.");
    }
    return new String[] {NAMES.get(key), value.asText()};
  }

  private static LocalDate day(String operationDate) {
    try {
      return LocalDate.ofInstant(Instant.parse(operationDate), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
