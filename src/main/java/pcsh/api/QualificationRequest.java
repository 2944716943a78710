package pcsh.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /v1/customers/{id}/qualifications}; absent fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationRequest(
    String qualification, String educationSegment, String website, String validationCode) {

  public static QualificationRequest education(String segment, String website) {
    return new QualificationRequest(QualificationKind.EDUCATION.apiName(), segment, website, null);
  }

  public static QualificationRequest stateOwnedEntity() {
    return new QualificationRequest(
        QualificationKind.STATE_OWNED_ENTITY.apiName(), null, null, null);
  }
}
