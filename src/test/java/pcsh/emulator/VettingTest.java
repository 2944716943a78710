package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Asynchronous vetting of a V2 Education (spec 7.3): InReview on POST, Approved or Denied once the
// delay has passed.
class VettingTest {

  @TempDir Path dir;

  private static String qualifications(String id) {
    return "/v1/customers/" + id + "/qualifications";
  }

  private static String education(String website) {
    return website == null
        ? "{\"qualification\":\"Education\",\"educationSegment\":\"K12\"}"
        : "{\"qualification\":\"Education\",\"educationSegment\":\"K12\",\"website\":\""
            + website
            + "\"}";
  }

  private static JsonNode only(Http http, String id) {
    JsonNode list = Http.json(http.get(qualifications(id)));
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static String status(Http http, String id) {
    return only(http, id).path("vettingStatus").asText();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static EmulatorConfig memory(Duration delay) {
    return EmulatorConfig.inMemory().withSeedCustomers(20).withVettingDelay(delay);
  }

  @Test
  void theVettingDelayIsThirtySecondsByDefaultZeroIsAllowedAndNegativeIsRefused() {
    assertThat(EmulatorConfig.inMemory().vettingDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(EmulatorConfig.persistent(dir).withPort(8123).withSeedCustomers(5).vettingDelay())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(new EmulatorConfig(null, 0, 5, null, null, null).vettingDelay())
        .isEqualTo(Duration.ofSeconds(30));
    EmulatorConfig zero = EmulatorConfig.inMemory().withVettingDelay(Duration.ZERO).withPort(8123);
    assertThat(zero.vettingDelay()).isZero();
    assertThat(zero.port()).isEqualTo(8123);
    assertThatThrownBy(() -> EmulatorConfig.inMemory().withVettingDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vettingDelay");
  }

  @Test
  void aPostedEducationIsInReviewBeforeTheDelayAndApprovedAfterIt() throws Exception {
    Duration delay = Duration.ofMillis(300);
    try (Emulator e = Emulator.start(memory(delay))) {
      Http http = new Http(e);
      long posted = System.nanoTime();
      HttpResponse<String> created =
          http.post(
              qualifications(SeedCustomers.NORTHWIND_ID), education("lakeside-school.example"));
      JsonNode early = only(http, SeedCustomers.NORTHWIND_ID);
      long elapsed = System.nanoTime() - posted;

      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(Http.json(created).path("vettingStatus").asText()).isEqualTo("InReview");
      if (elapsed < delay.toNanos()) { // a stalled machine may already be past the delay here
        assertThat(early.path("vettingStatus").asText()).isEqualTo("InReview");
      }
      pcsh.HangGuard.await("the vetting decided after its delay")
          .until(() -> status(http, SeedCustomers.NORTHWIND_ID).equals("Approved"));
      JsonNode decided = only(http, SeedCustomers.NORTHWIND_ID);
      assertThat(fieldNames(decided))
          .containsExactly("qualification", "vettingStatus", "vettingCreateDate");
      assertThat(decided.path("vettingCreateDate"))
          .isEqualTo(Http.json(created).path("vettingCreateDate"));
    }
  }

  @Test
  void aWebsiteWithoutAnAcademicHintIsDeniedAsNotAnAcademicDomain() throws Exception {
    // website -> outcome; the hints are plain substrings of the host, so "reducto" passes on its
    // "edu"
    String[][] cases = {
      {"https://www.contoso.com/apply", "Denied"},
      {"northwind.example", "Denied"},
      {"reducto.example", "Approved"},
      {"fabrikam-college.example", "Approved"},
      {"https://admissions.ox.ac.uk/", "Approved"},
      {"WWW.LAKESIDE-K12.EXAMPLE", "Approved"},
      {"http://museum-of-flight.example:8443/visit", "Approved"},
      {"", "Approved"},
      {null, "Approved"}
    };
    try (Emulator e = Emulator.start(memory(Duration.ZERO))) {
      Http http = new Http(e);
      for (int i = 0; i < cases.length; i++) {
        http.post(qualifications(Http.generatedId(1 + i)), education(cases[i][0]));
      }

      for (int i = 0; i < cases.length; i++) {
        JsonNode entry = only(http, Http.generatedId(1 + i));
        assertThat(entry.path("vettingStatus").asText()).as(cases[i][0]).isEqualTo(cases[i][1]);
        if (cases[i][1].equals("Denied")) {
          assertThat(entry.path("vettingReason").asText()).isEqualTo("Not an Academic Domain");
        } else {
          assertThat(entry.has("vettingReason")).as(cases[i][0]).isFalse();
        }
      }
    }
  }

  @Test
  void aZeroDelayDecidesOnTheNextGet() throws Exception {
    try (Emulator e = Emulator.start(memory(Duration.ZERO))) {
      Http http = new Http(e);

      HttpResponse<String> created =
          http.post(qualifications(SeedCustomers.CONTOSO_LTD_ID), education("contoso.com"));

      assertThat(Http.json(created).path("vettingStatus").asText()).isEqualTo("InReview");
      assertThat(http.get(qualifications(SeedCustomers.CONTOSO_LTD_ID)).body())
          .isEqualTo(
              "[{\"qualification\":\"Education\",\"vettingStatus\":\"Denied\",\"vettingReason\":"
                  + "\"Not an Academic Domain\",\"vettingCreateDate\":\""
                  + Http.json(created).path("vettingCreateDate").asText()
                  + "\"}]");
    }
  }

  @Test
  void aWriteDecidesDueVettingBeforeItApplies() throws Exception {
    try (Emulator e = Emulator.start(memory(Duration.ZERO))) {
      Http http = new Http(e);
      http.post(qualifications(SeedCustomers.NORTHWIND_ID), education("northwind.example"));

      // still InReview this would be a 409; decided (Denied) first, the school may try again
      HttpResponse<String> again =
          http.put(
              "/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualification", "\"Education\"");

      assertThat(again.statusCode()).isEqualTo(200);
      JsonNode list = Http.json(http.get(qualifications(SeedCustomers.NORTHWIND_ID)));
      assertThat(list.get(0).path("vettingStatus").asText()).isEqualTo("Denied");
      assertThat(list.get(1).path("vettingStatus").asText()).isEqualTo("Approved");
    }
  }

  @Test
  void theDecisionIsKeptInTheStateFileAndSharedByEmulatorsOnOneStateDir() throws Exception {
    JsonNode seenByB;
    try (Emulator a =
            Emulator.start(
                EmulatorConfig.persistent(dir)
                    .withSeedCustomers(20)
                    .withVettingDelay(Duration.ZERO));
        Emulator b = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      new Http(a)
          .post(
              qualifications(SeedCustomers.CONTOSO_HEALTH_ID), education("contosohealth.example"));

      // b's own delay is 30 s: the decision time travels in the entry
      seenByB = only(new Http(b), SeedCustomers.CONTOSO_HEALTH_ID);
    }
    JsonNode saved =
        Http.MAPPER
            .readTree(dir.resolve("state.json").toFile())
            .path("customers")
            .path(SeedCustomers.CONTOSO_HEALTH_ID)
            .get(0);
    try (Emulator c = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      assertThat(only(new Http(c), SeedCustomers.CONTOSO_HEALTH_ID)).isEqualTo(seenByB);
    }

    assertThat(seenByB.path("vettingStatus").asText()).isEqualTo("Denied");
    assertThat(seenByB.path("vettingReason").asText()).isEqualTo("Not an Academic Domain");
    assertThat(seenByB.has("decisionTime")).isFalse();
    assertThat(saved.path("vettingStatus").asText()).isEqualTo("Denied"); // saved by b's read
    assertThat(saved.path("decisionTime").asText()).isNotEmpty();
  }

  @Test
  void theSeededAdatumStaysInReviewWhateverTheDelay() throws Exception {
    try (Emulator e = Emulator.start(memory(Duration.ZERO))) {
      Http http = new Http(e);
      http.post(
          qualifications(SeedCustomers.ADATUM_ID), "{\"qualification\":\"StateOwnedEntity\"}");

      JsonNode list = Http.json(http.get(qualifications(SeedCustomers.ADATUM_ID)));

      assertThat(list.get(0).path("vettingStatus").asText()).isEqualTo("InReview");
      assertThat(http.get("/v1/customers/" + SeedCustomers.ADATUM_ID + "/qualification").body())
          .isEqualTo("\"education\"");
    }
  }

  @Test
  void theInstanceHookDecidesAnInReviewEducationNow() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20))) {
      Http http = new Http(e);
      http.post(
          qualifications(SeedCustomers.NORTHWIND_ID), education("northwind-university.example"));

      e.completeVetting(SeedCustomers.NORTHWIND_ID, false, "Not an eligible Library");
      e.completeVetting(SeedCustomers.ADATUM_ID.toUpperCase(), true, "ignored when approved");

      JsonNode northwind = only(http, SeedCustomers.NORTHWIND_ID);
      assertThat(northwind.path("vettingStatus").asText()).isEqualTo("Denied");
      assertThat(northwind.path("vettingReason").asText()).isEqualTo("Not an eligible Library");
      JsonNode adatum = only(http, SeedCustomers.ADATUM_ID);
      assertThat(adatum.path("vettingStatus").asText()).isEqualTo("Approved");
      assertThat(adatum.has("vettingReason")).isFalse();
    }
  }

