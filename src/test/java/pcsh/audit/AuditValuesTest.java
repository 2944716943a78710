package pcsh.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import pcsh.api.AuditRecord;

/** Old and new values in each form a record may carry them, and the one-line summary. */
class AuditValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonInAStringIsReadAndOnlyWhatChangedIsNamed() {
    AuditRecord r =
        record(
            "\"{\\\"Qualification\\\":\\\"None\\\",\\\"Attributes\\\":{\\\"ObjectType\\\":\\\"X\\\"}}\"",
            "\"{\\\"qualification\\\":\\\"GovernmentCommunityCloud\\\",\\\"Attributes\\\":{\\\"ObjectType\\\":\\\"Y\\\"}}\"");

    assertThat(AuditValues.summary(r)).isEqualTo("Qualification: None → GovernmentCommunityCloud");
    assertThat(AuditValues.oldQualification(r)).hasValue("None");
    assertThat(AuditValues.newQualification(r)).hasValue("GovernmentCommunityCloud");
  }

  @Test
  void aMissingOrNullSideIsNone() {
    assertThat(AuditValues.summary(record(null, "\"{\\\"Quantity\\\":5}\"")))
        .isEqualTo("Quantity: (none) → 5");
    assertThat(AuditValues.summary(record("null", "\"{\\\"Quantity\\\":5}\"")))
        .isEqualTo("Quantity: (none) → 5");
    assertThat(AuditValues.summary(record(null, null))).isEmpty();
    assertThat(AuditValues.newQualification(record(null, null))).isEmpty();
  }

  @Test
  void bareStringsAndJsonThatIsNotAnObjectAreShownShortened() {
    assertThat(AuditValues.summary(record("\"ENTERPRISEPACK\"", "\"ENTERPRISEPREMIUM\"")))
        .isEqualTo("ENTERPRISEPACK → ENTERPRISEPREMIUM");
    assertThat(AuditValues.newQualification(record(null, "\"Education\""))).hasValue("Education");
    assertThat(AuditValues.summary(record("\"{broken\"", "\"" + "x".repeat(100) + "\"")))
        .isEqualTo("{broken → " + "x".repeat(39) + "…");
    assertThat(AuditValues.summary(record("\"[1,2]\"", "[1,2,3]"))).isEqualTo("[1,2] → [1,2,3]");
  }

  @Test
  void valuesThatAreJsonAlreadyAndEqualValuesAreHandled() {
    assertThat(AuditValues.summary(record("{\"A\":1,\"B\":2}", "{\"a\":1,\"B\":3}")))
        .isEqualTo("B: 2 → 3");
    assertThat(AuditValues.summary(record("{\"A\":1}", "{\"A\":1}")))
        .isEqualTo("no property changed");
  }

  @Test
  void controlCharactersNeverReachTheSummary() {
    assertThat(AuditValues.summary(record("\"a\\u001b[2Jb\"", "\"c\\nd\"")))
        .doesNotContain("\u001b", "\n");
  }

  static AuditRecord record(String oldValue, String newValue) {
    try {
      return new AuditRecord(
          JSON.readTree(
              "{\"id\":\"x\""
                  + (oldValue == null ? "" : ",\"resourceOldValue\":" + oldValue)
                  + (newValue == null ? "" : ",\"resourceNewValue\":" + newValue)
                  + "}"));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
