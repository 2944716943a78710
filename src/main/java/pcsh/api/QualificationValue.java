package pcsh.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A qualification as the service spelled it, with its meaning when pcsh knows it. An unknown value is
 * kept and shown as it came, never an error.
 */
public record QualificationValue(String raw, Optional<QualificationKind> kind) {

  public static QualificationValue of(String raw) {
    return new QualificationValue(raw, QualificationKind.parse(raw));
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
