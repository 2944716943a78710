package pcsh.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A partner's GCC validation code; {@code validationId} is what {@code ?code=} carries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationCode(
    String partnerId,
    String organizationName,
    String validationId,
    Integer maxCreates,
    Integer remainingCreates,
    @JsonProperty("eTag") @JsonAlias({"etag", "ETag"}) String eTag) {

  /** Unknown limits (null) are not treated as exhausted; the service decides. */
  @JsonIgnore
  public boolean exhausted() {
    return remainingCreates != null && remainingCreates <= 0;
  }
}
