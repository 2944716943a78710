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
    /** An error status with a body pcsh read (tolerantly, whatever its shape). */
    RESPONSE,
    TIMEOUT,
    CONNECTION,
    CANCELLED,
    /**
     * An answer came that pcsh cannot use: not JSON, not the expected shape, an error body with a
     * 2xx status, or larger than any Partner Center answer. Whoever answered, it was not the
     * documented API (often a proxy or gateway).
     */
    UNREADABLE,
    /** A 3xx: pcsh follows no redirect, so nothing (and no token) went to where it pointed. */
    REDIRECT,
    /** pcsh refused to send the request at all (it would have left the base URL's origin). */
    NOT_SENT
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

  /**
   * Whether a write that ended this way may still have been applied, so that only reading the
   * qualification back can tell: no answer at all, an answer pcsh could not read, or a 5xx (a
   * gateway's 502/504 says nothing about what the service behind it did). A 4xx, a redirect and a
   * request never sent were not applied.
   */
  public boolean mayHaveTakenEffect() {
    return switch (kind) {
      case TIMEOUT, CONNECTION, CANCELLED, UNREADABLE -> true;
      case RESPONSE -> status >= 500;
      case REDIRECT, NOT_SENT -> false;
    };
  }

  /** A request URL as {@link #url()} keeps it. */
  static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
