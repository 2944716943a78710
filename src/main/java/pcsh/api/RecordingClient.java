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
    Instant time = Instant.now();
    long start = System.nanoTime();
    int attempt = RetryingClient.attempt();
    Map<String, Collection<String>> sent = request.headers();
    String body =
        request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
    Response response;
    try {
      response = delegate.execute(request, options);
    } catch (IOException | RuntimeException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      log.record(
          () ->
              new Exchange(
                  time,
                  request.httpMethod().name(),
                  redactor.url(request.url()),
                  0,
                  took,
                  redactor.headers(sent),
                  redactor.text(body),
                  Map.of(),
                  null,
                  e.getClass().getSimpleName()
                      + (e.getMessage() == null ? "" : ": " + redactor.text(e.getMessage())),
                  attempt));
      throw e;
    }
    byte[] bytes = null;
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Response failed = response;
        log.record(
            () ->
                new Exchange(
                    time,
                    request.httpMethod().name(),
                    redactor.url(request.url()),
                    failed.status(),
                    took,
                    redactor.headers(sent),
                    redactor.text(body),
                    redactor.headers(failed.headers()),
                    null,
                    "reading the body failed: " + e.getClass().getSimpleName(),
                    attempt));
        throw e;
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Response answered = response;
    byte[] received = bytes;
    log.record(
        () ->
            new Exchange(
                time,
                request.httpMethod().name(),
                redactor.url(request.url()),
                answered.status(),
                took,
                redactor.headers(sent),
                redactor.text(body),
                redactor.headers(answered.headers()),
                received == null ? null : redactor.text(recorded(received)),
                null,
                attempt));
    return bytes == null ? response : response.toBuilder().body(bytes).build();
  }

  private static String recorded(byte[] bytes) {
    if (bytes.length <= MAX_RECORDED) return new String(bytes, StandardCharsets.UTF_8);
    return new String(bytes, 0, MAX_RECORDED, StandardCharsets.UTF_8)
        + "... ("
        + bytes.length
        + " bytes in all)";
  }
}
