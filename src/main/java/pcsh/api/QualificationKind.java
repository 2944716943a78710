package pcsh.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The CustomerQualification enum. The service and SDKs spell it as an integer, PascalCase,
 * snake_case or lower-case ({@code 3}, {@code GovernmentCommunityCloud}, {@code
 * government_community_cloud}, {@code governmentcommunitycloud}); {@link #parse} accepts them all.
 */
public enum QualificationKind {
  NONE(0, "None"),
  EDUCATION(1, "Education"),
  NONPROFIT(2, "Nonprofit"),
  GOVERNMENT_COMMUNITY_CLOUD(3, "GovernmentCommunityCloud"),
  STATE_OWNED_ENTITY(4, "StateOwnedEntity");

  private final int wireValue;
  private final String apiName;

  QualificationKind(int wireValue, String apiName) {
    this.wireValue = wireValue;
    this.apiName = apiName;
  }

  /** The integer the legacy PUT sends as its body, as the documented example does. */
  public int wireValue() {
    return wireValue;
  }

  /** The PascalCase name the V2 API uses. */
  public String apiName() {
    return apiName;
  }

  public static Optional<QualificationKind> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\""))
      t = t.substring(1, t.length() - 1).strip();
    if (t.matches("-?[0-9]+")) {
      for (QualificationKind k : values())
        if (t.equals(Integer.toString(k.wireValue))) return Optional.of(k);
      return Optional.empty();
    }
    String folded = t.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    for (QualificationKind k : values()) {
      if (folded.equals(k.apiName.toLowerCase(Locale.ROOT))) return Optional.of(k);
    }
    return Optional.empty();
  }
}
