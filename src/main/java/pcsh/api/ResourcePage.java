package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A collection in the envelope of spec 17 ({@code totalCount}, {@code items}, {@code links}, {@code
 * attributes}): its items as sent, and where the next page is, when the service pages it. A {@code
 * null} answer (one documented for a customer without indirect partners) is an empty collection.
 */
public record ResourcePage(JsonNode json) {

  public List<Resource> items() {
    List<Resource> out = new ArrayList<>();
    Resource.field(json, "items").forEach(i -> out.add(new Resource(i)));
    return out;
  }

  /** Whether the service says another page follows (a next link, or a continuation token). */
  public boolean hasNext() {
    return next().map(Link::uri).filter(u -> !u.isBlank()).isPresent() || token().isPresent();
  }

  /** The next page's link ({@code links.next}), when the service sent one. */
  Optional<Link> next() {
    JsonNode next = Resource.at(json, "links", "next");
    if (!next.isObject()) return Optional.empty();
    List<Link.Header> headers = new ArrayList<>();
    Resource.field(next, "headers")
        .forEach(
            h ->
                headers.add(
                    new Link.Header(
                        text(Resource.field(h, "key")), text(Resource.field(h, "value")))));
    return Optional.of(
        new Link(text(Resource.field(next, "uri")), text(Resource.field(next, "method")), headers));
  }

  /** The top-level {@code continuationToken}, else the one {@code links.next} carries. */
  Optional<String> token() {
    String top = text(Resource.field(json, "continuationToken"));
    if (top != null && !top.isBlank()) return Optional.of(top);
    return next().flatMap(Link::continuationToken);
  }

  private static String text(JsonNode n) {
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }
}
