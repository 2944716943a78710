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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    HttpRequest sent = b.build();
    Deadline deadline = new Deadline(options.readTimeoutMillis());
    HttpResponse<byte[]> response;
    try {
      if (request.httpMethod() == Request.HttpMethod.GET) {
        // synchronous: the answer reaches this thread straight from the client's selector thread,
        // where sendAsync's future would first hop through the client's executor (twice the time
        // of a bare GET on loopback)
        response = http.send(sent, deadline::body);
      } else {
        // a write: sent first, so that the kill tests' pause (inert unless PCSH_TEST_PAUSE is set)
        // sits while it is in flight
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(sent, deadline::body);
        TestPause.at("in-flight");
        try {
          response = pending.get();
        } catch (InterruptedException e) {
          pending.cancel(true);
          throw e;
        } catch (ExecutionException e) {
          throw failure(e.getCause());
        }
      }
    } catch (InterruptedException e) {
      InterruptedIOException cancelled = new InterruptedIOException("request cancelled");
      cancelled.initCause(e);
      deadline.giveUp(cancelled);
      Thread.currentThread().interrupt();
      throw cancelled;
    } catch (IOException e) {
      throw deadline.expired() ? deadline.late() : failure(e);
    } finally {
      deadline.cancel();
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

  /**
   * The whole answer within the read timeout. The JDK's own request timeout covers the wait for the
   * headers; once they are in, this gives up on a body that has not arrived in time.
   */
  private static final class Deadline {

    private final long millis;
    private final long due;
    private final AtomicReference<CappedBody> body = new AtomicReference<>();
    private final AtomicBoolean expired = new AtomicBoolean();

    Deadline(long millis) {
      this.millis = millis;
      this.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      Sweeper.LIVE.add(this);
    }

    HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
      CappedBody c = new CappedBody(MAX_BODY, info);
      body.set(c);
      if (expired.get()) c.abort(late());
      return c;
    }

    void expireIfDue(long now) {
      if (now - due < 0 || expired.getAndSet(true)) return;
      CappedBody c = body.get();
      if (c != null) c.abort(late());
    }

    boolean expired() {
      return expired.get();
    }

    HttpTimeoutException late() {
      return new HttpTimeoutException(
          "no complete answer within the read timeout (" + millis + " ms)");
    }

    /** Stops an exchange still under way: its connection is closed, whatever it was doing. */
    void giveUp(IOException why) {
      CappedBody c = body.get();
      if (c != null) c.abort(why);
    }

    void cancel() {
      Sweeper.LIVE.remove(this);
    }
  }

  /**
   * One daemon thread, started with the first request, looks at the answers under way ten times a
   * second: a timer task scheduled and cancelled for every request woke a thread each time, which
   * cost a tenth of a loopback GET. A deadline is met to within a tenth of a second.
   */
  private static final class Sweeper {
    static final Set<Deadline> LIVE = ConcurrentHashMap.newKeySet();

    static {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                  long now = System.nanoTime();
                  for (Deadline d : LIVE) d.expireIfDue(now);
                }
              },
              "pcsh-read-timeout");
      t.setDaemon(true);
      t.start();
    }

    private Sweeper() {}
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
