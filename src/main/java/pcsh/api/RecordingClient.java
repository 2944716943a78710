package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import pcsh.session.Redactor;

/**
 * Records each exchange once into an {@link ExchangeLog}, which redacts it when it is first looked
 * at; the body is buffered so it is read twice.
 */
final class RecordingClient implements Client {

  /** How much of a body the record keeps; the caller always gets all of it. */
  private static final int MAX_RECORDED = 64 * 1024;

  private final Client delegate;
  private final ExchangeLog log;
  private final Redactor redactor;

  RecordingClient(Client delegate, ExchangeLog log, Redactor redactor) {
    this.delegate = delegate;
    this.log = log;
    this.redactor = redactor;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Sent sent = new Sent(request, Instant.now(), System.nanoTime(), RetryingClient.attempt());
    Response response;
    try {
      response = delegate.execute(request, options);
    } catch (IOException | RuntimeException e) {
      sent.record(
          0,
          Map.of(),
          null,
          e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + redactor.text(e.getMessage())));
      throw e;
    }
    byte[] bytes = null;
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        sent.record(
            response.status(),
            response.headers(),
            null,
            "reading the body failed: " + e.getClass().getSimpleName());
        throw e;
      }
    }
    sent.record(response.status(), response.headers(), bytes, null);
    return bytes == null ? response : response.toBuilder().body(bytes).build();
  }

  /** A request as it went out; each way its exchange ends is recorded through it. */
  private final class Sent {
    private final Request request;
    private final Instant time;
    private final long start;
    private final int attempt;

    Sent(Request request, Instant time, long start, int attempt) {
      this.request = request;
      this.time = time;
      this.start = start;
      this.attempt = attempt;
    }

    /** Redacted only when the log's exchange is first looked at. */
    void record(
        int status, Map<String, Collection<String>> received, byte[] bytes, String failure) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      log.record(
          () ->
              new Exchange(
                  time,
                  request.httpMethod().name(),
                  redactor.url(request.url()),
                  status,
                  took,
                  redactor.headers(request.headers()),
                  request.body() == null
                      ? null
                      : redactor.text(new String(request.body(), StandardCharsets.UTF_8)),
                  received.isEmpty() ? Map.of() : redactor.headers(received),
                  bytes == null ? null : redactor.text(recorded(bytes)),
                  failure,
                  attempt));
    }
  }

  private static String recorded(byte[] bytes) {
    if (bytes.length <= MAX_RECORDED) return new String(bytes, StandardCharsets.UTF_8);
    return new String(bytes, 0, MAX_RECORDED, StandardCharsets.UTF_8)
        + "... ("
        + bytes.length
        + " bytes in all)";
  }
}
