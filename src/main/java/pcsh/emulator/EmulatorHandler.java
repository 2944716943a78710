package pcsh.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The protocol around the resources: common headers (spec 2), bearer check, routing and ApiFault errors (9). */
final class EmulatorHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S.*");

    private final Resources resources;
    private final AtomicLong requests = new AtomicLong();

    EmulatorHandler(Resources resources) {
        this.resources = resources;
    }

    long requestCount() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            // read the whole body first so the connection can be reused whatever the outcome
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers in = exchange.getRequestHeaders();
            ApiResponse response = respond(in, () -> route(ApiRequest.of(exchange.getRequestMethod(),
                    exchange.getRequestURI(), in, body)));

            Headers out = exchange.getResponseHeaders();
            out.set("Content-Type", CONTENT_TYPE);
            out.set("MS-CorrelationId", orNewGuid(in.getFirst("MS-CorrelationId")));
            out.set("MS-RequestId", orNewGuid(in.getFirst("MS-RequestId")));
            out.set("MS-CV", correlationVector(in.getFirst("MS-CV")));
            out.set("MS-ServerId", "pcsh-emulator");
            response.headers().forEach(out::set);
            byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
            exchange.sendResponseHeaders(response.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    private static ApiResponse respond(Headers in, Supplier<ApiResponse> route) {
        try {
            String auth = in.getFirst("Authorization");
            if (auth == null || !BEARER.matcher(auth.trim()).matches()) {
                return ApiResponse.fault(401, 800001, "Partner token missing in request context",
                        Map.of("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:" + Emulator.DEMO_PARTNER_ID));
            }
            return route.get();
        } catch (ApiException e) {
            return ApiResponse.fault(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            return ApiResponse.fault(500, 800003, "Unexpected service error: " + e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            return ApiResponse.fault(500, 800003, "Unexpected service error: " + e, Map.of());
        }
    }

    private ApiResponse route(ApiRequest r) {
        List<String> s = r.segments();
        if (s.size() >= 2 && s.get(0).equalsIgnoreCase("v1") && s.get(1).equalsIgnoreCase("customers")) {
            if (s.size() == 2) {
                return methods(r, Map.of("GET", () -> resources.listCustomers(r)));
            }
            if (s.size() == 4 && s.get(2).equalsIgnoreCase("all") && s.get(3).equalsIgnoreCase("validations")) {
                return methods(r, Map.of("GET", resources::validationCodes));
            }
            String id = s.get(2);
            if (s.size() == 3) {
                return methods(r, Map.of("GET", () -> resources.customer(id)));
            }
            if (s.size() == 4 && s.get(3).equalsIgnoreCase("qualification")) {
                return methods(r, ordered("GET", () -> resources.legacyQualification(id),
                        "PUT", () -> resources.updateLegacyQualification(id, r)));
            }
            if (s.size() == 4 && s.get(3).equalsIgnoreCase("qualifications")) {
                return methods(r, ordered("GET", () -> resources.qualifications(id),
                        "POST", () -> resources.createQualification(id, r)));
            }
        }
        throw new ApiException(404, 1000, "Resource not found: " + r.path());
    }

    private static ApiResponse methods(ApiRequest r, Map<String, Supplier<ApiResponse>> byMethod) {
        Supplier<ApiResponse> handler = byMethod.get(r.method());
        if (handler == null) {
            String allow = String.join(", ", byMethod.keySet());
            return ApiResponse.fault(405, 800002, "Method " + r.method() + " is not allowed on " + r.path()
                    + "; allowed: " + allow + ".", Map.of("Allow", allow));
        }
        return handler.get();
    }

    private static Map<String, Supplier<ApiResponse>> ordered(String m1, Supplier<ApiResponse> h1, String m2,
                                                              Supplier<ApiResponse> h2) {
        Map<String, Supplier<ApiResponse>> map = new LinkedHashMap<>();
        map.put(m1, h1);
        map.put(m2, h2);
        return map;
    }

    private static String orNewGuid(String value) {
        return value == null || value.isBlank() ? UUID.randomUUID().toString() : value;
    }

    /** Extends the caller's correlation vector, or starts one, in the {@code base.n} form seen on the wire. */
    private static String correlationVector(String incoming) {
        if (incoming != null && !incoming.isBlank()) {
            return incoming.trim() + ".0";
        }
        byte[] seed = new byte[12];
        ThreadLocalRandom.current().nextBytes(seed);
        return Base64.getEncoder().encodeToString(seed) + ".0";
    }
}
