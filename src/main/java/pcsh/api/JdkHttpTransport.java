package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import pcsh.session.TestPause;

/**
 * Feign over the JDK HttpClient, taking each response body whole. Feign's own Http2Client streams
 * it (BodyHandlers.ofInputStream), which hands every chunk from the client's selector thread to the
 * caller; pcsh buffers bodies anyway (they are recorded and decoded from bytes), and the handover
 * made a request take up to half as long again as the same GET with a bare HttpClient.
 *
 * <p>The whole answer, body included, must arrive within the read timeout (the JDK's own request
 * timeout stops at the headers, so a body trickling in would hold pcsh for ever), and a body may be
 * at most {@link #MAX_BODY} bytes.
 */
final class JdkHttpTransport implements Client {

  /**
   * The largest answer pcsh takes: a page of 500 customers is well under 1 MB, so 8 MB leaves room
   * and still bounds memory.
   */
  static final int MAX_BODY = 8 * 1024 * 1024;

  /** Headers the JDK HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;

  JdkHttpTransport(HttpClient http) {
    this.http = http;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(new URI(request.url()));
    } catch (URISyntaxException e) {
      throw new IOException("Invalid uri " + request.url(), e);
    }
    b.timeout(Duration.ofMillis(options.readTimeoutMillis()));
    b.method(
        request.httpMethod().name(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) continue;
      for (String value : h.getValue()) b.header(h.getKey(), value);
    }
    AtomicReference<CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(
            b.build(),
            info -> {
              CappedBody c = new CappedBody(MAX_BODY, info);
              body.set(c);
              return c;
            });
    if (request.httpMethod() != Request.HttpMethod.GET) TestPause.at("in-flight");
    HttpResponse<byte[]> response;
    try {
      response = pending.get(options.readTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      HttpTimeoutException late =
          new HttpTimeoutException(
              "no complete answer within the read timeout ("
                  + options.readTimeoutMillis()
                  + " ms)");
      giveUp(pending, body.get(), late);
      throw late;
    } catch (InterruptedException e) {
      InterruptedIOException cancelled = new InterruptedIOException("request cancelled");
      cancelled.initCause(e);
      giveUp(pending, body.get(), cancelled);
      Thread.currentThread().interrupt();
      throw cancelled;
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
    return Response.builder()
        .status(response.statusCode())
        .reason("")
        .headers(Map.<String, Collection<String>>copyOf(response.headers().map()))
        .body(response.body())
        .request(request)
        .protocolVersion(
            response.version() == HttpClient.Version.HTTP_2
                ? Request.ProtocolVersion.HTTP_2
                : Request.ProtocolVersion.HTTP_1_1)
        .build();
  }

  /** Stops an exchange still under way: its connection is closed, whatever it was doing. */
  private static void giveUp(
      CompletableFuture<HttpResponse<byte[]>> pending, CappedBody body, IOException why) {
    if (body != null) body.abort(why);
    pending.cancel(true);
  }

  /** What the JDK failed with, as the IOException Feign expects from a transport. */
  private static IOException failure(Throwable cause) {
    UnusableExchange unusable = UnusableExchange.in(cause);
    if (unusable != null) return unusable;
    if (cause instanceof IOException io) return io;
    if (cause instanceof RuntimeException r) throw r;
    return new IOException(cause);
  }
}
