package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service requests (spec 22): lists with integer enums and offset paging, the detail with strings
 * and notes, the retired creation, the unsupported PATCH, App+User only.
 */
class ServiceRequestsTest extends ReadsFixture {

  static String filter(String field, String value) {
    return URLEncoder.encode(
        "{\"Field\":\"" + field + "\",\"Value\":" + value + ",\"Operator\":\"equals\"}", UTF_8);
  }

  @Test
  void thePartnerListSendsSeverityAndStatusAsIntegers() {
    JsonNode body = ok("/v1/servicerequests");
    List<JsonNode> items = items(body);

    assertThat(items).hasSizeGreaterThanOrEqualTo(4);
    assertThat(items).allMatch(s -> s.path("severity").isInt() && s.path("status").isInt());
    assertThat(items).allMatch(s -> !s.has("notes"));
    JsonNode open = items.get(0);
    assertThat(open.path("id").asText()).matches("\\d+");
    assertThat(open.path("status").asInt()).as("open").isEqualTo(1);
    assertThat(open.path("severity").asInt()).as("moderate").isEqualTo(2);
    assertThat(open.path("organization").path("name").asText()).isEqualTo("Northwind Traders");
    assertThat(open.path("lastClosedDate").asText()).isEqualTo("0001-01-01T00:00:00");
    assertThat(open.path("attributes").path("objectType").asText()).isEqualTo("ServiceRequest");
    assertThat(body.path("links").path("self").path("uri").asText())
        .isEqualTo("/servicerequests?offset=0&size=100");
    assertThat(body.path("links").has("next")).isFalse();
    assertThat(items)
        .anyMatch(s -> s.path("organization").path("id").asText().equals(Emulator.DEMO_PARTNER_ID));
  }

  @Test
  void listsPageByOffsetWithAnOffsetNextLink() {
    JsonNode first = ok("/v1/servicerequests?offset=0&size=2");
    String next = first.path("links").path("next").path("uri").asText();
    JsonNode second = ok("/v1" + next);

    assertThat(first.path("totalCount").asInt()).isEqualTo(2);
    assertThat(next).isEqualTo("/servicerequests?offset=2&size=2");
    assertThat(first.path("links").path("next").path("headers")).isEmpty();
    assertThat(items(second).get(0).path("id").asText())
        .isEqualTo(items(ok("/v1/servicerequests")).get(2).path("id").asText());
    assertThat(Http.fault(http.get("/v1/servicerequests?offset=-1"))).isEqualTo("400/800002");
  }

  @Test
  void northwindHasOneOpenRequestAndTheFilterTakesNamesOrIntegers() {
    List<JsonNode> northwind = items(ok(NORTHWIND + "/servicerequests"));
    List<JsonNode> open =
        items(ok(NORTHWIND + "/servicerequests?filter=" + filter("Status", "\"open\"")));

    assertThat(northwind).hasSize(2);
    assertThat(open).hasSize(1);
    assertThat(items(ok(NORTHWIND + "/servicerequests?filter=" + filter("status", "1"))))
        .isEqualTo(open);
    assertThat(items(ok("/v1/servicerequests?filter=" + filter("Status", "\"AttentionNeeded\""))))
        .extracting(s -> s.path("status").asInt())
        .containsExactly(3);
    assertThat(items(ok("/v1/servicerequests?filter=" + filter("Severity", "\"critical\""))))
        .hasSize(1);
    assertThat(items(ok(FABRIKAM + "/servicerequests"))).isEmpty();
    assertThat(Http.fault(http.get("/v1/servicerequests?filter=" + filter("Title", "\"x\""))))
        .isEqualTo("400/800002");
  }

  @Test
  void theDetailSendsStringsAndNotes() {
    String id = items(ok(NORTHWIND + "/servicerequests")).get(0).path("id").asText();

    JsonNode sr = ok("/v1/servicerequests/" + id);

    assertThat(sr.path("status").asText()).isEqualTo("open");
    assertThat(sr.path("severity").asText()).isEqualTo("moderate");
    assertThat(sr.path("notes")).isNotEmpty();
    JsonNode note = sr.path("notes").get(0);
    assertThat(note.path("createdByName").asText()).isNotBlank();
    assertThat(note.path("createdDate").asText()).isNotBlank();
    assertThat(note.path("text").asText()).isNotBlank();
    assertThat(sr.path("primaryContact").path("email").asText()).contains("@");
    assertThat(Http.fault(http.get("/v1/servicerequests/999"))).isEqualTo("404/1000");
  }

  @Test
  void creatingIsRetiredAndPatchIsNotServed() {
    HttpResponse<String> create =
        AppOnlyTokenTest.send(http, "POST", "/v1/servicerequests/en-US", "{\"title\":\"x\"}", "t");
    HttpResponse<String> topics = http.get("/v1/servicerequests/supporttopics");
    HttpResponse<String> patch =
        AppOnlyTokenTest.send(
            http, "PATCH", "/v1/servicerequests/615112491169011", "{\"newNote\":{}}", "t");

    assertThat(Http.fault(create)).isEqualTo("410/1000");
    assertThat(Http.json(create).path("description").asText()).contains("31 August 2020");
    assertThat(Http.fault(topics)).isEqualTo("410/1000");
    assertThat(patch.statusCode()).isEqualTo(405);
    assertThat(patch.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void serviceRequestsAreAppUserOnly() {
    assertThat(Http.fault(appOnly("/v1/servicerequests"))).isEqualTo("403/2032");
    assertThat(Http.fault(appOnly(NORTHWIND + "/servicerequests"))).isEqualTo("403/2032");
    assertThat(Http.fault(appOnly("/v1/servicerequests/615112491169011"))).isEqualTo("403/2032");
  }
}
