package pcsh.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One page of customers. The next page is found from the top-level {@code continuationToken} or,
 * when only that is sent, from the {@code MS-ContinuationToken} header pair of {@code links.next}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerPage(
    Integer totalCount,
    List<Customer> items,
    Links links,
    String continuationToken,
    JsonNode attributes) {

  public List<Customer> itemsOrEmpty() {
    return items == null ? List.of() : items;
  }

  public Optional<String> nextToken() {
    if (continuationToken != null && !continuationToken.isBlank())
      return Optional.of(continuationToken);
    if (links == null || links.next() == null) return Optional.empty();
    return links.next().continuationToken();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Links(Link self, Link next, Link previous) {}
}
