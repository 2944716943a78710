package pcsh.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Partner Center routes in one place: a path pattern ({@code /v1/customers/{id}/users}, literal
 * segments matched in any letter case, {@code {name}} matching any one segment), its methods, and
 * for each method who may call it and what answers. The first pattern that matches and has the
 * request's method wins, so a literal route is added before a variable one of the same shape. An
 * unknown path is 404 with an ApiFault (code 1000), a method the pattern lacks 405 with {@code
 * Allow}, and an App+User-only endpoint refuses an app-only token with 403 (spec 17) before its
 * handler runs.
 */
final class RouteTable {

  /** Which tokens an endpoint takes (spec 17: "App+User only" or "App and App+User"). */
  enum Access {
    APP_AND_USER,
    USER_ONLY
  }

  /** One request to a matched route: the request, the pattern's variables and the token. */
  record Call(ApiRequest request, Map<String, String> vars, BearerClaims token) {
    String var(String name) {
      return vars.get(name);
    }

    String query(String name) {
      return request.query(name);
    }
  }

  /** What answers a call. */
  interface Handler {
    ApiResponse handle(Call call);
  }

  /**
   * A method of a route; a {@code retired} one still answers (e.g. 410) but is not offered in
   * {@code Allow}.
   */
  private record Endpoint(Access access, Handler handler, boolean retired) {}

  private record Route(List<String> pattern, Map<String, Endpoint> methods) {}

  private final List<Route> routes = new ArrayList<>();

  RouteTable get(String pattern, Access access, Handler handler) {
    return add("GET", pattern, access, handler);
  }

  RouteTable add(String method, String pattern, Access access, Handler handler) {
    return put(method, pattern, new Endpoint(access, handler, false));
  }

  /** A method the service no longer serves: answered by {@code handler}, left out of Allow. */
  RouteTable retired(String method, String pattern, Handler handler) {
    return put(method, pattern, new Endpoint(Access.APP_AND_USER, handler, true));
  }

  private RouteTable put(String method, String pattern, Endpoint endpoint) {
    List<String> segments = ApiRequest.segmentsOf(pattern);
    Route route =
        routes.stream()
            .filter(r -> r.pattern().equals(segments))
            .findFirst()
            .orElseGet(
                () -> {
                  Route r = new Route(segments, new LinkedHashMap<>());
                  routes.add(r);
                  return r;
                });
    route.methods().put(method.toUpperCase(Locale.ROOT), endpoint);
    return this;
  }

  ApiResponse dispatch(ApiRequest r, BearerClaims token) {
    Set<String> allowed = new LinkedHashSet<>();
    boolean matched = false;
    for (Route route : routes) {
      Map<String, String> vars = match(route.pattern(), r.segments());
      if (vars == null) continue;
      matched = true;
      Endpoint endpoint = route.methods().get(r.method());
      if (endpoint == null) {
        route
            .methods()
            .forEach(
                (method, e) -> {
                  if (!e.retired()) allowed.add(method);
                });
        continue;
      }
      if (endpoint.access() == Access.USER_ONLY && token.appOnly()) {
        throw appOnlyRefused();
      }
      return endpoint.handler().handle(new Call(r, vars, token));
    }
    if (!matched) {
      throw new ApiException(404, 1000, "Resource not found: " + r.path());
    }
    String allow = String.join(", ", allowed);
    return ApiResponse.fault(
        405,
        800002,
        "Method " + r.method() + " is not allowed on " + r.path() + "; allowed: " + allow + ".",
        Map.of("Allow", allow));
  }

  /**
   * 403 for an app-only token on an App+User-only endpoint (spec 17). The service's body for it is
   * undocumented: code 2032 is its documented 403 "Access denied", the text is the emulator's.
   */
  static ApiException appOnlyRefused() {
    return new ApiException(
        403,
        2032,
        "Access denied: this operation needs an App+User (delegated) token; the access token is"
            + " app-only (roles, no scp).");
  }

  private static Map<String, String> match(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) return null;
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("{") && p.endsWith("}")) {
        vars.put(p.substring(1, p.length() - 1), segments.get(i));
      } else if (!p.equalsIgnoreCase(segments.get(i))) {
        return null;
      }
    }
    return vars;
  }
}
