package pcsh.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Any failed call to Partner Center: an error response, or no response at all (status 0, e.g. a
 * refused connection or a timeout). It carries what support asks for: status, error code,
 * description, the correlation and request ids, and the time.
 */
public final class PartnerCenterException extends RuntimeException {

  /** What kind of failure it was, so callers decide without looking at the text. */
  public enum Kind {
    RESPONSE,
    TIMEOUT,
    CONNECTION,
    CANCELLED
  }

  private final Kind kind;
  private final int status;
  private final String errorCode;
  private final String description;
  private final String method;
  private final String url;
  private final String correlationId;
  private final String requestId;
  private final Instant time;
  private final Optional<Long> retryAfterSeconds;

  PartnerCenterException(
      Kind kind,
      int status,
      String errorCode,
      String description,
      String method,
      String url,
      String correlationId,
      String requestId,
      Instant time,
      Optional<Long> retryAfterSeconds) {
    super(description);
    this.kind = kind;
    this.status = status;
    this.errorCode = errorCode;
    this.description = description;
    this.method = method;
    this.url = url;
    this.correlationId = correlationId;
    this.requestId = requestId;
    this.time = time;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status; 0 when no response came back. */
  public int status() {
    return status;
  }

  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public String description() {
    return description;
  }

  public String method() {
    return method;
  }

  /** The request URL without its query, which may hold a validation code. */
  public String url() {
    return url;
  }

  public String correlationId() {
    return correlationId;
  }

  public String requestId() {
    return requestId;
  }

  public Instant time() {
    return time;
  }

  public Optional<Long> retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A request URL as {@link #url()} keeps it. */
  static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
