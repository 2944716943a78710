package pcsh.emulator;

import static pcsh.emulator.GdapSeed.DIRECTORY_READERS;
import static pcsh.emulator.GdapSeed.DIRECTORY_WRITERS;
import static pcsh.emulator.GdapSeed.DOMAIN_NAME_ADMINISTRATOR;
import static pcsh.emulator.GdapSeed.GLOBAL_ADMINISTRATOR;
import static pcsh.emulator.GdapSeed.GLOBAL_READER;
import static pcsh.emulator.GdapSeed.HYBRID_IDENTITY_ADMINISTRATOR;
import static pcsh.emulator.GdapSeed.LICENSE_ADMINISTRATOR;
import static pcsh.emulator.GdapSeed.PRIVILEGED_ROLE_ADMINISTRATOR;
import static pcsh.emulator.GdapSeed.USER_ADMINISTRATOR;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Since DAP's end, reading a customer's directory data needs a GDAP role (spec 23). The emulator
 * decides it from the seeded GDAP relationships Graph serves ({@link GdapSeed}): a read is allowed
 * when an <em>active</em> relationship with the customer includes one of the read's roles. Whether
 * the role is assigned to a security group the signed-in user is in is not checked (the emulator's
 * simplification). The 403's code and text are the emulator's: 2032, the documented 403 "Access
 * denied", naming the roles, which are also listed in the ApiFault's {@code data}.
 */
final class GdapRoles {

  /** The reads of spec 23 and the roles any one of which allows each. */
  enum Read {
    SUBSCRIBED_SKUS(
        "the customer's subscribed SKUs",
        DIRECTORY_READERS,
        GLOBAL_READER,
        USER_ADMINISTRATOR,
        LICENSE_ADMINISTRATOR),
    USERS("the customer's users", DIRECTORY_READERS, GLOBAL_READER, USER_ADMINISTRATOR),
    DIRECTORY_ROLES(
        "a user's directory roles",
        DIRECTORY_READERS,
        GLOBAL_READER,
        USER_ADMINISTRATOR,
        PRIVILEGED_ROLE_ADMINISTRATOR,
        DIRECTORY_WRITERS),
    ADDRESS_AND_EMAIL(
        "the company profile's address and email",
        GLOBAL_ADMINISTRATOR,
        DIRECTORY_WRITERS,
        GLOBAL_READER),
    CUSTOM_DOMAINS(
        "the customer's custom domains",
        DOMAIN_NAME_ADMINISTRATOR,
        DIRECTORY_READERS,
        GLOBAL_ADMINISTRATOR,
        GLOBAL_READER,
        HYBRID_IDENTITY_ADMINISTRATOR);

    private final String what;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: immutable, which the check cannot see
    private final List<String> roles;

    Read(String what, String... roles) {
      this.what = what;
      this.roles = List.of(roles);
    }

    /** The roles' names, in the order of spec 23's table. */
    List<String> roleNames() {
      return roles.stream().map(NAMES::get).toList();
    }
  }

  private static final Map<String, String> NAMES =
      Map.of(
          DIRECTORY_READERS, "Directory Readers",
          DIRECTORY_WRITERS, "Directory Writers",
          GLOBAL_READER, "Global Reader",
          GLOBAL_ADMINISTRATOR, "Global Administrator",
          USER_ADMINISTRATOR, "User Administrator",
          LICENSE_ADMINISTRATOR, "License Administrator",
          PRIVILEGED_ROLE_ADMINISTRATOR, "Privileged Role Administrator",
          DOMAIN_NAME_ADMINISTRATOR, "Domain Name Administrator",
          HYBRID_IDENTITY_ADMINISTRATOR, "Hybrid Identity Administrator");

  /** Role template ids of the active relationships, by the customer's tenant id (lower case). */
  private final Map<String, Set<String>> active = new HashMap<>();

  GdapRoles(List<GdapSeed.Entry> seed) {
    for (GdapSeed.Entry e : seed) {
      if (!e.relationship().path("status").asText().equals("active")) continue;
      Set<String> roles =
          active.computeIfAbsent(e.tenantId().toLowerCase(Locale.ROOT), k -> new HashSet<>());
      e.relationship()
          .path("accessDetails")
          .path("unifiedRoles")
          .forEach(r -> roles.add(r.path("roleDefinitionId").asText()));
    }
  }

  boolean allows(Customer c, Read read) {
    Set<String> roles = active.getOrDefault(c.id(), Set.of());
    return read.roles.stream().anyMatch(roles::contains);
  }

  /** Throws the 403 when {@code read} is not allowed for the customer. */
  void require(Customer c, Read read) {
    if (!allows(c, read)) {
      List<String> names = read.roleNames();
      throw new ApiException(
          403,
          2032,
          "Access denied: reading "
              + read.what
              + " needs one of these GDAP roles in an active relationship with the customer: "
              + String.join(", ", names)
              + ".",
          names);
    }
  }
}
