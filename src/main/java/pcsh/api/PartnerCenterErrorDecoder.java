package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import pcsh.output.Text;

/**
 * Turns every error response into one {@link PartnerCenterException}. Partner Center answers errors
 * in four shapes: an ApiFault ({@code code}, {@code description}, {@code data}, {@code source}; the
 * code a number or a string), a gateway object ({@code statusCode}, {@code message}, as 429 uses),
 * an RFC 7807 ProblemDetails ({@code title}, {@code detail}) from newer endpoints, or a bare JSON
 * string such as {@code "Customer tagging denied."}. Anything else (a proxy's HTML page, plain
 * text) is summed up in a line ({@link Answers#notJson}); a 3xx is a {@link
 * PartnerCenterException.Kind#REDIRECT}, never followed.
 */
final class PartnerCenterErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY = 64 * 1024;

  private final ObjectMapper json;
  private final Clock clock;

  PartnerCenterErrorDecoder(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    byte[] body = readBody(response);
    String code = null;
    String description = null;
    PartnerCenterException.Kind kind = PartnerCenterException.Kind.RESPONSE;
    if (response.status() >= 300 && response.status() < 400) {
      kind = PartnerCenterException.Kind.REDIRECT;
      description = redirect(response);
    } else {
      try {
        JsonNode node = isBlank(body) ? null : json.readTree(body);
        if (node != null && node.isObject()) {
          code = text(node, "code", "errorCode");
          description = text(node, "description", "message", "error_description");
          if (description == null) description = problem(node);
        } else if (node != null && node.isValueNode()) {
          description = node.asText();
        }
      } catch (IOException e) {
        description = "the answer is " + Answers.notJson(body, response.headers());
      }
    }
    if (description == null || description.isBlank()) {
      description =
          response.reason() != null && !response.reason().isBlank()
              ? response.reason()
              : "HTTP " + response.status();
    }
    Request request = response.request();
    return new PartnerCenterException(
        kind,
        response.status(),
        code,
        description,
        request.httpMethod().name(),
        PartnerCenterException.withoutQuery(request.url()),
        header(response.headers(), request.headers(), "MS-CorrelationId"),
        header(response.headers(), request.headers(), "MS-RequestId"),
        clock.instant(),
        retryAfter(response.headers()));
  }

  private static byte[] readBody(Response response) {
    if (response.body() == null) return new byte[0];
    try (InputStream in = response.body().asInputStream()) {
      return in.readNBytes(MAX_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean isBlank(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).isBlank();
  }

  /**
   * Where a 3xx pointed, without its query (which may carry anything): pcsh's client follows no
   * redirect, so the request, and the token with it, went nowhere else.
   */
  private static String redirect(Response response) {
    String to =
        first(response.headers(), "Location")
            .map(l -> PartnerCenterException.withoutQuery(Text.oneLine(l)))
            .map(l -> l.length() > 200 ? l.substring(0, 197) + "..." : l)
            .orElse("(no Location given)");
    return "a redirect to "
        + to
        + ", which pcsh does not follow: nothing, and no token, was sent there";
  }

  /**
   * An RFC 7807 ProblemDetails ({@code type}, {@code title}, {@code status}, {@code detail}, {@code
   * traceId}), as newer endpoints answer (spec 17): its title and detail, and the trace id.
   */
  private static String problem(JsonNode node) {
    String title = text(node, "title");
    String detail = text(node, "detail");
    if (title == null && detail == null) return null;
    String trace = text(node, "traceId");
    return (title == null ? detail : detail == null ? title : title + ": " + detail)
        + (trace == null ? "" : " (traceId " + trace + ")");
  }

  private static String text(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull() && !v.asText().isBlank()) return v.asText();
    }
    return null;
  }

  /** The id the service echoed, else the one pcsh sent. */
  static String header(
      Map<String, Collection<String>> response,
      Map<String, Collection<String>> request,
      String name) {
    return first(response, name).or(() -> first(request, name)).orElse(null);
  }

  static Optional<String> first(Map<String, Collection<String>> headers, String name) {
    if (headers == null) return Optional.empty();
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  private static Optional<Long> retryAfter(Map<String, Collection<String>> headers) {
    return first(headers, "Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Long.parseLong(v.strip()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
