package pcsh.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pcsh.api.RawClient;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * The request for the page after a page, as Partner Center and Graph link them (spec 4.2, 16, 17):
 * Partner Center's {@code links.next} ({@code uri} relative to the API root, without {@code /v1};
 * its {@code headers} pairs, {@code MS-ContinuationToken} among them, sent as headers; {@code
 * seekOperation=Next} in its query), or only a top-level {@code continuationToken} (the SDKs'
 * {@code seekOperation=Next} request); Graph's absolute {@code @odata.nextLink}. A link to another
 * origin is refused before anything is sent there.
 */
final class NextPage {

  static final String TOKEN = "MS-ContinuationToken";

  private NextPage() {}

  /**
   * The request for the page after {@code page}.
   *
   * @param first the first page's request (its resource and the caller's headers)
   * @param current the request that answered {@code page}
   * @return empty on the last page
   */
  static Optional<ApiCall> after(RawClient client, ApiCall first, ApiCall current, JsonNode page) {
    if (!page.isObject()) return Optional.empty();
    Map<String, List<String>> headers = new LinkedHashMap<>(first.headers());
    String link;
    if (first.graph()) {
      link = text(page.get("@odata.nextLink"));
      if (link == null) return Optional.empty();
    } else {
      JsonNode next = page.path("links").path("next");
      link = text(next.get("uri"));
      String token = text(page.get("continuationToken"));
      for (JsonNode h : next.path("headers")) {
        String key = text(h.get("key"));
        String value = text(h.get("value"));
        if (key == null || value == null || !key.matches("[A-Za-z0-9-]{1,100}")) continue;
        if (!client.settable(key) || value.codePoints().anyMatch(Character::isISOControl)) continue;
        put(headers, key, value);
      }
      if (token != null && headers.keySet().stream().noneMatch(TOKEN::equalsIgnoreCase)) {
        put(headers, TOKEN, token);
      }
      boolean seek = headers.keySet().stream().anyMatch(TOKEN::equalsIgnoreCase);
      if (link == null && !seek) return Optional.empty();
      if (link == null) link = first.resource() + "?seekOperation=Next";
      if (seek && !link.toLowerCase(Locale.ROOT).contains("seekoperation=")) {
        link = link + (link.contains("?") ? "&" : "?") + "seekOperation=Next";
      }
    }
    ApiCall next = resolve(client, first, link, headers);
    if (next.url().equals(current.url()) && next.headers().equals(current.headers())) {
      throw Failure.failed(
          "The service linked the page just read as the next one ("
              + Text.shown(next.path())
              + "), so the listing stopped there.",
          "the items printed are complete up to that page; report the answer (--debug shows it).");
    }
    return Optional.of(next);
  }

  private static ApiCall resolve(
      RawClient client, ApiCall first, String link, Map<String, List<String>> headers) {
    String base = client.baseUrl();
    URI u;
    try {
      u = new URI(link.strip());
    } catch (URISyntaxException e) {
      throw Failure.failed(
          "The next page's link is not a URL: '" + Text.shown(link) + "'; the listing stopped.",
          "the items printed are complete up to that page; --debug shows the answer.");
    }
    if (u.getScheme() != null || u.getRawAuthority() != null) {
      URI b = URI.create(base);
      if (!origin(u).equals(origin(b))) {
        throw Failure.failed(
            "The next page's link points at "
                + origin(u)
                + ", not at "
                + origin(b)
                + ": pcsh sends the token to the base URL's origin only, so nothing was sent"
                + " there and the listing stopped.",
            "the items printed are complete up to that page; check the base URL setting.");
      }
      String path = (u.getRawPath() == null ? "" : u.getRawPath());
      String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
      return first.next(link.strip(), path + query, headers);
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (!path.startsWith("/")) path = "/" + path;
    // Partner Center's links omit the /v1 of the path (spec 1)
    if (!first.graph() && !path.regionMatches(true, 0, "/v1/", 0, 4)) path = "/v1" + path;
    String pathAndQuery = path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    return first.next(base + pathAndQuery, pathAndQuery, headers);
  }

  private static String origin(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme
        + "://"
        + (u.getHost() == null ? "?" : u.getHost().toLowerCase(Locale.ROOT))
        + ":"
        + port;
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.keySet().removeIf(name::equalsIgnoreCase);
    headers.put(name, List.of(value));
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
  }
}
