package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Service requests (spec 22), read-only, App+User only: the partner's list ({@code GET
 * /v1/servicerequests}: every request it filed, for itself or a customer), a customer's ({@code GET
 * /v1/customers/{id}/servicerequests}) and one by id. Lists page by {@code offset} and {@code size}
 * (default 100, at most 500: the emulator's numbers) with {@code links.next} an offset link, and
 * send {@code severity} and {@code status} as integers, as the documented list example does; the
 * detail sends them as strings, with the notes. The integers follow the enums' order, an inference
 * (.NET's converter writes an enum's ordinal): severity unknown 0, critical 1, moderate 2, minimal
 * 3; status none 0, open 1, closed 2, attention_needed 3. The list's {@code filter} takes {@code
 * {"Field":"Status"|"Severity","Value":<name or integer>,"Operator":"equals"}}, the emulator's
 * reading of an undocumented parameter. An unknown id is 404 / 1000.
 */
final class ServiceRequests {

  static final List<String> SEVERITIES = List.of("unknown", "critical", "moderate", "minimal");
  static final List<String> STATUSES = List.of("none", "open", "closed", "attention_needed");
  private static final int DEFAULT_SIZE = 100;

  /** A seeded request; days are before the start of the current UTC day; closed -1: never. */
  private record Seed(
      String id,
      String customer,
      String title,
      String severity,
      String status,
      String topic,
      String product,
      int created,
      int modified,
      int closed,
      List<String> notes) {}

  private static final List<Seed> SEED =
      List.of(
          new Seed(
              "615112491169011",
              SeedCustomers.NORTHWIND_ID,
              "Users cannot activate Microsoft 365 Apps",
              "moderate",
              "open",
              "Microsoft 365 Apps activation",
              "Microsoft 365 Business Basic",
              2,
              1,
              -1,
              List.of(
                  "Five new Business Basic users see 'activation failed' in Word and Outlook.",
                  "Microsoft: please send the output of the activation troubleshooter.")),
          new Seed(
              "615112491169043",
              null,
              "Reconciliation file is missing the customer domain column",
              "minimal",
              "attention_needed",
              "Billing and invoices",
              "Partner Center",
              6,
              3,
              -1,
              List.of("Microsoft: which billing period is affected?")),
          new Seed(
              "615112491169075",
              SeedCustomers.NORTHWIND_ID,
              "Question about a suspended Defender for Business subscription",
              "moderate",
              "closed",
              "Subscriptions",
              "Microsoft Defender for Business",
              16,
              15,
              15,
              List.of(
                  "Microsoft: the partner suspended it; reactivate it from the subscription page.")),
          new Seed(
              "615112491169059",
              SeedCustomers.CONTOSO_HEALTH_ID,
              "Exchange mailbox migration stalled at 80%",
              "critical",
              "closed",
              "Exchange Online migration",
              "Exchange Online (Plan 1)",
              20,
              18,
              18,
              List.of("Migration batch stopped at 80%.", "Microsoft: throttling lifted, done.")),
          new Seed(
              "615112491169027",
              SeedCustomers.TAILSPIN_ID,
              "GCC qualification still shows InReview",
              "minimal",
              "closed",
              "Customer qualification",
              "Partner Center",
              45,
              40,
              40,
              List.of("Microsoft: the qualification is approved now.")));

  private final CustomerDirectory directory;
  private final Clock clock;

