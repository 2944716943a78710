package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request, normalised: path segments without empty ones (so {@code /v1//customers}, which a
 * client produces by appending a relative next link to {@code .../v1/}, still routes) and query
 * parameters by case-insensitive name, each with all its values.
 */
// the body is read once per request and never compared: an array is fine here
@SuppressWarnings("ArrayRecordComponent")
record ApiRequest(
    String method,
    String path,
    List<String> segments,
    Map<String, List<String>> query,
    Headers headers,
    byte[] body) {

  static ApiRequest of(String method, URI uri, Headers headers, byte[] body) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      // a request target starting with "//" parses as an authority; it was meant as a path
      path = "/" + uri.getAuthority() + path;
    }
    List<String> segments = segmentsOf(path);
    return new ApiRequest(
        method.toUpperCase(Locale.ROOT),
        "/" + String.join("/", segments),
        Collections.unmodifiableList(segments),
        parseQuery(uri.getRawQuery()),
        headers,
        body);
  }

  /** The non-empty segments of a path ({@code null} gives none). */
  static List<String> segmentsOf(String path) {
    List<String> segments = new ArrayList<>();
    if (path != null) {
      for (String s : path.split("/", -1)) {
        if (!s.isEmpty()) {
          segments.add(s);
        }
      }
    }
    return segments;
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("Malformed query string: " + s);
    }
  }

  /** The first value of a query parameter, null when absent. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null ? null : values.get(0);
  }

  /** Every value of a repeated query parameter ({@code ?a=1&a=2}), in order. */
  List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  /**
   * A seek request's continuation token (spec 4.2): the {@code MS-ContinuationToken} header, else a
   * {@code continuationToken} parameter, "" when neither; empty when the request has no {@code
   * seekOperation}. Only Next is served.
   */
  Optional<String> seekToken() {
    String seek = query("seekOperation");
    if (seek == null) {
      return Optional.empty();
    }
    if (!seek.equalsIgnoreCase("Next")) {
      throw ApiException.badInput("The emulator serves seekOperation=Next only, not " + seek + ".");
    }
    String token = header("MS-ContinuationToken");
    if (token == null) {
      token = query("continuationToken");
    }
    return Optional.of(token == null ? "" : token);
  }

  String bodyText() {
    return new String(body, UTF_8);
  }
}
