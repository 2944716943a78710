package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Reading {@code GET /v1/auditrecords} (spec 14.1): the documented date rules, filters and paging.
 */
class AuditRecordsQueryTest extends AuditRecordsFixture {

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
}
