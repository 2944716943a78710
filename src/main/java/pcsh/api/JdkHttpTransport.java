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
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feign over the JDK HttpClient, taking each response body whole. Feign's own Http2Client streams
 * it (BodyHandlers.ofInputStream), which hands every chunk from the client's selector thread to the
 * caller; pcsh buffers bodies anyway (they are recorded and decoded from bytes), and the handover
 * made a request take up to half as long again as the same GET with a bare HttpClient.
 */
final class JdkHttpTransport implements Client {

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
    HttpResponse<byte[]> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cancelled = new InterruptedIOException("request cancelled");
      cancelled.initCause(e);
      throw cancelled;
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
}
