package pcsh.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server that answers exactly the bytes a test tells it to, however broken
 * (wrong Content-Length, a body cut off, one byte at a time, 50 MB, not UTF-8), and records every
 * request it receives. Each answer closes its connection.
 */
public final class HostileServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(String method, String target, Map<String, String> headers, String body) {
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes one raw answer; the connection is closed after it. */
  @FunctionalInterface
  public interface Answer {
    void write(OutputStream out, AtomicLong written) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(HostileServer::daemon);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private final Function<Received, Answer> router;

  private HostileServer(Function<Received, Answer> router) throws IOException {
    this.router = router;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  /** Starts answering each request with what {@code router} picks for it. */
  public static HostileServer start(Function<Received, Answer> router) throws IOException {
    return new HostileServer(router);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Body bytes the answers put on the wire so far (before the client hung up, if it did). */
  public long bodyBytesWritten() {
    return written.get();
  }

  /** A complete answer with a Content-Length. */
  public static Answer answer(int status, String contentType, byte[] body) {
    return answer(status, contentType, body, Map.of());
  }

  public static Answer answer(
      int status, String contentType, byte[] body, Map<String, String> headers) {
    return (out, written) -> {
      Map<String, String> h = new LinkedHashMap<>(headers);
      if (contentType != null) h.put("Content-Type", contentType);
      h.put("Content-Length", Integer.toString(body.length));
      head(out, status, h);
      out.write(body);
      written.addAndGet(body.length);
    };
  }

  public static Answer json(int status, String body) {
    return answer(status, "application/json; charset=utf-8", bytes(body));
  }

  /** The body announced whole, then sent one byte every {@code every}. */
  public static Answer trickle(int status, byte[] body, Duration every) {
    return (out, written) -> {
      head(
          out,
          status,
          Map.of("Content-Type", "application/json", "Content-Length", "" + body.length));
      for (byte b : body) {
        out.write(b);
        out.flush();
        written.incrementAndGet();
        sleep(every);
      }
    };
  }

  /** Announces {@code announced} bytes, sends {@code body}, and closes the connection. */
  public static Answer cutOff(int status, byte[] body, int announced) {
    return (out, written) -> {
      head(
          out,
          status,
          Map.of("Content-Type", "application/json", "Content-Length", "" + announced));
      out.write(body);
      written.addAndGet(body.length);
    };
  }

  /** {@code total} bytes of a JSON array, no Content-Length: the body ends when the answer does. */
  public static Answer endless(long total) {
    return (out, written) -> {
      head(out, 200, Map.of("Content-Type", "application/json"));
      byte[] chunk = bytes("\"" + "x".repeat(8190) + "\",");
      out.write('[');
      for (long sent = 1; sent < total; sent += chunk.length) {
        out.write(chunk);
        written.addAndGet(chunk.length);
      }
    };
  }

  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void head(OutputStream out, int status, Map<String, String> headers)
      throws IOException {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    b.append("Connection: close\r\n\r\n");
    out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      String requestLine = line(in);
      if (requestLine == null || requestLine.isEmpty()) return;
      Map<String, String> headers = new LinkedHashMap<>();
      for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
        int colon = l.indexOf(':');
        if (colon > 0)
          headers.put(
              l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              l.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      String[] parts = requestLine.split(" ", -1);
      Received r = new Received(parts[0], parts[1], headers, body);
      received.add(r);
      OutputStream out = s.getOutputStream();
      router.apply(r).write(out, written);
      out.flush();
    } catch (IOException | RuntimeException e) {
      // the client hung up (a timeout, a body too large): that is what these tests are about
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') return b.toString(StandardCharsets.ISO_8859_1).stripTrailing();
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("stopped", e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "hostile-server");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
