package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualificationKindTest {

  @ParameterizedTest
  @CsvSource({
    "3, GOVERNMENT_COMMUNITY_CLOUD",
    "GovernmentCommunityCloud, GOVERNMENT_COMMUNITY_CLOUD",
    "government_community_cloud, GOVERNMENT_COMMUNITY_CLOUD",
    "governmentcommunitycloud, GOVERNMENT_COMMUNITY_CLOUD",
    "'\"GOVERNMENT_COMMUNITY_CLOUD\"', GOVERNMENT_COMMUNITY_CLOUD",
    "1, EDUCATION",
    "education, EDUCATION",
    "Education, EDUCATION",
    "0, NONE",
    "none, NONE",
    "Nonprofit, NONPROFIT",
    "state_owned_entity, STATE_OWNED_ENTITY",
    "StateOwnedEntity, STATE_OWNED_ENTITY",
    "4, STATE_OWNED_ENTITY"
  })
  void everyDocumentedSpellingParses(String text, QualificationKind expected) {
    assertThat(QualificationKind.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "-1", "gcc", "space_agency", "educationx"})
  void unknownValuesAreNotGuessed(String text) {
    assertThat(QualificationKind.parse(text)).isEmpty();
    assertThat(QualificationValue.of(text).display()).contains(text);
  }

  @org.junit.jupiter.api.Test
  void legacyPutSendsTheDocumentedIntegers() {
    assertThat(QualificationKind.EDUCATION.wireValue()).isEqualTo(1);
    assertThat(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD.wireValue()).isEqualTo(3);
  }
}
