package pcsh.picture;

import static pcsh.access.GdapRoles.DIRECTORY_READERS;
import static pcsh.access.GdapRoles.DIRECTORY_WRITERS;
import static pcsh.access.GdapRoles.DOMAIN_NAME_ADMINISTRATOR;
import static pcsh.access.GdapRoles.GLOBAL_ADMINISTRATOR;
import static pcsh.access.GdapRoles.GLOBAL_READER;
import static pcsh.access.GdapRoles.HYBRID_IDENTITY_ADMINISTRATOR;
import static pcsh.access.GdapRoles.LICENSE_ADMINISTRATOR;
import static pcsh.access.GdapRoles.PRIVILEGED_ROLE_ADMINISTRATOR;
import static pcsh.access.GdapRoles.USER_ADMINISTRATOR;

import java.util.List;
import pcsh.access.GdapRoles;

/**
 * The reads of the customer's picture, with what Partner Center asks of the caller for each: an
 * App+User token (an app-only one is refused with 403, spec 17) and, since DAP's end, one of the
 * GDAP roles of spec 23 in the customer's tenant.
 */
public enum Read {
  CUSTOMER("the customer", false, List.of()),
  COMPANY_PROFILE("the company profile", true, List.of()),
  BILLING_PROFILE("the billing profile", false, List.of()),
  RELATIONSHIPS("the customer's indirect resellers and providers", true, List.of()),
  PARTNER_RELATIONSHIPS("the partner's indirect relationships", true, List.of()),
  SUBSCRIPTIONS("the customer's subscriptions", false, List.of()),
  SUBSCRIPTION("the subscription", false, List.of()),
  LICENCES(
      "the customer's subscribed SKUs (licences)",
      true,
      List.of(DIRECTORY_READERS, GLOBAL_READER, USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR)),
  USERS(
      "the customer's users", true, List.of(DIRECTORY_READERS, GLOBAL_READER, USER_ADMINISTRATOR)),
  USER("the user", true, List.of(DIRECTORY_READERS, GLOBAL_READER, USER_ADMINISTRATOR)),
  DIRECTORY_ROLES(
      "the user's directory roles",
      true,
      List.of(
          DIRECTORY_READERS,
          GLOBAL_READER,
          USER_ADMINISTRATOR,
          PRIVILEGED_ROLE_ADMINISTRATOR,
          DIRECTORY_WRITERS)),
  ACCOUNT_STATUS("the customer's account validation status", true, List.of()),
  SERVICE_REQUESTS("the service requests", true, List.of()),
  SERVICE_REQUEST("the service request", true, List.of());

  /** What the company profile leaves out without one of these roles: address and email. */
  public static final List<String> ADDRESS_AND_EMAIL =
      names(List.of(GLOBAL_ADMINISTRATOR, DIRECTORY_WRITERS, GLOBAL_READER));

  /** What the customer leaves out without one of these roles: its custom domains. */
  public static final List<String> CUSTOM_DOMAINS =
      names(
          List.of(
              DOMAIN_NAME_ADMINISTRATOR,
              DIRECTORY_READERS,
              GLOBAL_ADMINISTRATOR,
              GLOBAL_READER,
              HYBRID_IDENTITY_ADMINISTRATOR));

  private final String what;
  private final boolean appUserOnly;

  @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: unmodifiable
  private final List<String> roles;

  Read(String what, boolean appUserOnly, List<String> roleIds) {
    this.what = what;
    this.appUserOnly = appUserOnly;
    this.roles = names(roleIds);
  }

  /** What is read, for messages: "the customer's users". */
  public String what() {
    return what;
  }

  /** Whether Partner Center refuses app-only tokens here. */
  public boolean appUserOnly() {
    return appUserOnly;
  }

  /** The GDAP roles of which one is needed (spec 23), by name; empty when none is documented. */
  public List<String> roles() {
    return roles;
  }

  /** "A, B or C". */
  public static String either(List<String> names) {
    if (names.size() < 2) return String.join("", names);
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  private static List<String> names(List<String> ids) {
    return List.copyOf(ids.stream().map(GdapRoles::name).toList());
  }
}
