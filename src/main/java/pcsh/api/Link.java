package pcsh.api;

import java.util.List;
import java.util.Optional;

/** A link inside a response; its uri is relative to the API root and omits {@code /v1}. */
public record Link(String uri, String method, List<Header> headers) {

  public record Header(String key, String value) {}

  /** The value of the link's {@code MS-ContinuationToken} header pair, when it has one. */
  Optional<String> continuationToken() {
    if (headers == null) return Optional.empty();
    return headers.stream()
        .filter(
            h ->
                "MS-ContinuationToken".equalsIgnoreCase(h.key())
                    && h.value() != null
                    && !h.value().isBlank())
        .map(Header::value)
        .findFirst();
  }
}
