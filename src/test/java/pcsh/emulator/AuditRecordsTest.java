package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The records every qualification write leaves in {@code /v1/auditrecords} (spec 14.1), and the
 * seeded history.
 */
class AuditRecordsTest extends AuditRecordsFixture {

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
}
