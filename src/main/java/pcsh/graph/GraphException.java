package pcsh.graph;

import java.util.Optional;

/**
 * A failed Microsoft Graph call: an error response in Graph's envelope, a redirect pcsh would not
 * follow, a next link to another host it would not send the token to, or no response at all. It
 * carries what Graph support asks for: {@code request-id}, {@code client-request-id} and {@code
 * date}.
 */
public final class GraphException extends RuntimeException {

  /** What went wrong, so callers decide without reading the text. */
  public enum Kind {
    /** Graph answered with an error status. */
    RESPONSE,
    /** Graph answered 3xx: pcsh never follows a redirect with the token. */
    REDIRECT,
    /** A next link pointed at another origin than pcsh.graph.base-url: nothing was sent there. */
    OTHER_ORIGIN,
    /** No response: the connection failed or timed out. */
    NO_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final String code;
  private final String method;
  private final String url;
  private final String requestId;
  private final String clientRequestId;
  private final String date;

  GraphException(
      Kind kind,
      int status,
      String code,
      String message,
      String method,
      String url,
      String requestId,
      String clientRequestId,
      String date) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.method = method;
    this.url = url;
    this.requestId = requestId;
    this.clientRequestId = clientRequestId;
    this.date = date;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status; 0 when no response came back or nothing was sent. */
  public int status() {
    return status;
  }

  /** Graph's error code, e.g. {@code Authorization_RequestDenied}. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public String method() {
    return method;
  }

  /** The request URL without its query. */
  public String url() {
    return url;
  }

  /** Graph's {@code request-id}: what Graph support asks for. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The {@code client-request-id} pcsh sent (Graph echoes it). */
  public Optional<String> clientRequestId() {
    return Optional.ofNullable(clientRequestId);
  }

  /** Graph's {@code date} of the failure, as Graph wrote it. */
  public Optional<String> date() {
    return Optional.ofNullable(date);
  }

  static String withoutQuery(String url) {
    if (url == null) return "?";
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
