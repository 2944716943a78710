package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * The customer search filter (spec 4.3): {@code {"Field":..., "Value":..., "Operator":...}}. Key
 * names, field names and operators are read in any case and spelling the SDKs use (PascalCase from
 * .NET, lower-case keys and "StartsWith" from Java, "DisplayName"/"DefaultDomainName" from the REST
 * reference); matching ignores case.
 */
record CustomerFilter(Field field, Operator operator, String value) {

  enum Field {
    COMPANY_NAME,
    DOMAIN
  }

  enum Operator {
    STARTS_WITH,
    EQUALS
  }

  static CustomerFilter parse(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw ApiException.badInput("The filter is not valid JSON: " + json);
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badInput(
          "The filter must be a JSON object with Field, Value and Operator: " + json);
    }
    JsonNode field = Json.field(node, "Field");
    JsonNode value = Json.field(node, "Value");
    JsonNode operator = Json.field(node, "Operator");
    if (field == null || value == null) {
      throw ApiException.badInput("The filter needs Field and Value: " + json);
    }
    return new CustomerFilter(
        field(field.asText()), operator(operator == null ? "" : operator.asText()), value.asText());
  }

  private static Field field(String raw) {
    return switch (key(raw)) {
      case "companyname", "displayname" -> Field.COMPANY_NAME;
      case "domain", "defaultdomainname" -> Field.DOMAIN;
      default ->
          throw ApiException.badInput(
              "Unsupported filter field: " + raw + " (use CompanyName or Domain).");
    };
  }

  private static Operator operator(String raw) {
    return switch (key(raw)) {
      case "startswith" -> Operator.STARTS_WITH;
      case "equals" -> Operator.EQUALS;
      default ->
          throw new ApiException(
              400, 2000, "Customer search only allows starts with and equals operation.");
    };
  }

  private static String key(String raw) {
    return raw.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
  }

  boolean matches(Customer c) {
    String subject = field == Field.COMPANY_NAME ? c.companyName() : c.domain();
    return operator == Operator.EQUALS
        ? subject.equalsIgnoreCase(value)
        : subject.regionMatches(true, 0, value, 0, value.length());
  }

  /** The canonical (documented) spelling, used in self links and continuation tokens. */
  ObjectNode toJson() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("Field", field == Field.COMPANY_NAME ? "CompanyName" : "Domain");
    n.put("Value", value);
    n.put("Operator", operator == Operator.EQUALS ? "equals" : "starts_with");
    return n;
  }
}
