package pcsh.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A qualification as the service spelled it, with its meaning when pcsh knows it. An unknown value
 * is kept and shown as it came, never an error.
 */
public record QualificationValue(String raw, Optional<QualificationKind> kind) {

  public static QualificationValue of(String raw) {
    return new QualificationValue(raw, QualificationKind.parse(raw));
  }

  /**
   * The legacy single value as it came: a bare JSON string or number; nothing at all means {@code
   * none}.
   */
  static QualificationValue fromLegacy(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return QualificationValue.of("none");
    return QualificationValue.of(node.isValueNode() ? node.asText() : node.toString());
  }

  public boolean is(QualificationKind k) {
    return kind.filter(k::equals).isPresent();
  }

  public String display() {
    return kind.map(QualificationKind::apiName).orElse(raw + " (not a value pcsh knows)");
  }

  @JsonValue
  String json() {
    return raw;
  }
}
