package pcsh.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One HTTP exchange as pcsh sent and received it, already redacted (see {@link
 * pcsh.session.Redactor}): safe to print, keep in a transcript or put in a support bundle. {@code
 * status} is 0 when no response came back, and {@code error} then says why. {@code attempt} counts
 * from 1 when a read is retried.
 */
public record Exchange(
    Instant time,
    String method,
    String url,
    int status,
    Duration duration,
    Map<String, String> requestHeaders,
    String requestBody,
    Map<String, String> responseHeaders,
    String responseBody,
    String error,
    int attempt) {

  /** MS-RequestId; for a Microsoft Graph call, the client-request-id pcsh sent. */
  public String requestId() {
    String ms = header(requestHeaders, "MS-RequestId");
    return ms != null ? ms : header(requestHeaders, "client-request-id");
  }

  public String correlationId() {
    String fromResponse = header(responseHeaders, "MS-CorrelationId");
    return fromResponse != null ? fromResponse : header(requestHeaders, "MS-CorrelationId");
  }

  public boolean failed() {
    return status == 0 || status >= 400;
  }

  /** The path and query, without scheme and host. */
  public String path() {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
    return slash < 0 ? url : url.substring(slash);
  }

  /** One line: {@code GET /v1/customers -> 200 (35 ms) MS-RequestId ...}. */
  public String summary() {
    return method
        + " "
        + path()
        + " -> "
        + (status == 0 ? "no response (" + error + ")" : status)
        + " ("
        + duration.toMillis()
        + " ms"
        + (attempt > 1 ? ", attempt " + attempt : "")
        + ")"
        + ids();
  }

  /** Partner Center's ids, or Graph's ({@code client-request-id}, {@code request-id}). */
  private String ids() {
    if (header(requestHeaders, "MS-RequestId") == null
        && header(requestHeaders, "client-request-id") != null) {
      return " client-request-id "
          + header(requestHeaders, "client-request-id")
          + " request-id "
          + header(responseHeaders, "request-id");
    }
    return " MS-RequestId " + requestId() + " MS-CorrelationId " + correlationId();
  }

  /** Request and response in full: method, URL, status, duration, headers and bodies. */
  public String full() {
    return full(Integer.MAX_VALUE);
  }

  /** {@link #full()} with each body cut to {@code maxBody} characters. */
  public String full(int maxBody) {
    StringBuilder b = new StringBuilder();
    b.append("> ").append(method).append(' ').append(url).append('\n');
    requestHeaders.forEach((k, v) -> b.append("> ").append(k).append(": ").append(v).append('\n'));
    if (requestBody != null && !requestBody.isEmpty())
      b.append("> \n> ").append(cut(requestBody, maxBody)).append('\n');
    if (status == 0) {
      b.append("< no response after ")
          .append(duration.toMillis())
          .append(" ms: ")
          .append(error)
          .append('\n');
    } else {
      b.append("< ")
          .append(status)
          .append(" (")
          .append(duration.toMillis())
          .append(" ms")
          .append(attempt > 1 ? ", attempt " + attempt : "")
          .append(")\n");
      responseHeaders.forEach(
          (k, v) -> b.append("< ").append(k).append(": ").append(v).append('\n'));
      if (responseBody != null && !responseBody.isEmpty())
        b.append("< \n< ").append(cut(responseBody, maxBody)).append('\n');
    }
    return b.toString();
  }

  /**
   * The equivalent curl command; secret headers are shown as a variable reference, never their
   * value.
   */
  public String curl() {
    StringBuilder b = new StringBuilder("curl -X ").append(method).append(' ').append(quote(url));
    requestHeaders.forEach(
        (k, v) -> {
          String value = k.equalsIgnoreCase("Authorization") ? "Bearer $PCSH_ACCESS_TOKEN" : v;
          if (k.equalsIgnoreCase("Content-Length")) return;
          b.append(" \\\n  -H ")
              .append(
                  k.equalsIgnoreCase("Authorization")
                      ? "\"" + k + ": " + value + "\""
                      : quote(k + ": " + value));
        });
    if (requestBody != null && !requestBody.isEmpty())
      b.append(" \\\n  --data ").append(quote(requestBody));
    return b.toString();
  }

  private static String cut(String body, int max) {
    return body.length() <= max
        ? body
        : body.substring(0, max) + "... (" + (body.length() - max) + " more characters)";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) return null;
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }
}
