package pcsh.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a seek-paged collection's next page is asked for (spec 4.2, 17): the {@code links.next} the
 * service sent, its path and query read against pcsh's own base URL (so a link can never send the
 * token to another host), with the link's header pairs, {@code MS-ContinuationToken} among them.
 */
final class NextLink {

  /** Headers pcsh sets itself on every request: a link may not add to them. */
  private static final Set<String> OWN_HEADERS =
      Set.of(
          "authorization",
          "accept",
          "host",
          "content-length",
          "content-type",
          "ms-correlationid",
          "ms-requestid",
          "ms-contract-version",
          "ms-partnercenter-application");

  private NextLink() {}

  /**
   * A link's path and query, to be read against pcsh's base URL: relative links omit {@code /v1}
   * (spec 1), and only the path and query of an absolute one are kept; empty when it is no URI.
   */
  static Optional<String> pathAndQuery(String link) {
    URI u;
    try {
      u = new URI(link.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    if (!path.startsWith("/")) path = "/" + path;
    if (!path.regionMatches(true, 0, "/v1/", 0, 4)) path = "/v1" + path;
    return Optional.of(path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
  }

  /**
   * {@code pathAndQuery} with {@code seekOperation=Next} added when the link lacks it: the SDKs
   * always send it for the next page.
   */
  static String withSeekNext(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    for (String p : query.split("&", -1)) {
      if (p.toLowerCase(Locale.ROOT).startsWith("seekoperation=")) return pathAndQuery;
    }
    return pathAndQuery + (q < 0 ? "?" : query.isEmpty() ? "" : "&") + "seekOperation=Next";
  }

  /** The link's header pairs pcsh may send: well-formed, none of its own. */
  static Map<String, Object> headers(Link link) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (link.headers() == null) return out;
    for (Link.Header h : link.headers()) {
      if (h.key() == null || h.value() == null) continue;
      if (OWN_HEADERS.contains(h.key().toLowerCase(Locale.ROOT))) continue;
      if (!h.key().matches("[A-Za-z0-9-]{1,100}")
          || h.value().codePoints().anyMatch(Character::isISOControl)) continue;
      out.put(h.key(), h.value());
    }
    return out;
  }
}
