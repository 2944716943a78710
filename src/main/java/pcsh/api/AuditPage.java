package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One page of audit records in the collection envelope of spec 4.2. Items stay the JSON the service
 * sent, so output can print them as they came; {@link #records()} reads them.
 */
public record AuditPage(List<JsonNode> items, Links links, String continuationToken) {

  public List<AuditRecord> records() {
    return items == null
        ? List.of()
        : items.stream().filter(JsonNode::isObject).map(AuditRecord::new).toList();
  }

  /** Whether the service says another page follows (a next link, or a continuation token). */
  public boolean hasNext() {
    return next().map(Link::uri).filter(u -> !u.isBlank()).isPresent() || token().isPresent();
  }

  /** The next page's link, when the service sent one. */
  Optional<Link> next() {
    return Optional.ofNullable(links).map(Links::next);
  }

  /** The top-level token, else the {@code MS-ContinuationToken} header of {@code links.next}. */
  Optional<String> token() {
    if (continuationToken != null && !continuationToken.isBlank())
      return Optional.of(continuationToken);
    return next().flatMap(Link::continuationToken);
  }

  public record Links(Link next) {}
}
