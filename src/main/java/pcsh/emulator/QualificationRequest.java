package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A parsed V2 CustomerQualificationRequest (spec 7.2); {@code educationSegment} is normalised or
 * null.
 */
record QualificationRequest(
    Qualification qualification, String educationSegment, String website, String validationCode) {

  /**
   * Reads the body with keys in any case (the .NET SDK writes camelCase, older callers PascalCase).
   * A bare JSON string is taken as the qualification alone (the pre-2022 contract). The {@code
   * ?code=} query supplies the validation code when the body has none.
   */
  static QualificationRequest parse(JsonNode body, String codeQuery) {
    if (body.isTextual() || body.isIntegralNumber()) {
      return new QualificationRequest(qualification(body), null, null, codeQuery);
    }
    if (!body.isObject()) {
      throw ApiException.badInput(
          "The request body must be a CustomerQualificationRequest object.");
    }
    JsonNode q = Json.field(body, "qualification");
    if (q == null) {
      throw ApiException.badInput("qualification is required.");
    }
    String code = text(Json.field(body, "validationCode"));
    return new QualificationRequest(
        qualification(q),
        segment(text(Json.field(body, "educationSegment"))),
        text(Json.field(body, "website")),
        code != null ? code : codeQuery);
  }

  private static Qualification qualification(JsonNode node) {
    if (node.isIntegralNumber()) {
      return Qualification.fromOrdinal(node.asLong(), node.asText());
    }
    if (!node.isTextual()) {
      throw ApiException.unparseableEnum(node.toString());
    }
    return Qualification.parse(node.asText());
  }

  private static String segment(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT)) {
      case "k12" -> "K12";
      case "highereducation" -> "HigherEducation";
      default -> throw ApiException.unparseableEnum(raw);
    };
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }
}