  ServiceRequests(CustomerDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  // GET /v1/servicerequests[?offset=&size=&filter=]
  ApiResponse partnerList(ApiRequest r) {
    return list(r, "/servicerequests", s -> true);
  }

  // GET /v1/customers/{id}/servicerequests[?offset=&size=&filter=]
  ApiResponse customerList(String id, ApiRequest r) {
    Customer c = directory.require(id);
    return list(r, "/customers/" + c.id() + "/servicerequests", s -> c.id().equals(s.customer()));
  }

  // GET /v1/servicerequests/{id}
  ApiResponse one(String id) {
    return SEED.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .map(s -> ApiResponse.ok(toJson(s, true)))
        .orElseThrow(
            () -> new ApiException(404, 1000, "Service request " + id + " was not found."));
  }

  /**
   * POST /v1/servicerequests/{locale} and GET /v1/servicerequests/supporttopics: decommissioned;
   * the status (410 Gone) and text are the emulator's.
   */
  static ApiResponse retired() {
    return ApiResponse.fault(
        410,
        1000,
        "Creating service requests and listing support topics through the API were decommissioned"
            + " on 31 August 2020: use the Partner Center portal (Help + support).",
        Map.of());
  }

  private ApiResponse list(ApiRequest r, String path, Predicate<Seed> whose) {
    int offset = number(r.query("offset"), 0, "offset", Integer.MAX_VALUE);
    int size = number(r.query("size"), DEFAULT_SIZE, "size", PageRequest.MAX_SIZE);
    if (size == 0) size = DEFAULT_SIZE;
    String filter = r.query("filter");
    List<Seed> all = SEED.stream().filter(whose).filter(filter(filter)).toList();
    List<ObjectNode> items =
        all.stream().skip(offset).limit(size).map(s -> toJson(s, false)).toList();
    String query =
        filter == null || filter.isBlank() ? "" : "&filter=" + URLEncoder.encode(filter, UTF_8);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("totalCount", items.size());
    body.putArray("items").addAll(items);
    ObjectNode links = body.putObject("links");
    links.set("self", Json.link(path + "?offset=" + offset + "&size=" + size + query));
    if (offset + items.size() < all.size()) {
      links.set("next", Json.link(path + "?offset=" + (offset + size) + "&size=" + size + query));
    }
    body.set("attributes", Json.attributes("Collection"));
    return ApiResponse.ok(body);
  }

  private ObjectNode toJson(Seed s, boolean detail) {
    Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
    Customer c = s.customer() == null ? null : directory.find(s.customer()).orElseThrow();
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("title", s.title());
    n.put("description", s.notes().get(0));
    if (detail) {
      n.put("severity", s.severity());
      n.put("status", s.status());
    } else {
      n.put("severity", SEVERITIES.indexOf(s.severity()));
      n.put("status", STATUSES.indexOf(s.status()));
    }
    n.put("supportTopicId", SeedIds.uuid("support-topic-" + s.topic()));
    n.put("supportTopicName", s.topic());
    n.put("productId", SeedIds.uuid("support-product-" + s.product()));
    n.put("productName", s.product());
    n.put("countryCode", "US");
    ObjectNode org = n.putObject("organization");
    org.put("id", c == null ? Emulator.DEMO_PARTNER_ID : c.id());
    org.put("name", c == null ? Emulator.DEMO_PARTNER_NAME : c.companyName());
    org.put("phoneNumber", "4255550100");
    n.set("primaryContact", contact("Dana", "Whitfield", Emulator.DEMO_USER));
    n.set(
        "lastUpdatedBy",
        s.notes().size() > 1 || s.status().equals("closed")
            ? contact("Support", "Engineer", "support@microsoft.example")
            : contact("Dana", "Whitfield", Emulator.DEMO_USER));
    n.put("createdDate", at(day, s.created(), s.id()));
    n.put("lastModifiedDate", at(day, s.modified(), s.id()));
    n.put("lastClosedDate", s.closed() < 0 ? "0001-01-01T00:00:00" : at(day, s.closed(), s.id()));
    if (detail) {
      ArrayNode notes = n.putArray("notes");
      for (int i = 0; i < s.notes().size(); i++) {
        String text = s.notes().get(i);
        notes
            .addObject()
            .put(
                "createdByName",
                text.startsWith("Microsoft:") ? "Support Engineer" : "Dana Whitfield")
            .put("createdDate", at(day, s.created() - i, s.id()))
            .put("text", text);
      }
    }
    n.putArray("fileLinks");
    n.set("attributes", Json.attributes("ServiceRequest"));
    return n;
  }

  private static ObjectNode contact(String first, String last, String email) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("contactId", SeedIds.uuid("contact-" + email));
    n.put("firstName", first);
    n.put("lastName", last);
    n.put("email", email);
    n.put("phoneNumber", "4255550100");
    return n;
  }

  private static String at(Instant day, int daysAgo, String id) {
    long seconds = Long.parseLong(id.substring(id.length() - 4)) * 7 % 86_400;
    return day.minus(Duration.ofDays(Math.max(0, daysAgo))).plusSeconds(seconds).toString();
  }

  private static int number(String raw, int absent, String name, int max) {
    if (raw == null || raw.isBlank()) return absent;
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 0) return Math.min(n, max);
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badInput(name + " must be a whole number, 0 or more: " + raw);
  }

  private static Predicate<Seed> filter(String text) {
    if (text == null || text.isBlank()) return s -> true;
    JsonNode f;
    try {
      f = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw ApiException.badInput("filter is not valid JSON.");
    }
    JsonNode field = f != null && f.isObject() ? Json.field(f, "field") : null;
    JsonNode value = field == null ? null : Json.field(f, "value");
    JsonNode operator = field == null ? null : Json.field(f, "operator");
    String name = field == null ? "" : field.asText().toLowerCase(Locale.ROOT);
    if (value == null
        || operator == null
        || !operator.asText().equalsIgnoreCase("equals")
        || !(name.equals("status") || name.equals("severity"))) {
      throw ApiException.badInput(
          "The service-request filter takes {\"Field\":\"Status\" or \"Severity\",\"Value\":...,"
              + "\"Operator\":\"equals\"}.");
    }
    List<String> names = name.equals("status") ? STATUSES : SEVERITIES;
    String given = value.asText().toLowerCase(Locale.ROOT).replace("_", "");
    String wanted =
        given.matches("\\d+")
            ? Integer.parseInt(given) < names.size() ? names.get(Integer.parseInt(given)) : null
            : names.stream().filter(v -> v.replace("_", "").equals(given)).findFirst().orElse(null);
    if (wanted == null) throw ApiException.unparseableEnum(value.asText());
    String match = wanted;
    return name.equals("status") ? s -> s.status().equals(match) : s -> s.severity().equals(match);
  }
}
