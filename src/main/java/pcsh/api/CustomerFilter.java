package pcsh.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A prefix search on one customer field, sent as the documented {@code SimpleFieldFilter} JSON. */
public record CustomerFilter(Field field, String value) {

  public enum Field {
    COMPANY_NAME("CompanyName"),
    DOMAIN("Domain");

    private final String apiName;

    Field(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }
  }

  public static CustomerFilter companyNameStartsWith(String prefix) {
    return new CustomerFilter(Field.COMPANY_NAME, prefix);
  }

  public static CustomerFilter domainStartsWith(String prefix) {
    return new CustomerFilter(Field.DOMAIN, prefix);
  }

  /** The {@code filter} query parameter (before URL encoding). */
  String json() {
    var node =
        JsonNodeFactory.instance
            .objectNode()
            .put("Field", field.apiName())
            .put("Value", value)
            .put("Operator", "starts_with");
    return node.toString();
  }
}
