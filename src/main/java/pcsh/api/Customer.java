package pcsh.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** A customer tenant. Parts pcsh only passes through (billing profile, links) stay raw JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
    String id,
    String commerceId,
    CompanyProfile companyProfile,
    JsonNode billingProfile,
    String relationshipToPartner,
    Boolean allowDelegatedAccess,
    List<String> customDomains,
    String associatedPartnerId,
    JsonNode links,
    JsonNode attributes) {

  private static final Pattern ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A customer id is the customer's tenant id, a GUID. */
  public static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  public String companyName() {
    return companyProfile == null ? null : companyProfile.companyName();
  }

  public String domain() {
    return companyProfile == null ? null : companyProfile.domain();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CompanyProfile(
      String tenantId,
      String domain,
      String companyName,
      String organizationRegistrationNumber,
      JsonNode address,
      String email,
      JsonNode links,
      JsonNode attributes) {}
}
