package pcsh.raw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The endpoints pcsh knows from the API reference (Partner Center: customers, qualifications,
 * validation codes, audit records, profiles, relationships, subscriptions, licences, users, account
 * status, service requests; Microsoft Graph: GDAP), as paths with placeholders: what {@code api}
 * completes on Tab, and the resources a write can be read back from. {@code {customer}} is filled
 * in with the customer; other placeholders are left for the user.
 */
public final class Endpoints {

  /** One documented endpoint: its methods and path (no query unless the path needs one). */
  public record Endpoint(List<String> methods, String path, boolean graph) {

    boolean readable() {
      return methods.contains("GET");
    }
  }

  public static final String CUSTOMER = "{customer}";

  /** The methods {@code api} sends. */
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final List<String> GET = List.of("GET");

  public static final List<Endpoint> ALL =
      List.of(
          pc(GET, "/v1/customers"),
          pc(GET, "/v1/customers/{customer}"),
          pc(List.of("GET", "PUT"), "/v1/customers/{customer}/qualification"),
          pc(List.of("GET", "POST"), "/v1/customers/{customer}/qualifications"),
          pc(GET, "/v1/customers/all/validations"),
          pc(GET, "/v1/auditrecords"),
          pc(GET, "/v1/customers/{customer}/profiles/company"),
          pc(GET, "/v1/customers/{customer}/profiles/billing"),
          pc(GET, "/v1/customers/{customer}/relationships"),
          pc(GET, "/v1/relationships"),
          pc(GET, "/v1/customers/{customer}/subscriptions"),
          pc(GET, "/v1/customers/{customer}/subscriptions/{subscription-id}"),
          pc(GET, "/v1/customers/{customer}/subscribedskus"),
          pc(GET, "/v1/customers/{customer}/users"),
          pc(GET, "/v1/customers/{customer}/users/{user-id}"),
          pc(GET, "/v1/customers/{customer}/users/{user-id}/directoryroles"),
          pc(GET, "/v1/customers/{customer}/validationStatus?type=account"),
          pc(GET, "/v1/profiles/organization"),
          pc(GET, "/v1/profiles/mpn"),
          pc(GET, "/v1/servicerequests"),
          pc(GET, "/v1/customers/{customer}/servicerequests"),
          pc(List.of("GET", "PATCH"), "/v1/servicerequests/{request-id}"),
          graph("/v1.0/tenantRelationships/delegatedAdminRelationships"),
          graph("/v1.0/tenantRelationships/delegatedAdminRelationships/{relationship-id}"),
          graph(
              "/v1.0/tenantRelationships/delegatedAdminRelationships/{relationship-id}"
                  + "/accessAssignments"),
          graph("/v1.0/me/transitiveMemberOf"));

  private Endpoints() {}

  private static Endpoint pc(List<String> methods, String path) {
    return new Endpoint(methods, path, false);
  }

  private static Endpoint graph(String path) {
    return new Endpoint(GET, path, true);
  }

  /**
   * Every path, Partner Center's first, with {@code {customer}} replaced by {@code customer} when
   * one is given.
   */
  public static List<String> paths(Optional<String> customer) {
    List<String> out = new ArrayList<>();
    for (Endpoint e : ALL) {
      out.add(customer.map(c -> e.path().replace(CUSTOMER, c)).orElse(e.path()));
    }
    return out;
  }

  /**
   * The documented endpoint {@code path} (without its query) is an instance of: literal segments
   * match in any case, a placeholder matches any one segment.
   */
  public static Optional<Endpoint> match(String path, boolean graph) {
    List<String> given = segments(path);
    for (Endpoint e : ALL) {
      if (e.graph() != graph) continue;
      List<String> template = segments(e.path());
      if (template.size() != given.size()) continue;
      boolean same = true;
      for (int i = 0; i < template.size() && same; i++) {
        String t = template.get(i);
        same = t.startsWith("{") || t.equalsIgnoreCase(given.get(i));
      }
      if (same) return Optional.of(e);
    }
    return Optional.empty();
  }

  /**
   * Whether what a write to {@code path} did can be read back with a GET of the same path: the path
   * is a documented resource that has a GET.
   */
  public static boolean readable(String path, boolean graph) {
    return match(path, graph).filter(Endpoint::readable).isPresent();
  }

  /** The customer a Partner Center path names ({@code /v1/customers/<tenant id>/...}), if any. */
  public static Optional<String> customerOf(String path) {
    List<String> s = segments(path);
    if (s.size() >= 3
        && s.get(0).equalsIgnoreCase("v1")
        && s.get(1).equalsIgnoreCase("customers")
        && GUID.matcher(s.get(2)).matches()) {
      return Optional.of(s.get(2).toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static List<String> segments(String path) {
    String p = path;
    int q = p.indexOf('?');
    if (q >= 0) p = p.substring(0, q);
    List<String> out = new ArrayList<>();
    for (String s : p.split("/", -1)) if (!s.isEmpty()) out.add(s);
    return out;
  }
}
