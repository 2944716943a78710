package pcsh.emulator;

/**
 * How the legacy {@code /qualification} endpoint spells multi-word values. The docs show the
 * concatenated form, the official .NET reader only parses snake_case (spec Q2), so snake_case is
 * the default.
 */
public enum LegacyCasing {
  /** {@code "government_community_cloud"}, {@code "state_owned_entity"}. */
  SNAKE,
  /** {@code "governmentcommunitycloud"}, {@code "stateownedentity"}. */
  LOWER
}
