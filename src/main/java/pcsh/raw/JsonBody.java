package pcsh.raw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * A body as JSON, when it is JSON: numbers kept exactly as written (no rounding through a double),
 * a duplicate key refused rather than silently dropped. A collection's items are Partner Center's
 * {@code items}, Graph's {@code value}, or the array itself.
 */
public final class JsonBody {

  private static final class Mapper {
    static final ObjectMapper JSON =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // 1.50 stays 1.50, as it was written
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
  }

  private JsonBody() {}

  static JsonNode read(String text) throws JsonProcessingException {
    return Mapper.JSON.readTree(text);
  }

  /** The body as JSON; empty when it is empty or not JSON. */
  public static Optional<JsonNode> parse(byte[] body) {
    if (body == null || body.length == 0) return Optional.empty();
    try {
      JsonNode n = Mapper.JSON.readTree(body);
      return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The items of a collection: an object's {@code items} (Partner Center) or {@code value} (Graph)
   * array, or a bare array; empty for anything else (one resource).
   */
  public static Optional<JsonNode> items(JsonNode body) {
    if (body.isArray()) return Optional.of(body);
    if (!body.isObject()) return Optional.empty();
    JsonNode items = body.get("items");
    if (items != null && items.isArray()) return Optional.of(items);
    JsonNode value = body.get("value");
    boolean graph = body.has("@odata.context") || body.has("@odata.nextLink");
    if (value != null && value.isArray() && graph) return Optional.of(value);
    return Optional.empty();
  }
}
