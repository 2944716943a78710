package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph's GDAP reads (spec 16) beside the Partner Center routes, under {@code /v1.0/}:
 * the relationships ({@code $filter} on {@code customer/tenantId} and {@code status}, joined by
 * {@code and}; {@code $top} up to 300; {@code @odata.nextLink} with a {@code $skiptoken}), one
 * relationship, and its access assignments. Graph's envelope and error shape, the {@code
 * request-id} and {@code client-request-id} headers; any bearer token is the demo partner. Which
 * error codes Graph gives for a bad filter or an unknown id is not documented: those are the
 * emulator's choice. The {@code graph} fault answers every request with 403 or 503.
 */
final class GraphRoutes {

  static final String CONTENT_TYPE =
      "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8";
  private static final String RELATIONSHIPS =
      "/v1.0/tenantRelationships/delegatedAdminRelationships";
  private static final int DEFAULT_TOP = 100;
  private static final Pattern CLAUSE =
      Pattern.compile("(?i)\\s*(customer/tenantId|status)\\s+eq\\s+'((?:[^']|'')*)'\\s*");

  /** Status, body and headers of a Graph answer. */
  record Reply(int status, JsonNode body, Map<String, String> headers) {}

  private final List<GdapSeed.Entry> seed;
  private final FaultInjector faults;

  GraphRoutes(List<GdapSeed.Entry> seed, FaultInjector faults) {
    this.seed = seed;
    this.faults = faults;
  }

  static boolean isGraph(List<String> segments) {
    return !segments.isEmpty() && segments.get(0).equals("v1.0");
  }

  Reply respond(String method, URI uri, Headers in) {
    String clientRequestId = in.getFirst("client-request-id");
    String cid =
        clientRequestId == null || clientRequestId.isBlank()
            ? UUID.randomUUID().toString()
            : clientRequestId.strip();
    String requestId = UUID.randomUUID().toString();
    JsonNode body;
    int status = 200;
    try {
      body = route(method, uri, in);
    } catch (GraphError e) {
      status = e.status;
      body = error(e.code, e.getMessage(), requestId, cid);
    } catch (ApiException e) { // a malformed query string
      status = 400;
      body = error("BadRequest", e.description(), requestId, cid);
    }
    return new Reply(status, body, Map.of("request-id", requestId, "client-request-id", cid));
  }

  private JsonNode route(String method, URI uri, Headers in) {
    String auth = in.getFirst("Authorization");
    if (auth == null || !auth.trim().toLowerCase(Locale.ROOT).matches("bearer\\s+\\S.*")) {
      throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    int fault = faults.faults().graphStatus();
    if (fault == 403) {
      throw new GraphError(
          403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
    if (fault == 503) {
      throw new GraphError(
          503, "serviceNotAvailable", "The service is temporarily unavailable (emulator fault).");
    }
    ApiRequest r = ApiRequest.of(method, uri, in, new byte[0]);
    List<String> s = r.segments();
    boolean relationships =
        s.size() >= 3
            && s.get(1).equalsIgnoreCase("tenantRelationships")
            && s.get(2).equalsIgnoreCase("delegatedAdminRelationships");
    if (!relationships
        || s.size() > 5
        || (s.size() == 5 && !s.get(4).equals("accessAssignments"))) {
      throw new GraphError(
          400, "BadRequest", "Resource not found for the segment '" + s.get(s.size() - 1) + "'.");
    }
    if (!r.method().equals("GET")) {
      throw new GraphError(405, "Request_BadRequest", "The emulator serves GDAP reads only.");
    }
    String base = "http://" + in.getFirst("Host");
    if (s.size() == 3) {
      Predicate<GdapSeed.Entry> keep = filter(r.query("$filter"));
      List<JsonNode> items = new ArrayList<>();
      seed.stream().filter(keep).forEach(e -> items.add(e.relationship()));
      return page(items, r, base + RELATIONSHIPS, "delegatedAdminRelationships");
    }
    GdapSeed.Entry entry =
        seed.stream()
            .filter(e -> e.id().equalsIgnoreCase(s.get(3)))
            .findFirst()
            .orElseThrow(
                () ->
                    new GraphError(
                        404,
                        "ResourceNotFound",
                        "The delegated admin relationship '" + s.get(3) + "' was not found."));
    if (s.size() == 4) return entry.relationship();
    if (r.query("$filter") != null) {
      throw new GraphError(
          400, "BadRequest", "The emulator takes no $filter on accessAssignments.");
    }
    return page(
        new ArrayList<>(entry.assignments()),
        r,
        base + RELATIONSHIPS + "/" + entry.id() + "/accessAssignments",
        "accessAssignments");
  }

  /** Graph's collection envelope with a {@code $skiptoken} next link while items remain. */
  private static ObjectNode page(List<JsonNode> items, ApiRequest r, String self, String set) {
    int top = intParam(r.query("$top"), DEFAULT_TOP, "$top");
    if (top < 1 || top > 300) {
      throw new GraphError(400, "BadRequest", "$top must be between 1 and 300.");
    }
    int offset = skip(r.query("$skiptoken"));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + set);
    ArrayNode value = body.putArray("value");
    items.stream().skip(offset).limit(top).forEach(value::add);
    if (offset + top < items.size()) {
      String filter = r.query("$filter");
      body.put(
          "@odata.nextLink",
          self
              + "?"
              + (filter == null ? "" : "$filter=" + encode(filter) + "&")
              + "$top="
              + top
              + "&$skiptoken="
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(("offset:" + (offset + top)).getBytes(UTF_8)));
    }
    return body;
  }

  private static Predicate<GdapSeed.Entry> filter(String text) {
    Predicate<GdapSeed.Entry> all = e -> true;
    if (text == null || text.isBlank()) return all;
    for (String clause : text.split("(?i)\\s+and\\s+", -1)) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new GraphError(
            400,
            "BadRequest",
            "Invalid filter clause: the emulator takes customer/tenantId eq '...' and status eq"
                + " '...', joined by and.");
      }
      String value = m.group(2).replace("''", "'");
      Predicate<GdapSeed.Entry> p =
          m.group(1).equalsIgnoreCase("status")
              ? e -> e.relationship().path("status").asText().equalsIgnoreCase(value)
              : e -> e.tenantId().equalsIgnoreCase(value);
      all = all.and(p);
    }
    return all;
  }

  private static int skip(String token) {
    if (token == null) return 0;
    try {
      String t = new String(Base64.getUrlDecoder().decode(token), UTF_8);
      if (t.startsWith("offset:")) return Math.max(0, Integer.parseInt(t.substring(7)));
    } catch (IllegalArgumentException e) {
      // reported below (NumberFormatException is one)
    }
    throw new GraphError(400, "BadRequest", "The $skiptoken is not one the emulator gave.");
  }

  private static int intParam(String v, int def, String name) {
    if (v == null) return def;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new GraphError(400, "BadRequest", name + " must be a whole number.");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, UTF_8).replace("+", "%20");
  }

  /** Graph's error envelope (spec 16): code, message, and the ids in innerError. */
  static ObjectNode error(String code, String message, String requestId, String clientRequestId) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    // Graph writes the date without a zone: "2026-11-25T10:00:00"
    inner.put(
        "date",
        java.time.Instant.now()
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString()
            .replace("Z", ""));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    return body;
  }

  /** A Graph error answer. */
  private static final class GraphError extends RuntimeException {
    private final int status;
    private final String code;

    GraphError(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
