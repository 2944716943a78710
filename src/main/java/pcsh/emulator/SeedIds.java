package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;

/**
 * Stable GUIDs for seeded things that are computed, not stored (subscriptions, users, SKUs, service
 * request topics): the same seed text always gives the same id.
 */
final class SeedIds {

  private SeedIds() {}

  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(("pcsh-emulator-" + seed).getBytes(UTF_8)).toString();
  }
}
