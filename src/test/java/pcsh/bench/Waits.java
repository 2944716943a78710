package pcsh.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RetryPolicy;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.session.Redactor;

/**
 * What the suite once bounded by the clock and now only checks for correctness: the emulator at
 * 100,000 customers (start, one filtered page and a lookup; then every page of 500), how long a
 * read waits on a 429 with {@code Retry-After: 1} before its second attempt succeeds, and how soon
 * an interrupted request (Ctrl-C) ends.
 */
final class Waits {

  private static final Pattern TOKEN =
      Pattern.compile("\"continuationToken\"\\s*:\\s*\"([^\"]+)\"");

  private Waits() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    List<Bench.Row> rows = new ArrayList<>();
    int customers = options.customers();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    long started = System.nanoTime();
    try (Emulator big = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(customers))) {
      String base = big.baseUrl().toString().replaceAll("/$", "");
      String filter =
          java.net.URLEncoder.encode(
              "{\"Field\":\"Domain\",\"Value\":\"willow\",\"Operator\":\"starts_with\"}", UTF_8);
      get(http, base + "/v1/customers?filter=" + filter, null);
      get(http, base + "/v1/customers/" + generatedId(customers - 8), null);
      double ready = (System.nanoTime() - started) / 1e9;
      rows.add(
          Bench.Row.goal(
              String.format(
                  Locale.ROOT,
                  "emulator: start with %,d customers, a filtered page and a lookup",
                  customers),
              String.format(Locale.ROOT, "%.2f s", ready),
              "<= 5 s (a test once bounded it)",
              ready <= 5));

      long paging = System.nanoTime();
      int pages = 1;
      String body = get(http, base + "/v1/customers?size=500", null);
      for (Matcher m = TOKEN.matcher(body); m.find(); m = TOKEN.matcher(body)) {
        body = get(http, base + "/v1/customers?seekOperation=Next", m.group(1));
        pages++;
      }
      double seconds = (System.nanoTime() - paging) / 1e9;
      rows.add(
          Bench.Row.goal(
              String.format(Locale.ROOT, "emulator: every page of 500 of %,d customers", customers),
              String.format(
                  Locale.ROOT,
                  "%.2f s, %d pages, %.1f ms a page",
                  seconds,
                  pages,
                  seconds * 1e3 / pages),
              "<= 5 s per 20,000 customers (a test once bounded it)",
              seconds <= 5.0 * customers / 20_000));
    }

    rows.add(retryAfter());
    rows.add(cancel());
    return rows;
  }

  /** A GET answered 429 with {@code Retry-After: 1}, then 200: the second attempt's wait. */
  private static Bench.Row retryAfter() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    HttpServer server = server();
    server.createContext(
        "/",
        x -> {
          x.getRequestBody().readAllBytes();
          byte[] body =
              seen.getAndIncrement() == 0
                  ? "{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}".getBytes(UTF_8)
                  : customerJson().getBytes(UTF_8);
          x.getResponseHeaders().set("Content-Type", "application/json");
          if (seen.get() == 1) x.getResponseHeaders().set("Retry-After", "1");
          x.sendResponseHeaders(seen.get() == 1 ? 429 : 200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    try {
      PartnerCenterClient client = client(server, RetryPolicy.defaults());
      long start = System.nanoTime();
      client.customer(ID);
      double seconds = (System.nanoTime() - start) / 1e9;
      return Bench.Row.goal(
          "retry: a read answered 429 with Retry-After: 1, then 200",
          String.format(Locale.ROOT, "%.2f s, %d attempts", seconds, seen.get()),
          "the 1 s asked for, and little more (1-1.5 s)",
          seconds >= 1 && seconds <= 1.5);
    } finally {
      server.stop(0);
    }
  }

  /** A request to a server that never answers, interrupted as Ctrl-C does: until it ends. */
  private static Bench.Row cancel() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = server();
    server.createContext(
        "/",
        x -> {
          arrived.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          x.close();
        });
    server.start();
    try {
      PartnerCenterClient client = client(server, RetryPolicy.none());
      long[] ended = new long[1];
      Thread command =
          new Thread(
              () -> {
                try {
                  client.customer(ID);
                } catch (RuntimeException e) {
                  // cancelled: what is measured
                }
                ended[0] = System.nanoTime();
              });
      command.start();
      arrived.await();
      long interrupted = System.nanoTime();
      command.interrupt();
      command.join();
      double ms = (ended[0] - interrupted) / 1e6;
      return Bench.Row.goal(
          "cancel: Ctrl-C on a request in flight, until the command ends",
          String.format(Locale.ROOT, "%.1f ms", ms),
          "<= 3 s (a test once bounded it)",
          ms <= 3000);
    } finally {
      release.countDown();
      server.stop(0);
    }
  }

  private static final String ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";

  private static String customerJson() {
    return "{\"id\":\""
        + ID
        + "\",\"companyProfile\":{\"tenantId\":\""
        + ID
        + "\",\"domain\":\"northwindtraders.onmicrosoft.com\",\"companyName\":\"Northwind"
        + " Traders\"},\"relationshipToPartner\":\"reseller\",\"attributes\":{\"objectType\":"
        + "\"Customer\"}}";
  }

  private static HttpServer server() throws java.io.IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  private static PartnerCenterClient client(HttpServer server, RetryPolicy retry) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return new PartnerCenterClient(
        () -> base,
        () -> Optional.of("bench-token"),
        () -> "corr-bench",
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        () -> false,
        new ExchangeLog(),
        retry,
        Redactor.shared());
  }

  private static String get(HttpClient http, String url, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer bench-token");
    if (token != null) b.header("MS-ContinuationToken", token);
    HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(url + ": " + r.statusCode());
    return r.body();
  }

  /** The id of the emulator's i-th generated customer. */
  private static String generatedId(int i) {
    return UUID.nameUUIDFromBytes(("pcsh-emulator-customer-" + i).getBytes(UTF_8)).toString();
  }
}
