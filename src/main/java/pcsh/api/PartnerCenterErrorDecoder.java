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

/**
 * Turns every error response into one {@link PartnerCenterException}. Partner Center answers errors
 * in three shapes: an ApiFault ({@code code}, {@code description}, {@code data}, {@code source};
 * the code a number or a string), a gateway object ({@code statusCode}, {@code message}, as 429
 * uses), or a bare JSON string such as {@code "Customer tagging denied."}. Anything else is kept as
 * text.
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
    String body = readBody(response);
    String code = null;
    String description = null;
    try {
      JsonNode node = body.isBlank() ? null : json.readTree(body);
      if (node != null && node.isObject()) {
        code = text(node, "code", "errorCode");
        description = text(node, "description", "message", "error_description");
      } else if (node != null && node.isValueNode()) {
        description = node.asText();
      }
    } catch (IOException e) {
      description = body.strip();
    }
    if (description == null || description.isBlank()) {
      description =
          response.reason() != null && !response.reason().isBlank()
              ? response.reason()
              : "HTTP " + response.status();
    }
    Request request = response.request();
    return new PartnerCenterException(
        PartnerCenterException.Kind.RESPONSE,
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

  private String readBody(Response response) {
    if (response.body() == null) return "";
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
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
