package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualificationsTest {

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

  private static String qualifications(String id) {
    return "/v1/customers/" + id + "/qualifications";
  }

  private JsonNode list(String id) {
    return Http.json(http.get(qualifications(id)));
  }

  private int remaining(String code) {
    for (JsonNode c : Http.json(http.get("/v1/customers/all/validations"))) {
      if (c.path("validationId").asText().equals(code)) {
        return c.path("remainingCreates").asInt();
      }
    }
    throw new AssertionError("no code " + code);
  }

  @Test
  void getReturnsABareArrayEmptyWhenTheCustomerHasNone() {
    assertThat(http.get(qualifications(SeedCustomers.NORTHWIND_ID)).body()).isEqualTo("[]");

    JsonNode fabrikam = list(SeedCustomers.FABRIKAM_ID);
    assertThat(fabrikam).hasSize(1);
    assertThat(fabrikam.get(0).path("qualification").asText()).isEqualTo("Education");
    assertThat(fabrikam.get(0).path("vettingStatus").asText()).isEqualTo("Approved");
    assertThat(fabrikam.get(0).path("vettingCreateDate").asText())
        .isEqualTo("2024-02-19T08:41:07Z");
    assertThat(fabrikam.get(0).has("vettingReason")).isFalse();
    assertThat(list(SeedCustomers.ADATUM_ID).get(0).path("vettingStatus").asText())
        .isEqualTo("InReview");
    assertThat(list(SeedCustomers.TAILSPIN_ID).get(0).path("qualification").asText())
        .isEqualTo("GovernmentCommunityCloud");
    assertThat(list(SeedCustomers.WOODGROVE_ID).toString())
        .isEqualTo("[{\"qualification\":\"StateOwnedEntity\"}]");
  }

  @Test
  void educationStartsInReviewAndIsCreatedWith201() {
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    HttpResponse<String> response =
        http.post(
            qualifications(SeedCustomers.NORTHWIND_ID),
            "{\"qualification\":\"Education\",\"educationSegment\":\"HigherEducation\","
                + "\"website\":\"northwind.example\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode created = Http.json(response);
    assertThat(created.path("qualification").asText()).isEqualTo("Education");
    assertThat(created.path("vettingStatus").asText()).isEqualTo("InReview");
    assertThat(Instant.parse(created.path("vettingCreateDate").asText()))
        .as("created while the request ran")
        .isBetween(before, Instant.now());
    assertThat(list(SeedCustomers.NORTHWIND_ID).get(0)).isEqualTo(created);
  }

  @Test
  void educationNeedsAKnownSegmentInAnyCase() {
    String customer = qualifications(SeedCustomers.NORTHWIND_ID);

    assertThat(Http.fault(http.post(customer, "{\"qualification\":\"Education\"}")))
        .isEqualTo("400/3000");
    assertThat(
            Http.fault(
                http.post(
                    customer,
                    "{\"qualification\":\"Education\",\"educationSegment\":\"College\"}")))
        .isEqualTo("400/900126");
    assertThat(list(SeedCustomers.NORTHWIND_ID)).isEmpty();
    assertThat(
            http.post(customer, "{\"Qualification\":\"education\",\"EducationSegment\":\"k12\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aSecondLiveEducationIsAConflict() {
    assertThat(
            Http.fault(
                http.post(
                    qualifications(SeedCustomers.ADATUM_ID),
                    "{\"qualification\":\"Education\",\"educationSegment\":\"K12\"}")))
        .isEqualTo("409/3000");
  }

  @Test
  void educationAndGccCannotBeCombinedEitherWayRound() {
    HttpResponse<String> eduOnGcc =
        http.post(
            qualifications(SeedCustomers.TAILSPIN_ID),
            "{\"qualification\":\"Education\",\"educationSegment\":\"K12\"}");
    HttpResponse<String> gccOnEdu =
        http.post(
            qualifications(SeedCustomers.FABRIKAM_ID),
            "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"448812\"}");

    assertThat(Http.fault(eduOnGcc)).isEqualTo("400/3000");
    assertThat(Http.json(eduOnGcc).path("description").asText()).contains("cannot be combined");
    assertThat(Http.fault(gccOnEdu)).isEqualTo("400/3000");
    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(7);
  }

  @Test
  void stateOwnedEntityCombinesWithEducationAndWithGcc() {
    String soe = "{\"qualification\":\"StateOwnedEntity\"}";

    HttpResponse<String> onEducation = http.post(qualifications(SeedCustomers.FABRIKAM_ID), soe);
    HttpResponse<String> onGcc =
        http.post(
            qualifications(SeedCustomers.TAILSPIN_ID),
            "{\"qualification\":" + "\"state_owned_entity\"}");
    HttpResponse<String> educationOnSoe =
        http.post(
            qualifications(SeedCustomers.WOODGROVE_ID),
            "{\"qualification\":\"Education\",\"educationSegment\":\"K12\"}");

    assertThat(onEducation.statusCode()).isEqualTo(201);
    assertThat(onEducation.body()).isEqualTo("{\"qualification\":\"StateOwnedEntity\"}");
    assertThat(onGcc.statusCode()).isEqualTo(201);
    assertThat(educationOnSoe.statusCode()).isEqualTo(201);
    assertThat(list(SeedCustomers.FABRIKAM_ID)).hasSize(2);
    assertThat(list(SeedCustomers.WOODGROVE_ID)).hasSize(2);
  }

  @Test
  void gccMayJoinAStateOwnedEntityOnTheV2Path() {
    HttpResponse<String> response =
        http.post(
            qualifications(SeedCustomers.WOODGROVE_ID),
            "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"552019\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(remaining(SeedCustomers.SPARE_CODE)).isEqualTo(2);
  }

  @Test
  void aSecondStateOwnedEntityIsAConflict() {
    assertThat(
            Http.fault(
                http.post(
                    qualifications(SeedCustomers.WOODGROVE_ID),
                    "{\"qualification\":\"StateOwnedEntity\"}")))
        .isEqualTo("409/3000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"None", "Nonprofit", "nonprofit"})
  void noneAndNonprofitCannotBeCreated(String value) {
    HttpResponse<String> response =
        http.post(
            qualifications(SeedCustomers.NORTHWIND_ID), "{\"qualification\":\"" + value + "\"}");

    assertThat(Http.fault(response)).isEqualTo("400/3000");
    assertThat(list(SeedCustomers.NORTHWIND_ID)).isEmpty();
  }

  @Test
  void gccTakesItsCodeFromTheBodyOrFromTheQueryAndUsesItOnce() {
    HttpResponse<String> fromBody =
        http.post(
            qualifications(SeedCustomers.NORTHWIND_ID),
            "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"448812\"}");
    HttpResponse<String> fromQuery =
        http.post(
            qualifications(SeedCustomers.LITWARE_ID) + "?code=448812",
            "{\"qualification\":\"GovernmentCommunityCloud\"}");

    assertThat(fromBody.statusCode()).isEqualTo(201);
    assertThat(Http.json(fromBody).path("vettingStatus").asText()).isEqualTo("Approved");
    assertThat(fromQuery.statusCode()).isEqualTo(201);
    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(5);
  }

  @Test
  void gccWithTheExhaustedCodeIsRefused() {
    HttpResponse<String> response =
        http.post(
            qualifications(SeedCustomers.NORTHWIND_ID),
            "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"731200\"}");

    assertThat(Http.fault(response)).isEqualTo("400/3000");
    assertThat(list(SeedCustomers.NORTHWIND_ID)).isEmpty();
  }

  @Test
  void malformedJsonAndAMissingQualificationAreInvalidInput() {
    assertThat(
            Http.fault(
                http.post(qualifications(SeedCustomers.NORTHWIND_ID), "{\"qualification\":")))
        .isEqualTo("400/800002");
    assertThat(
            Http.fault(
                http.post(qualifications(SeedCustomers.NORTHWIND_ID), "{\"website\":\"x\"}")))
        .isEqualTo("400/800002");
  }

  @Test
  void anUnknownQualificationIsAnUnparseableEnum() {
    HttpResponse<String> response =
        http.post(qualifications(SeedCustomers.NORTHWIND_ID), "{\"qualification\":\"Charity\"}");

    assertThat(Http.fault(response)).isEqualTo("400/900126");
    assertThat(Http.json(response).path("description").asText())
        .isEqualTo("Unable to parse enum: Charity");
  }
}
