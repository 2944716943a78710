package pcsh.raw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pcsh.raw.ReadBack.Verdict;

/** What reading a resource back says of a write whose answer was lost. */
class ReadBackTest {

  private static Verdict judge(String method, String sent, int status, String read) {
    return ReadBack.judge(method, sent, status, read.getBytes(UTF_8));
  }

  @Test
  void aDeleteTookEffectWhenTheResourceIsGone() {
    assertThat(judge("DELETE", null, 404, "{\"code\":1000}")).isEqualTo(Verdict.APPLIED);
    assertThat(judge("DELETE", null, 200, "{\"id\":\"1\"}")).isEqualTo(Verdict.NOT_APPLIED);
    assertThat(judge("DELETE", null, 403, "{}")).isEqualTo(Verdict.CANNOT_TELL);
  }

  @Test
  void aPatchTookEffectWhenTheResourceShowsEveryFieldItHasThatWasSent() {
    String sent = "{\"status\":\"closed\",\"newNote\":{\"text\":\"done\"}}";

    assertThat(judge("PATCH", sent, 200, "{\"Status\":\"Closed\",\"notes\":[]}"))
        .as("names and enum values in any case; a field the resource lacks is not compared")
        .isEqualTo(Verdict.APPLIED);
    assertThat(judge("PATCH", sent, 200, "{\"status\":\"open\"}")).isEqualTo(Verdict.NOT_APPLIED);
    assertThat(judge("PATCH", sent, 200, "{\"title\":\"t\"}")).isEqualTo(Verdict.CANNOT_TELL);
    assertThat(judge("PATCH", "not json", 200, "{\"status\":\"closed\"}"))
        .isEqualTo(Verdict.CANNOT_TELL);
  }

  @Test
  void aLegacyQualificationIsComparedByItsMeaning() {
    assertThat(judge("PUT", "3", 200, "\"government_community_cloud\"")).isEqualTo(Verdict.APPLIED);
    assertThat(judge("PUT", "\"Education\"", 200, "\"education\"")).isEqualTo(Verdict.APPLIED);
    assertThat(judge("PUT", "1", 200, "\"none\"")).isEqualTo(Verdict.NOT_APPLIED);
  }

  @Test
  void aPostTookEffectWhenAnItemOfTheCollectionShowsIt() {
    String sent = "{\"qualification\":\"StateOwnedEntity\",\"validationCode\":\"[REDACTED]\"}";

    assertThat(
            judge(
                "POST",
                sent,
                200,
                "[{\"qualification\":\"Education\"},{\"qualification\":\"StateOwnedEntity\","
                    + "\"validationCode\":\"448812\"}]"))
        .as("a value the journal kept redacted is not compared")
        .isEqualTo(Verdict.APPLIED);
    assertThat(judge("POST", sent, 200, "{\"items\":[{\"qualification\":\"Education\"}]}"))
        .isEqualTo(Verdict.NOT_APPLIED);
    assertThat(judge("POST", sent, 200, "[]")).isEqualTo(Verdict.NOT_APPLIED);
    assertThat(judge("POST", sent, 200, "[{\"id\":\"x\"}]")).isEqualTo(Verdict.CANNOT_TELL);
    assertThat(judge("POST", sent, 500, "[]")).isEqualTo(Verdict.CANNOT_TELL);
    assertThat(
            judge(
                "POST",
                "{\"companyProfile\":{\"domain\":\"new.example\"}}",
                200,
                "{\"items\":[{\"companyProfile\":{\"domain\":\"old.example\"}}],"
                    + "\"links\":{\"next\":{\"uri\":\"/customers?seekOperation=Next\"}}}"))
        .as("one page of a longer list does not show that an item is absent")
        .isEqualTo(Verdict.CANNOT_TELL);
  }

  @Test
  void idsAreComparedAsTheyAreOnlyEnumSpellingsFold() {
    assertThat(judge("PATCH", "{\"id\":\"a-b1\"}", 200, "{\"id\":\"ab1\"}"))
        .isEqualTo(Verdict.NOT_APPLIED);
    assertThat(
            judge(
                "PATCH",
                "{\"status\":\"attention_needed\"}",
                200,
                "{\"status\":\"AttentionNeeded\"}"))
        .isEqualTo(Verdict.APPLIED);
  }
}