  @Test
  void bothHooksDecideAndSaveToTheStateFileSharedByEveryEmulatorOnTheDir() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      Http http = new Http(e);
      http.post(qualifications(SeedCustomers.NORTHWIND_ID), education("northwind.example"));

      Emulator.completeVetting(dir, SeedCustomers.ADATUM_ID, false, null);
      e.completeVetting(SeedCustomers.NORTHWIND_ID, true, null);

      JsonNode adatum = only(http, SeedCustomers.ADATUM_ID);
      assertThat(adatum.path("vettingStatus").asText()).isEqualTo("Denied");
      assertThat(adatum.path("vettingReason").asText()).isEqualTo("Not an Education Customer");
      JsonNode saved = Http.MAPPER.readTree(dir.resolve("state.json").toFile()).path("customers");
      assertThat(saved.path(SeedCustomers.ADATUM_ID).get(0).path("vettingStatus").asText())
          .isEqualTo("Denied");
      assertThat(saved.path(SeedCustomers.NORTHWIND_ID).get(0).path("vettingStatus").asText())
          .isEqualTo("Approved");
      // decided once: nothing InReview is left for a second decision
      assertThatThrownBy(() -> e.completeVetting(SeedCustomers.ADATUM_ID, true, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("InReview");
    }
  }

