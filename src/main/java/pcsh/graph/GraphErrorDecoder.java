package pcsh.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import pcsh.api.Transport;

/**
 * Turns every non-2xx answer into one {@link GraphException}. Graph's envelope is {@code {"error":
 * {"code", "message", "innerError": {"request-id", "client-request-id", "date"}}}}; the same ids
 * also come as response headers, which serve when the body is not Graph's (a proxy's page). A 3xx
 * is reported as a redirect that was not followed, naming only the host it pointed at.
 */
final class GraphErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY = 64 * 1024;

  private final ObjectMapper json;

  GraphErrorDecoder(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    Request request = response.request();
    Map<String, Collection<String>> headers = response.headers();
    String code = null;
    String message = null;
    JsonNode inner = null;
    String body = readBody(response);
    try {
      JsonNode error = body.isBlank() ? null : json.readTree(body).path("error");
      if (error != null && error.isObject()) {
        code = text(error.get("code"));
        message = text(error.get("message"));
        inner = error.has("innerError") ? error.get("innerError") : error.get("innererror");
      }
    } catch (IOException e) {
      // not Graph's envelope: the status and headers still say enough
    }
    int status = response.status();
    GraphException.Kind kind = GraphException.Kind.RESPONSE;
    if (status >= 300 && status < 400) {
      kind = GraphException.Kind.REDIRECT;
      message =
          "Graph answered with a redirect ("
              + status
              + ") to "
              + Transport.header(headers, "Location")
                  .map(GraphErrorDecoder::host)
                  .orElse("no location")
              + "; pcsh follows no redirect with the Graph token";
    }
    if (message == null || message.isBlank()) message = "HTTP " + status;
    return new GraphException(
        kind,
        status,
        code,
        message,
        request.httpMethod().name(),
        GraphException.withoutQuery(request.url()),
        field(inner, "request-id").or(() -> Transport.header(headers, "request-id")).orElse(null),
        field(inner, "client-request-id")
            .or(() -> Transport.header(headers, "client-request-id"))
            .or(() -> Transport.header(request.headers(), "client-request-id"))
            .orElse(null),
        field(inner, "date").or(() -> Transport.header(headers, "Date")).orElse(null));
  }

  private static String host(String location) {
    try {
      URI u = URI.create(location.strip());
      return u.getHost() == null
          ? "a relative location"
          : u.getScheme() + "://" + u.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return "an invalid location";
    }
  }

  private static Optional<String> field(JsonNode node, String name) {
    return node == null ? Optional.empty() : Optional.ofNullable(text(node.get(name)));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  private static String readBody(Response response) {
    if (response.body() == null) return "";
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
