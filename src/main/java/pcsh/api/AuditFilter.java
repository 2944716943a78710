package pcsh.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one filter an audit-record request may carry (spec 14.1): the three searchable fields, each
 * with the operator the documentation gives it. The service ignores the value's case.
 */
public record AuditFilter(Field field, String value) {

  /** The searchable fields and their operators. */
  public enum Field {
    CUSTOMER_ID("CustomerId", "equals"),
    COMPANY_NAME("CompanyName", "substring"),
    RESOURCE_TYPE("ResourceType", "equals");

    private final String apiName;
    private final String operator;

    Field(String apiName, String operator) {
      this.apiName = apiName;
      this.operator = operator;
    }

    public String apiName() {
      return apiName;
    }

    public String operator() {
      return operator;
    }
  }

  /** The {@code filter} query parameter (before URL encoding), property names in PascalCase. */
  String json() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("Field", field.apiName())
        .put("Value", value)
        .put("Operator", field.operator())
        .toString();
  }
}
