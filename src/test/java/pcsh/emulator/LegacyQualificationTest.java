package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyQualificationTest {

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

  private static String qualification(String id) {
    return "/v1/customers/" + id + "/qualification";
  }

  private String legacyValue(String id) {
    return http.get(qualification(id)).body();
  }

  private int remaining(String code) {
    for (var c : Http.json(http.get("/v1/customers/all/validations"))) {
      if (c.path("validationId").asText().equals(code)) {
        return c.path("remainingCreates").asInt();
      }
    }
    throw new AssertionError("no code " + code);
  }

  @Test
  void getReturnsOneDerivedValueAsAJsonStringInSnakeCase() {
    assertThat(legacyValue(SeedCustomers.NORTHWIND_ID)).isEqualTo("\"none\"");
    assertThat(legacyValue(SeedCustomers.FABRIKAM_ID)).isEqualTo("\"education\"");
    assertThat(legacyValue(SeedCustomers.TAILSPIN_ID)).isEqualTo("\"government_community_cloud\"");
    assertThat(legacyValue(SeedCustomers.WOODGROVE_ID)).isEqualTo("\"state_owned_entity\"");
    assertThat(legacyValue(SeedCustomers.ADATUM_ID))
        .isEqualTo("\"education\""); // InReview still counts
    assertThat(http.get(qualification(SeedCustomers.NORTHWIND_ID)).statusCode()).isEqualTo(200);
  }

  @Test
  void lowerCasingWritesMultiWordValuesConcatenated() throws Exception {
    try (Emulator lower =
        Emulator.start(
            new EmulatorConfig(null, 0, 20, LegacyCasing.LOWER, Duration.ofSeconds(30), null))) {
      Http h = new Http(lower);
      assertThat(h.get(qualification(SeedCustomers.TAILSPIN_ID)).body())
          .isEqualTo("\"governmentcommunitycloud\"");
      assertThat(h.get(qualification(SeedCustomers.WOODGROVE_ID)).body())
          .isEqualTo("\"stateownedentity\"");
      HttpResponse<String> put =
          h.put(
              qualification(SeedCustomers.NORTHWIND_ID) + "?code=" + SeedCustomers.OPEN_CODE, "3");
      assertThat(put.body()).isEqualTo("\"governmentcommunitycloud\"");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1", "\"1\"", "\"education\"", "\"Education\"", "\"EDUCATION\"", "education"})
  void putSetsEducationFromAnIntegerAStringOrABareWord(String body) {
    HttpResponse<String> response = http.put(qualification(SeedCustomers.NORTHWIND_ID), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("\"education\"");
    var entries =
        Http.json(http.get("/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualifications"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("vettingStatus").asText())
        .isEqualTo("Approved"); // legacy is synchronous
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3",
        "\"3\"",
        "\"government_community_cloud\"",
        "\"GovernmentCommunityCloud\"",
        "\"governmentcommunitycloud\""
      })
  void putSetsGccFromAnIntegerOrAnySpellingWithACode(String body) {
    HttpResponse<String> response =
        http.put(
            qualification(SeedCustomers.LITWARE_ID) + "?code=" + SeedCustomers.OPEN_CODE, body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("\"government_community_cloud\"");
    assertThat(legacyValue(SeedCustomers.LITWARE_ID)).isEqualTo("\"government_community_cloud\"");
  }

  @Test
  void putAcceptsABodyWithNoContentType() {
    HttpResponse<String> response =
        Http.send(
            http.request(qualification(SeedCustomers.CONTOSO_LTD_ID))
                .PUT(HttpRequest.BodyPublishers.ofString("\"Education\""))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "2",
        "\"None\"",
        "\"nonprofit\"",
        "\"Nonprofit\"",
        "4",
        "\"state_owned_entity\""
      })
  void noneNonprofitAndStateOwnedEntityCannotBeSetAndChangeNothing(String body) {
    HttpResponse<String> response = http.put(qualification(SeedCustomers.NORTHWIND_ID), body);

    assertThat(Http.fault(response)).isEqualTo("400/3000");
    assertThat(legacyValue(SeedCustomers.NORTHWIND_ID)).isEqualTo("\"none\"");
  }

  @Test
  void anUnknownWordOrOrdinalIsRefusedAsAnUnparseableEnum() {
    HttpResponse<String> word = http.put(qualification(SeedCustomers.NORTHWIND_ID), "\"Charity\"");

    assertThat(Http.fault(word)).isEqualTo("400/900126");
    assertThat(Http.json(word).path("description").asText())
        .isEqualTo("Unable to parse enum: Charity");
    assertThat(Http.fault(http.put(qualification(SeedCustomers.NORTHWIND_ID), "7")))
        .isEqualTo("400/900126");
  }

  @Test
  void anEmptyOrMalformedBodyIsInvalidInput() {
    assertThat(Http.fault(http.put(qualification(SeedCustomers.NORTHWIND_ID), "")))
        .isEqualTo("400/800002");
    assertThat(Http.fault(http.put(qualification(SeedCustomers.NORTHWIND_ID), "{\"q\":")))
        .isEqualTo("400/800002");
  }

  @Test
  void gccConsumesOneUseOfTheCode() {
    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(7);

    http.put(
        qualification(SeedCustomers.NORTHWIND_ID) + "?code=" + SeedCustomers.OPEN_CODE,
        "\"GovernmentCommunityCloud\"");

    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(6);
    assertThat(remaining(SeedCustomers.SPARE_CODE)).isEqualTo(3);
  }

  @Test
  void anExhaustedCodeIsRefusedAndTheCustomerStaysUnqualified() {
    HttpResponse<String> response =
        http.put(
            qualification(SeedCustomers.NORTHWIND_ID) + "?code=" + SeedCustomers.EXHAUSTED_CODE,
            "3");

    assertThat(Http.fault(response)).isEqualTo("400/3000");
    assertThat(Http.json(response).path("description").asText()).contains("no remaining creates");
    assertThat(legacyValue(SeedCustomers.NORTHWIND_ID)).isEqualTo("\"none\"");
  }

  @Test
  void gccWithoutACodeOrWithAnUnknownCodeIsRefused() {
    HttpResponse<String> missing = http.put(qualification(SeedCustomers.NORTHWIND_ID), "3");
    HttpResponse<String> unknown =
        http.put(qualification(SeedCustomers.NORTHWIND_ID) + "?code=999999", "3");

    assertThat(Http.fault(missing)).isEqualTo("400/3000");
    assertThat(Http.json(missing).path("description").asText())
        .contains("validation code must be set");
    assertThat(Http.fault(unknown)).isEqualTo("400/3000");
    assertThat(Http.json(unknown).path("description").asText()).contains("Unknown validation code");
  }

  @Test
  void educationOnAGccCustomerIsRefusedBecauseTheyCannotBeCombined() {
    HttpResponse<String> response = http.put(qualification(SeedCustomers.TAILSPIN_ID), "1");

    assertThat(Http.fault(response)).isEqualTo("400/3000");
    assertThat(Http.json(response).path("description").asText())
        .contains("Education and GovernmentCommunityCloud cannot be combined");
  }

  @Test
  void educationOnACustomerThatAlreadyHasItIsAConflict() {
    HttpResponse<String> response =
        http.put(qualification(SeedCustomers.FABRIKAM_ID), "\"education\"");

    assertThat(Http.fault(response)).isEqualTo("409/3000");
    assertThat(Http.json(response).path("description").asText()).contains("already has");
  }

  @Test
  void gccOnCustomerWithQualificationIsRefusedAndConsumesNoCode() {
    String code = "?code=" + SeedCustomers.OPEN_CODE;

    assertThat(Http.fault(http.put(qualification(SeedCustomers.FABRIKAM_ID) + code, "3")))
        .isEqualTo("400/3000");
    assertThat(Http.fault(http.put(qualification(SeedCustomers.ADATUM_ID) + code, "3")))
        .isEqualTo("400/3000");
    assertThat(Http.fault(http.put(qualification(SeedCustomers.WOODGROVE_ID) + code, "3")))
        .isEqualTo("400/3000");
    assertThat(Http.fault(http.put(qualification(SeedCustomers.TAILSPIN_ID) + code, "3")))
        .isEqualTo("409/3000");

    assertThat(remaining(SeedCustomers.OPEN_CODE)).isEqualTo(7);
    assertThat(legacyValue(SeedCustomers.FABRIKAM_ID)).isEqualTo("\"education\"");
  }

  @Test
  void validationCodesListTheSeededCodesOfTheDemoPartner() {
    HttpResponse<String> response = http.get("/v1/customers/all/validations");

    assertThat(response.statusCode()).isEqualTo(200);
    var codes = Http.json(response);
    assertThat(codes).hasSize(3);
    var open = codes.get(0);
    assertThat(open.path("partnerId").asText()).isEqualTo(Emulator.DEMO_PARTNER_ID);
    assertThat(open.path("organizationName").asText()).isEqualTo("Fabrikam County Government");
    assertThat(open.path("validationId").isTextual()).isTrue();
    assertThat(open.path("validationId").asText()).isEqualTo("448812");
    assertThat(open.path("maxCreates").asInt()).isEqualTo(10);
    assertThat(open.path("remainingCreates").asInt()).isEqualTo(7);
    assertThat(open.path("eTag").asText()).isNotEmpty();
    assertThat(codes.get(1).path("remainingCreates").asInt()).isZero();
    assertThat(codes.get(2).path("organizationName").asText())
        .isEqualTo("Adventure Works Public Safety");
  }
}
