package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The protocol around the resources: common headers (spec 2), bearer check, the MFA rule (15) when
 * on, routing, ApiFault errors (9) and the injected {@link Faults}, which only {@code /v1/...}
 * requests meet. Microsoft Graph's {@code /v1.0/...} paths go to {@link GraphRoutes}, with Graph's
 * own headers and envelope. (Past 300 lines: each rule is a short step of the one request path, in
 * the order the service applies them.)
 */
final class EmulatorHandler implements HttpHandler {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S.*");

  private final RouteTable routes;
  private final FaultInjector faults;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong handlingNanos = new AtomicLong();
  private final RateLimits rateLimits;
  private final GraphRoutes graph;
  private final boolean requireMfa;

  EmulatorHandler(
      RouteTable routes,
      FaultInjector faults,
      RateLimits rateLimits,
      GraphRoutes graph,
      boolean requireMfa) {
    this.routes = routes;
    this.faults = faults;
    this.rateLimits = rateLimits;
    this.graph = graph;
    this.requireMfa = requireMfa;
  }

  /** Requests refused with 429 by the rate limit (not the injected throttling). */
  long throttledCount() {
    return rateLimits.refused();
  }

  long requestCount() {
    return requests.get();
  }

  long handlingNanos() {
    return handlingNanos.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    try {
      requests.incrementAndGet();
      // read the whole body first so the connection can be reused whatever the outcome
      byte[] body = exchange.getRequestBody().readAllBytes();
      Headers in = exchange.getRequestHeaders();
      List<String> segments = ApiRequest.segmentsOf(exchange.getRequestURI().getPath());
      if (GraphRoutes.isGraph(segments)) {
        GraphRoutes.Reply g =
            graph.respond(exchange.getRequestMethod(), exchange.getRequestURI(), in);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(g.body());
        exchange.getResponseHeaders().set("Content-Type", GraphRoutes.CONTENT_TYPE);
        g.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(g.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        return;
      }
      boolean api = !segments.isEmpty() && segments.get(0).equalsIgnoreCase("v1");
      int retryAfter = rateLimits.take(segments);
      FaultInjector.Plan plan = api && retryAfter == 0 ? faults.next() : null;
      if (plan != null && !plan.delay().isZero()) {
        sleep(plan.delay());
      }
      Reply reply =
          retryAfter > 0
              ? throttled(retryAfter)
              : plan != null && plan.fault() != FaultInjector.Kind.NONE
                  ? faultReply(plan)
                  : Reply.of(
                      respond(
                          in,
                          claims ->
                              routes.dispatch(
                                  ApiRequest.of(
                                      exchange.getRequestMethod(),
                                      exchange.getRequestURI(),
                                      in,
                                      body),
                                  claims)));
      if (plan != null
          && plan.dropAfterWrite()
          && reply.status() / 100 == 2
          && isWrite(exchange.getRequestMethod(), segments)) {
        return; // the write is applied and saved; the client gets no answer (closed below)
      }

      Headers out = exchange.getResponseHeaders();
      out.set("Content-Type", reply.contentType());
      out.set("MS-CorrelationId", orNewGuid(in.getFirst("MS-CorrelationId")));
      out.set("MS-RequestId", orNewGuid(in.getFirst("MS-RequestId")));
      out.set("MS-CV", correlationVector(in.getFirst("MS-CV")));
      out.set("MS-ServerId", "pcsh-emulator");
      reply.headers().forEach(out::set);
      exchange.sendResponseHeaders(reply.status(), reply.body().length);
      exchange.getResponseBody().write(reply.body());
    } finally {
      // without response headers sent, this closes the connection itself: the dropped-connection
      // fault
      exchange.close();
      handlingNanos.addAndGet(System.nanoTime() - start);
    }
  }

  /**
   * Status, content type, bytes and extra headers of what goes on the wire. The bytes are written
   * once and never compared, so an array is fine here.
   */
  @SuppressWarnings("ArrayRecordComponent")
  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Reply of(ApiResponse r) {
      try {
        return new Reply(
            r.status(), CONTENT_TYPE, Json.MAPPER.writeValueAsBytes(r.body()), r.headers());
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Reply faultReply(FaultInjector.Plan plan) {
    return switch (plan.fault()) {
      case EXPIRED_TOKEN ->
          Reply.of(
              ApiResponse.fault(
                  401,
                  800001,
                  "The access token has expired",
                  Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
      case MFA_REQUIRED -> Reply.of(MfaRule.refusal());
      case THROTTLED -> throttled(plan.retryAfterSeconds());
      case SERVER_ERROR_500 ->
          Reply.of(
              ApiResponse.fault(
                  500, 800003, "Unexpected service error (injected by the emulator)", Map.of()));
      case SERVER_ERROR_503 ->
          Reply.of(
              ApiResponse.fault(
                  503,
                  800003,
                  "The service is busy, try again later (injected by the emulator)",
                  Map.of()));
      case MALFORMED_HTML ->
          new Reply(
              500,
              "text/html; charset=utf-8",
              "<html>upstream error</html>".getBytes(UTF_8),
              Map.of());
      case BARE_STRING ->
          new Reply(400, CONTENT_TYPE, "\"Customer tagging denied.\"".getBytes(UTF_8), Map.of());
      case NONE -> throw new IllegalArgumentException("no fault");
    };
  }

  /** The gateway's 429 (spec 9.4): its own body shape, not an ApiFault. */
  private static Reply throttled(int seconds) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("statusCode", 429);
    n.put("message", "Rate limit is exceeded. Try again in " + seconds + " seconds.");
    return Reply.of(new ApiResponse(429, n, Map.of("Retry-After", Integer.toString(seconds))));
  }

  private static boolean isWrite(String method, List<String> s) {
    if (s.size() != 4) {
      return false;
    }
    return (method.equalsIgnoreCase("PUT") && s.get(3).equalsIgnoreCase("qualification"))
        || (method.equalsIgnoreCase("POST") && s.get(3).equalsIgnoreCase("qualifications"));
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ApiResponse respond(Headers in, Function<BearerClaims, ApiResponse> route) {
    try {
      String auth = in.getFirst("Authorization");
      if (auth == null || !BEARER.matcher(auth.trim()).matches()) {
        return ApiResponse.fault(
            401,
            800001,
            "Partner token missing in request context",
            Map.of("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:" + Emulator.DEMO_PARTNER_ID));
      }
      if (requireMfa && !MfaRule.satisfied(auth)) return MfaRule.refusal();
      return route.apply(BearerClaims.of(auth));
    } catch (ApiException e) {
      return ApiResponse.fault(e);
    } catch (UncheckedIOException | IllegalStateException e) {
      return ApiResponse.fault(
          500, 800003, "Unexpected service error: " + e.getMessage(), Map.of());
    } catch (RuntimeException e) {
      return ApiResponse.fault(500, 800003, "Unexpected service error: " + e, Map.of());
    }
  }

  private static String orNewGuid(String value) {
    return value == null || value.isBlank() ? UUID.randomUUID().toString() : value;
  }

  /**
   * Extends the caller's correlation vector, or starts one, in the {@code base.n} form seen on the
   * wire.
   */
  private static String correlationVector(String incoming) {
    if (incoming != null && !incoming.isBlank()) {
      return incoming.trim() + ".0";
    }
    byte[] seed = new byte[12];
    ThreadLocalRandom.current().nextBytes(seed);
    return Base64.getEncoder().encodeToString(seed) + ".0";
  }
}
