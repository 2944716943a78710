package pcsh.api;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.api.PartnerCenterException.Kind;

/**
 * Turns what Feign throws when no readable response came (Ctrl-C, a timeout, a failed connection, a
 * body that could not be decoded) into a {@link PartnerCenterException} with the ids pcsh sent, as
 * an error response is in {@link PartnerCenterErrorDecoder}.
 */
final class TransportFailures {

  private TransportFailures() {}

  /**
   * Clears the interrupt of a Ctrl-C: the request it ended is reported as cancelled, and the shell
   * goes on.
   */
  static PartnerCenterException of(RetryableException e) {
    return of(e.getCause(), e.method() == null ? "?" : e.method().name(), e.request());
  }

  /** A request sent through the transport without Feign ({@link RawClient}) that got no answer. */
  static PartnerCenterException of(IOException cause, Request request) {
    return of(cause, request.httpMethod().name(), request);
  }

  private static PartnerCenterException of(Throwable cause, String method, Request request) {
    if (cause instanceof UnusableExchange u) {
      return failure(u.kind(), u.status(), u.getMessage(), method, request);
    }
    if ((cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))
        || Thread.currentThread().isInterrupted()) {
      Thread.interrupted();
      return failure(
          Kind.CANCELLED, 0, "cancelled (Ctrl-C) before an answer came", method, request);
    }
    boolean timeout =
        cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
    return timeout
        ? failure(Kind.TIMEOUT, 0, "no response before the read timeout", method, request)
        : failure(Kind.CONNECTION, 0, describe(cause), method, request);
  }

  /**
   * An answer pcsh could not use ({@link JsonBodyDecoder} says why), or one whose body broke off
   * while Feign read it.
   */
  static PartnerCenterException of(FeignException e) {
    String why =
        e instanceof DecodeException
            ? e.getMessage()
            : "the answer could not be read ("
                + (e.getCause() == null ? "HTTP " + e.status() : describe(e.getCause()))
                + ")";
    return failure(
        Kind.UNREADABLE,
        Math.max(0, e.status()),
        why,
        e.request() == null ? "?" : e.request().httpMethod().name(),
        e.request());
  }

  private static PartnerCenterException failure(
      Kind kind, int status, String description, String method, Request request) {
    Map<String, Collection<String>> sent = request == null ? Map.of() : request.headers();
    return new PartnerCenterException(
        kind,
        status,
        null,
        description,
        method,
        request == null ? "?" : PartnerCenterException.withoutQuery(request.url()),
        PartnerCenterErrorDecoder.first(sent, "MS-CorrelationId").orElse(null),
        PartnerCenterErrorDecoder.first(sent, "MS-RequestId").orElse(null),
        Clock.systemUTC().instant(),
        Optional.empty());
  }

  /** The JDK's words when a connection closes before the Content-Length it announced came. */
  private static final Pattern CUT_OFF =
      Pattern.compile("fixed content-length: (\\d+), bytes received: (\\d+)");

  private static String describe(Throwable cause) {
    if (cause == null) return "the connection failed";
    String m = cause.getMessage();
    if (cause instanceof ConnectException) return "the connection was refused";
    Matcher cut = CUT_OFF.matcher(m == null ? "" : m);
    if (cut.find()) {
      return "the connection closed in the middle of the answer ("
          + cut.group(2)
          + " of "
          + cut.group(1)
          + " bytes came)";
    }
    if (cause instanceof EOFException || (m != null && m.contains("EOF reached"))) {
      return "the connection closed before the whole answer came";
    }
    if (cause instanceof IOException && (m == null || m.isBlank()))
      return "the connection failed (" + cause.getClass().getSimpleName() + ")";
    return "the connection failed: " + m;
  }
}
