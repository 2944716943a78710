package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/auditrecords} (spec 14.1) and the records every qualification write leaves: the
 * documented date rules, filters and paging, and the seeded history.
 */
class AuditRecordsTest {

  private static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  private static final String TAILSPIN = SeedCustomers.TAILSPIN_ID;
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private Emulator emulator;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void theSeededHistoryHasThirtyRecordsOverSixtyDaysOfSeveralKinds() {
    List<JsonNode> all = new ArrayList<>();
    for (int back = 0; back < 90; back += 30) {
      all.addAll(items(get(TODAY.minusDays(back + 29L), TODAY.minusDays(back), null, 500)));
    }

    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all)
        .allSatisfy(
            r -> {
              Instant t = Instant.parse(r.path("operationDate").asText());
              assertThat(t).isAfter(Instant.now().minusSeconds(61L * 86400));
              assertThat(r.path("operationDate").asText()).matches(".*T.*\\.[0-9]{7}Z");
              assertThat(r.path("id").asText()).startsWith(Emulator.DEMO_PARTNER_ID + "_");
              assertThat(r.path("attributes").path("objectType").asText()).isEqualTo("AuditRecord");
            });
    assertThat(all.stream().map(r -> r.path("operationType").asText()).distinct().count())
        .isGreaterThanOrEqualTo(5);
    assertThat(all)
        .filteredOn(r -> r.path("customerId").asText().equals(TAILSPIN))
        .filteredOn(r -> r.path("operationType").asText().equals("update_customer_qualification"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("userPrincipalName").asText()).isEqualTo(Emulator.DEMO_USER);
              assertThat(r.path("applicationId").asText()).isEqualTo("Partner Center Native App");
              assertThat(r.path("operationStatus").asText()).isEqualTo("succeeded");
              assertThat(Http.MAPPER.readTree(r.path("resourceNewValue").asText()))
                  .isEqualTo(
                      Http.MAPPER.readTree(
                          "{\"Qualification\":\"GovernmentCommunityCloud\","
                              + "\"Attributes\":{\"ObjectType\":\"CustomerQualification\"}}"));
            });
    assertThat(all)
        .filteredOn(r -> r.path("operationStatus").asText().equals("failed"))
        .filteredOn(r -> r.path("operationType").asText().equals("update_customer_qualification"))
        .anySatisfy(
            r -> {
              assertThat(r.path("customerId").asText()).isNotEqualTo(TAILSPIN);
              assertThat(r.path("resourceNewValue").asText()).contains("Education");
            });
    assertThat(all).anySatisfy(r -> assertThat(r.has("customerId")).isFalse());
    assertThat(all).anySatisfy(r -> assertThat(r.has("userPrincipalName")).isFalse());
  }

  @Test
  void theTailspinGccInTheLogIsWhenItsQualificationWasCreated() {
    JsonNode record =
        items(
                get(
                    TODAY.minusDays(59),
                    TODAY.minusDays(30),
                    filter("CustomerId", TAILSPIN, "equals"),
                    500))
            .stream()
            .filter(r -> r.path("operationType").asText().equals("update_customer_qualification"))
            .findFirst()
            .orElseThrow();
    JsonNode qualifications = Http.json(http.get("/v1/customers/" + TAILSPIN + "/qualifications"));

    assertThat(qualifications.get(0).path("vettingCreateDate").asText())
        .isEqualTo(record.path("operationDate").asText().substring(0, 19) + "Z");
  }

  @Test
  void aLegacyPutLeavesASucceededRecordWithTheCallersIds() throws Exception {
    String requestId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    HttpResponse<String> put =
        Http.send(
            http.request("/v1/customers/" + NORTHWIND + "/qualification?code=448812")
                .header("Content-Type", "application/json")
                .header("MS-RequestId", requestId)
                .header("MS-CorrelationId", correlationId)
                .header("MS-PartnerCenter-Application", "Contoso Onboarding Tool")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("3"))
                .build());
    assertThat(put.statusCode()).isEqualTo(200);

    JsonNode r = newest(NORTHWIND);
    assertThat(r.path("operationType").asText()).isEqualTo("update_customer_qualification");
    assertThat(r.path("resourceType").asText()).isEqualTo("customer");
    assertThat(r.path("operationStatus").asText()).isEqualTo("succeeded");
    assertThat(r.path("customerName").asText()).isEqualTo("Northwind Traders");
    assertThat(r.path("partnerId").asText()).isEqualTo(Emulator.DEMO_PARTNER_ID);
    assertThat(r.path("userPrincipalName").asText()).isEqualTo(Emulator.DEMO_USER);
    assertThat(r.path("applicationId").asText()).isEqualTo("Contoso Onboarding Tool");
    assertThat(r.path("originalCorrelationId").asText()).isEqualTo(correlationId);
    assertThat(r.path("resourceOldValue").isTextual()).isTrue();
    assertThat(
            Http.MAPPER
                .readTree(r.path("resourceOldValue").asText())
                .path("Qualification")
                .asText())
        .isEqualTo("None");
    assertThat(
            Http.MAPPER
                .readTree(r.path("resourceNewValue").asText())
                .path("Qualification")
                .asText())
        .isEqualTo("GovernmentCommunityCloud");
    assertThat(r.path("customizedData").toString())
        .contains("{\"key\":\"MS-RequestId\",\"value\":\"" + requestId + "\"}")
        .contains("PUT /v1/customers/" + NORTHWIND + "/qualification");
    assertThat(r.path("id").asText())
        .matches(
            Emulator.DEMO_PARTNER_ID
                + "_"
                + NORTHWIND
                + "_update_customer_qualification_[0-9]{18}");
  }

  @Test
  void aV2PostIsRecordedWithTheUserAgentWhenNoApplicationIsNamed() {
    HttpResponse<String> post =
        Http.send(
            http.request("/v1/customers/" + NORTHWIND + "/qualifications")
                .header("Content-Type", "application/json")
                .header("User-Agent", "curl/8.5.0")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"Qualification\":\"StateOwnedEntity\"}"))
                .build());
    assertThat(post.statusCode()).isEqualTo(201);

    JsonNode r = newest(NORTHWIND);
    assertThat(r.path("applicationId").asText()).isEqualTo("curl/8.5.0");
    assertThat(r.path("resourceNewValue").asText()).contains("StateOwnedEntity");
    assertThat(r.path("customizedData").toString()).contains("POST /v1/customers/" + NORTHWIND);
  }

  @Test
  void aRefusedWriteIsRecordedAsFailedAndChangesNothingElse() {
    HttpResponse<String> put = http.put("/v1/customers/" + TAILSPIN + "/qualification", "1");
    assertThat(Http.fault(put)).isEqualTo("400/3000");

    JsonNode r = newest(TAILSPIN);
    assertThat(r.path("operationStatus").asText()).isEqualTo("failed");
    assertThat(r.path("resourceOldValue").asText()).contains("GovernmentCommunityCloud");
    assertThat(r.path("resourceNewValue").asText()).contains("Education");
    assertThat(r.path("customizedData").toString()).contains("Error", "3000");
    assertThat(Http.json(http.get("/v1/customers/" + TAILSPIN + "/qualification")).asText())
        .isEqualTo("government_community_cloud");
  }

  @Test
  void aRepeatedRequestIdAndAnUnknownCustomerLeaveNoRecord() {
    String requestId = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      Http.send(
          http.request("/v1/customers/" + NORTHWIND + "/qualification")
              .header("MS-RequestId", requestId)
              .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("1"))
              .build());
    }
    http.put("/v1/customers/00000000-0000-4000-8000-000000000000/qualification", "1");

    List<JsonNode> last30 = items(get(TODAY.minusDays(29), TODAY, null, 500));
    assertThat(last30)
        .filteredOn(r -> r.path("customerId").asText().equals(NORTHWIND))
        .filteredOn(r -> r.path("operationType").asText().equals("update_customer_qualification"))
        .hasSize(1);
    assertThat(last30).noneMatch(r -> r.path("customerId").asText().startsWith("00000000"));
  }

  @Test
  void recordsPersistWithTheRestOfTheState() throws Exception {
    Path dir = Files.createTempDirectory("pcsh-audit-state");
    try (Emulator first = Emulator.start(EmulatorConfig.persistent(dir))) {
      new Http(first).put("/v1/customers/" + NORTHWIND + "/qualification", "1");
    }
    try (Emulator second = Emulator.start(EmulatorConfig.persistent(dir))) {
      HttpResponse<String> list =
          new Http(second)
              .get(
                  "/v1/auditrecords?startDate="
                      + TODAY
                      + "&endDate="
                      + TODAY
                      + "&filter="
                      + enc(filter("CustomerId", NORTHWIND, "equals")));
      assertThat(items(list))
          .singleElement()
          .satisfies(r -> assertThat(r.path("resourceNewValue").asText()).contains("Education"));
    }
  }

  @Test
  void bothDocumentedDateFormsAreAccepted() {
    DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    String start = TODAY.minusDays(29).atStartOfDay().format(us);
    String end = TODAY.atTime(23, 59, 59).format(us);

    HttpResponse<String> iso = get(TODAY.minusDays(29), TODAY, null, 500);
    HttpResponse<String> legacy =
        http.get("/v1/auditrecords?startDate=" + enc(start) + "&endDate=" + enc(end));

    assertThat(legacy.statusCode()).isEqualTo(200);
    assertThat(ids(items(legacy))).isEqualTo(ids(items(iso))).isNotEmpty();
  }

  @Test
  void aStartOverNinetyDaysBackOrAWindowOverThirtyDaysIsA400ApiFault() {
    // the first moment of today-90 is more than 90 days ago (unless it is exactly midnight)
    HttpResponse<String> old = get(TODAY.minusDays(90), TODAY.minusDays(80), null, 10);
    HttpResponse<String> wide = get(TODAY.minusDays(30), TODAY, null, 10);
    HttpResponse<String> backwards = get(TODAY, TODAY.minusDays(3), null, 10);
    HttpResponse<String> malformed = http.get("/v1/auditrecords?startDate=2026-02-30");

    assertThat(Http.fault(old)).isEqualTo("400/800002");
    assertThat(Http.json(old).path("description").asText()).contains("90 days");
    assertThat(Http.fault(wide)).isEqualTo("400/800002");
    assertThat(Http.json(wide).path("description").asText()).contains("31 days", "30 days");
    assertThat(Http.fault(backwards)).isEqualTo("400/800002");
    assertThat(Http.fault(malformed)).isEqualTo("400/800002");
    assertThat(get(TODAY.minusDays(29), TODAY, null, 10).statusCode()).isEqualTo(200);
    assertThat(get(TODAY.minusDays(89), TODAY.minusDays(60), null, 10).statusCode()).isEqualTo(200);
  }

  @Test
  void theThreeFiltersMatchValuesInAnyCaseWithPropertyNamesInAnyCase() {
    String window = "?startDate=" + TODAY.minusDays(59) + "&endDate=" + TODAY.minusDays(30);
    HttpResponse<String> byCustomer =
        http.get(
            "/v1/auditrecords"
                + window
                + "&filter="
                + enc(filter("CustomerId", TAILSPIN.toUpperCase(Locale.ROOT), "equals")));
    HttpResponse<String> byCompany =
        http.get(
            "/v1/auditrecords"
                + window
                + "&filter="
                + enc(
                    "{\"field\":\"companyName\",\"value\":\"COUNTY GOV\",\"operator\":\"substring\"}"));
    HttpResponse<String> byType =
        http.get(
            "/v1/auditrecords"
                + window
                + "&filter="
                + enc(
                    "{\"FIELD\":\"resourcetype\",\"VALUE\":\"Granular_Admin_Relationship\",\"OPERATOR\":\"Equals\"}"));

    assertThat(items(byCustomer))
        .isNotEmpty()
        .allMatch(r -> r.path("customerId").asText().equals(TAILSPIN));
    assertThat(ids(items(byCompany))).isEqualTo(ids(items(byCustomer)));
    assertThat(items(byType))
        .isNotEmpty()
        .allMatch(r -> r.path("resourceType").asText().equals("granular_admin_relationship"));
  }

  @Test
  void anotherOperatorOrFieldIsRefused() {
    String window = "?startDate=" + TODAY.minusDays(29) + "&endDate=" + TODAY;

    assertThat(
            Http.fault(
                http.get(
                    "/v1/auditrecords"
                        + window
                        + "&filter="
                        + enc(filter("CompanyName", "x", "starts_with")))))
        .isEqualTo("400/2000");
    assertThat(
            Http.fault(
                http.get(
                    "/v1/auditrecords"
                        + window
                        + "&filter="
                        + enc(filter("OperationType", "x", "equals")))))
        .isEqualTo("400/2000");
    assertThat(Http.fault(http.get("/v1/auditrecords" + window + "&filter=" + enc("{nope"))))
        .isEqualTo("400/800002");
  }

  @Test
  void pagesAreSeekBasedLikeCustomersAndNewRecordsDoNotShiftThem() {
    LocalDate start = TODAY.minusDays(29);
    HttpResponse<String> first = get(start, TODAY, null, 4);
    JsonNode page = Http.json(first);
    assertThat(page.path("totalCount").asInt()).isEqualTo(4);
    assertThat(page.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    JsonNode next = page.path("links").path("next");
    assertThat(next.path("uri").asText())
        .startsWith("/auditrecords?")
        .contains("seekOperation=Next");
    String token = next.path("headers").get(0).path("value").asText();
    assertThat(next.path("headers").get(0).path("key").asText()).isEqualTo("MS-ContinuationToken");
    assertThat(page.path("continuationToken").asText()).isEqualTo(token);

    http.put("/v1/customers/" + NORTHWIND + "/qualification", "1"); // a newer record meanwhile
    List<String> seen = new ArrayList<>(ids(items(first)));
    while (!token.isEmpty()) {
      HttpResponse<String> more =
          Http.send(
              http.request("/v1" + next.path("uri").asText())
                  .header("MS-ContinuationToken", token)
                  .GET()
                  .build());
      assertThat(more.statusCode()).isEqualTo(200);
      JsonNode p = Http.json(more);
      seen.addAll(ids(items(more)));
      next = p.path("links").path("next");
      token = next.isMissingNode() ? "" : next.path("headers").get(0).path("value").asText();
    }

    List<String> once = ids(items(get(start, TODAY, null, 500)));
    assertThat(seen).doesNotHaveDuplicates().hasSize(once.size() - 1);
    assertThat(once.subList(1, once.size())).isEqualTo(seen);
  }

  @Test
  void sizeIsAtMost500AndABadTokenIsRefused() {
    assertThat(Http.fault(http.get("/v1/auditrecords?size=-1"))).isEqualTo("400/800002");
    assertThat(
            Http.json(http.get("/v1/auditrecords?size=100000"))
                .path("links")
                .path("self")
                .path("uri")
                .asText())
        .contains("size=500");
    HttpResponse<String> bad =
        Http.send(
            http.request("/v1/auditrecords?seekOperation=Next")
                .header("MS-ContinuationToken", "bm90LWEtdG9rZW4")
                .GET()
                .build());
    assertThat(Http.fault(bad)).isEqualTo("400/800002");
  }

  private HttpResponse<String> get(LocalDate start, LocalDate end, String filter, int size) {
    return http.get(
        "/v1/auditrecords?startDate="
            + start
            + "&endDate="
            + end
            + "&size="
            + size
            + (filter == null ? "" : "&filter=" + enc(filter)));
  }

  private JsonNode newest(String customer) {
    return items(get(TODAY, TODAY, filter("CustomerId", customer, "equals"), 1)).get(0);
  }

  private static List<JsonNode> items(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(Http.json(response).path("items").spliterator(), false).toList();
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(r -> r.path("id").asText()).collect(Collectors.toList());
  }

  private static String filter(String field, String value, String operator) {
    return "{\"Field\":\""
        + field
        + "\",\"Value\":\""
        + value
        + "\",\"Operator\":\""
        + operator
        + "\"}";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, UTF_8);
  }
}
