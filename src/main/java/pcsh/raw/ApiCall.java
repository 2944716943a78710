package pcsh.raw;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request {@code api} will send, checked and complete: the method, where it goes (Partner
 * Center or Microsoft Graph), its URL, the caller's headers and the body.
 */
public final class ApiCall {

  private final String method;
  private final boolean graph;
  private final String url;
  private final String path;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  /**
   * @param path the path and query, relative to the base URL ({@code /v1/customers?size=2})
   * @param body null for none
   */
  ApiCall(
      String method,
      boolean graph,
      String url,
      String path,
      Map<String, List<String>> headers,
      byte[] body) {
    this.method = method;
    this.graph = graph;
    this.url = url;
    this.path = path;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  public String method() {
    return method;
  }

  /** Whether it goes to Microsoft Graph (with the Graph token) rather than Partner Center. */
  public boolean graph() {
    return graph;
  }

  public String url() {
    return url;
  }

  /** The path and query, as the request line names them. */
  public String path() {
    return path;
  }

  /** The path without its query: the resource. */
  public String resource() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The headers the caller added ({@code -H}, and Content-Type for a body). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** A write changes something: anything but GET. */
  public boolean write() {
    return !method.equals("GET");
  }

  /** The body's bytes, or null when there is none. */
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  public Optional<String> bodyText() {
    return body == null ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
  }

  /** {@code PATCH /v1/servicerequests/123}, for people and the journal. */
  public String describe() {
    return method + " " + path;
  }

  /** The same request to another URL (a next page), without a body. */
  ApiCall next(String url, String path, Map<String, List<String>> headers) {
    return new ApiCall(method, graph, url, path, headers, null);
  }
}
