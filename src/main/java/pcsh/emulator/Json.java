package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The emulator's one ObjectMapper and the Link shape shared by all resources (spec 3). */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * {@code {"uri": ..., "method": "GET", "headers": []}}; uris are relative and omit /v1, as in the
   * docs.
   */
  static ObjectNode link(String uri) {
    ObjectNode link = MAPPER.createObjectNode();
    link.put("uri", uri);
    link.put("method", "GET");
    link.putArray("headers");
    return link;
  }

  static ObjectNode selfLinks(String uri) {
    ObjectNode links = MAPPER.createObjectNode();
    links.set("self", link(uri));
    return links;
  }

  /**
   * A property matched case-insensitively, as the service does for request bodies (spec 3); null if
   * absent.
   */
  static JsonNode field(JsonNode object, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase(name) && !f.getValue().isNull()) {
        return f.getValue();
      }
    }
    return null;
  }

  /**
   * A continuation token: the JSON of where the next page starts, base64url-encoded, so a seek
   * request carries everything and the emulator keeps no cursor.
   */
  static String token(JsonNode where) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(where.toString().getBytes(UTF_8));
  }

  /** The JSON inside a token; a missing or unreadable token is a 400. */
  static JsonNode untoken(String token) {
    if (token == null || token.isBlank()) {
      throw ApiException.badInput("seekOperation=Next needs the MS-ContinuationToken header.");
    }
    try {
      return MAPPER.readTree(Base64.getUrlDecoder().decode(token.trim()));
    } catch (IOException | IllegalArgumentException e) {
      throw ApiException.badInput("The continuation token is invalid or expired.");
    }
  }

  static ObjectNode attributes(String objectType) {
    ObjectNode a = MAPPER.createObjectNode();
    a.put("objectType", objectType);
    return a;
  }

  /**
   * A whole list in one answer (relationships, subscriptions, subscribed SKUs: spec 17): {@code
   * totalCount}, {@code items} and the attributes, no {@code links}.
   */
  static ObjectNode collection(List<? extends JsonNode> items) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("totalCount", items.size());
    body.putArray("items").addAll(items);
    body.set("attributes", attributes("Collection"));
    return body;
  }

  /**
   * The collection envelope of seek-based paging (spec 4.2): {@code totalCount} (items in this
   * page, as the SDK's ResourceCollection reports it), {@code items}, {@code links.self}, and, when
   * {@code nextToken} is not null, {@code links.next} carrying the token as its {@code
   * MS-ContinuationToken} header plus a top-level {@code continuationToken}.
   */
  static ObjectNode page(
      List<? extends JsonNode> items, String selfUri, String nextUri, String nextToken) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("totalCount", items.size());
    body.putArray("items").addAll(items);
    ObjectNode links = body.putObject("links");
    links.set("self", link(selfUri));
    if (nextToken != null) {
      ObjectNode next = link(nextUri);
      ((ArrayNode) next.get("headers"))
          .addObject()
          .put("key", "MS-ContinuationToken")
          .put("value", nextToken);
      links.set("next", next);
      body.put("continuationToken", nextToken);
    }
    body.set("attributes", attributes("Collection"));
    return body;
  }
}
