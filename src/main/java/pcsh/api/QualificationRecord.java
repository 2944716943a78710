package pcsh.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the V2 {@code /qualifications} list. The date is read from {@code vettingCreateDate} or
 * {@code vettingCreatedDate}, since the documentation spells it both ways.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationRecord(
    String qualification,
    String vettingStatus,
    String vettingReason,
    @JsonAlias("vettingCreatedDate") String vettingCreateDate) {

  @JsonIgnore
  public QualificationValue value() {
    return QualificationValue.of(qualification);
  }

  /** A denied qualification does not count as one the customer has. */
  @JsonIgnore
  public boolean denied() {
    return "Denied".equalsIgnoreCase(vettingStatus);
  }
}
