package pcsh.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entra ID role template ids as GDAP lists them, and the four Partner Center requires for a
 * GovernmentCommunityCloud qualification (spec 16). Roles pcsh does not know are shown by their id.
 */
public final class GdapRoles {

  public static final String DIRECTORY_READERS = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
  public static final String DIRECTORY_WRITERS = "9360feb5-f418-4baa-8175-e2a00bac4301";
  public static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
  public static final String USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  public static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
  public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
  public static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  public static final String DOMAIN_NAME_ADMINISTRATOR = "8329153b-31d0-4727-b945-745eb3bc5f31";
  public static final String HYBRID_IDENTITY_ADMINISTRATOR = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";

  /** At least one of these, through an active GDAP relationship, for a GCC qualification. */
  public static final List<String> GCC =
      List.of(DIRECTORY_READERS, DIRECTORY_WRITERS, LICENSE_ADMINISTRATOR, USER_ADMINISTRATOR);

  /** Template ids from the Entra built-in roles reference. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry(DIRECTORY_READERS, "Directory Readers"),
          Map.entry(DIRECTORY_WRITERS, "Directory Writers"),
          Map.entry(LICENSE_ADMINISTRATOR, "License Administrator"),
          Map.entry(USER_ADMINISTRATOR, "User Administrator"),
          Map.entry(GLOBAL_READER, "Global Reader"),
          Map.entry(GLOBAL_ADMINISTRATOR, "Global Administrator"),
          Map.entry("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"),
          Map.entry("f023fd81-a637-4b56-95fd-791ac0226033", "Service Support Administrator"),
          Map.entry("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"),
          Map.entry("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"),
          Map.entry(PRIVILEGED_ROLE_ADMINISTRATOR, "Privileged Role Administrator"),
          Map.entry(
              "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"),
          Map.entry("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"),
          Map.entry("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"),
          Map.entry(DOMAIN_NAME_ADMINISTRATOR, "Domain Name Administrator"),
          Map.entry(HYBRID_IDENTITY_ADMINISTRATOR, "Hybrid Identity Administrator"));

  private GdapRoles() {}

  /** The role's name, or its id when pcsh does not know it. */
  public static String name(String id) {
    return NAMES.getOrDefault(id == null ? "" : id.toLowerCase(Locale.ROOT), id);
  }

  public static boolean gcc(String id) {
    return id != null && GCC.contains(id.toLowerCase(Locale.ROOT));
  }

  /** "Directory Readers, Directory Writers, License Administrator or User Administrator". */
  static String gccNames() {
    List<String> n = GCC.stream().map(GdapRoles::name).toList();
    return String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
  }
}
