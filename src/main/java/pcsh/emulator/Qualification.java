package pcsh.emulator;

import java.util.Locale;

/**
 * The CustomerQualification enum (spec 5) with the wire spellings the emulator reads and writes.
 */
enum Qualification {
  NONE("None", "none", "none"),
  EDUCATION("Education", "education", "education"),
  NONPROFIT("Nonprofit", "nonprofit", "nonprofit"),
  GOVERNMENT_COMMUNITY_CLOUD(
      "GovernmentCommunityCloud", "government_community_cloud", "governmentcommunitycloud"),
  STATE_OWNED_ENTITY("StateOwnedEntity", "state_owned_entity", "stateownedentity");

  private final String pascal;
  private final String snake;
  private final String lower;

  Qualification(String pascal, String snake, String lower) {
    this.pascal = pascal;
    this.snake = snake;
    this.lower = lower;
  }

  /** The V2 name, as in every {@code /qualifications} example. */
  String pascal() {
    return pascal;
  }

  String legacy(LegacyCasing casing) {
    return casing == LegacyCasing.LOWER ? lower : snake;
  }

  /**
   * Reads a name in PascalCase, snake_case, lower or upper case, or the enum's integer (0-4) as
   * text: the SDKs and the docs disagree on the form (spec Q1), so all of them are accepted.
   */
  static Qualification parse(String raw) {
    String key = raw.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    if (key.matches("\\d{1,9}")) {
      return fromOrdinal(Integer.parseInt(key), raw);
    }
    for (Qualification q : values()) {
      if (q.lower.equals(key)) {
        return q;
      }
    }
    throw ApiException.unparseableEnum(raw);
  }

  static Qualification fromOrdinal(long ordinal, String raw) {
    if (ordinal < 0 || ordinal >= values().length) {
      throw ApiException.unparseableEnum(raw);
    }
    return values()[(int) ordinal];
  }
}
