package pcsh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * A JMESPath expression ({@code --query}), compiled before anything is sent so a typo costs
 * nothing.
 */
public final class Query {

  private static final JacksonRuntime RUNTIME = new JacksonRuntime();

  private final String text;
  private final Expression<JsonNode> expression;

  private Query(String text, Expression<JsonNode> expression) {
    this.text = text;
    this.expression = expression;
  }

  public static Query compile(String text) {
    try {
      return new Query(text, RUNTIME.compile(text));
    } catch (RuntimeException e) {
      throw new InvalidQueryException(text, e.getMessage());
    }
  }

  /** The expression's result on {@code input}. */
  public JsonNode apply(JsonNode input) {
    return expression.search(input);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The expression is not JMESPath; the message says where. */
  public static final class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String query, String why) {
      super(
          "--query '"
              + Text.oneLine(query)
              + "' is not a JMESPath expression: "
              + Text.oneLine(why));
    }
  }
}
