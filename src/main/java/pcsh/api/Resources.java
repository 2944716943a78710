package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an answer of the customer's other resources (spec 17 to 22) must be for pcsh to use it: a
 * collection is an object with an {@code items} list (the relationships of a customer without
 * indirect partners may also be {@code null}, spec 18), anything else one object. Field names match
 * in any case.
 */
final class Resources {

  /** The shape an endpoint answers with. */
  enum Shape {
    COLLECTION,
    NULLABLE_COLLECTION,
    OBJECT
  }

  private static final String CUSTOMER = "/v1/customers/[^/?]+";

  private static final List<Pattern> NULLABLE = List.of(end(CUSTOMER + "/relationships"));
  private static final List<Pattern> COLLECTIONS =
      List.of(
          end("/v1/relationships"),
          end(CUSTOMER + "/(subscriptions|subscribedskus|users|servicerequests)"),
          end(CUSTOMER + "/users/[^/?]+/directoryroles"),
          end("/v1/servicerequests"));
  private static final List<Pattern> OBJECTS =
      List.of(
          end(CUSTOMER + "/profiles/(company|billing)"),
          end(CUSTOMER + "/(subscriptions|users)/[^/?]+"),
          end(CUSTOMER + "/validationStatus"),
          end("/v1/servicerequests/[^/?]+"));

  private Resources() {}

  private static Pattern end(String path) {
    return Pattern.compile("(?i).*" + path + "/?");
  }

  /** The shape of the answer at {@code path} (a URL without its query), if it is one of these. */
  static Optional<Shape> shape(String path) {
    if (NULLABLE.stream().anyMatch(p -> p.matcher(path).matches()))
      return Optional.of(Shape.NULLABLE_COLLECTION);
    if (COLLECTIONS.stream().anyMatch(p -> p.matcher(path).matches()))
      return Optional.of(Shape.COLLECTION);
    if (OBJECTS.stream().anyMatch(p -> p.matcher(path).matches())) return Optional.of(Shape.OBJECT);
    return Optional.empty();
  }

  static Optional<String> missing(Shape shape, JsonNode tree) {
    if (tree == null || tree.isNull()) {
      return shape == Shape.NULLABLE_COLLECTION ? Optional.empty() : Optional.of("it is null");
    }
    if (!tree.isObject()) return Optional.of("it is not an object");
    if (shape == Shape.OBJECT) return Optional.empty();
    JsonNode items = Resource.field(tree, "items");
    if (items.isMissingNode() || items.isNull())
      return Optional.of("the collection has no items list");
    if (!items.isArray()) return Optional.of("the collection's items are not a list");
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isObject())
        return Optional.of("item " + (i + 1) + " of the collection is not an object");
    }
    return Optional.empty();
  }
}