  @Test
  void theHooksRefuseAnUnknownCustomerOrOneWithoutAnInReviewEducation() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir).withSeedCustomers(20))) {
      String unknown = UUID.randomUUID().toString();

      assertThatThrownBy(() -> e.completeVetting(unknown, true, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown customer");
      assertThatThrownBy(() -> e.completeVetting(SeedCustomers.NORTHWIND_ID, true, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no InReview Education");
      assertThatThrownBy(() -> e.completeVetting(SeedCustomers.FABRIKAM_ID, false, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no InReview Education");
      assertThatThrownBy(() -> Emulator.completeVetting(dir, unknown, true, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown customer");
      assertThatThrownBy(
              () -> Emulator.completeVetting(dir, SeedCustomers.WOODGROVE_ID, true, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no InReview Education");
      assertThat(status(new Http(e), SeedCustomers.FABRIKAM_ID)).isEqualTo("Approved");
    }
  }

  @Test
  void theLegacyGetShowsADeniedEducationAsNone() throws Exception {
    try (Emulator e = Emulator.start(memory(Duration.ZERO))) {
      Http http = new Http(e);
      http.post(qualifications(SeedCustomers.NORTHWIND_ID), education("https://northwind.example"));
      e.completeVetting(SeedCustomers.ADATUM_ID, false, "Restricted being an Education Customer");

      assertThat(http.get("/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualification").body())
          .isEqualTo("\"none\"");
      assertThat(http.get("/v1/customers/" + SeedCustomers.ADATUM_ID + "/qualification").body())
          .isEqualTo("\"none\"");
    }
  }
}
