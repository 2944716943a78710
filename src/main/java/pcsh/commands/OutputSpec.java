package pcsh.commands;

import java.util.Optional;
import pcsh.output.OutputFormat;
import pcsh.output.Query;
import pcsh.output.Structured;

/** How one command prints: the format, and an optional JMESPath {@code --query}. */
record OutputSpec(OutputFormat format, Optional<Query> query) {

  /** Anything but a plain table prints the API's objects. */
  boolean structured() {
    return format != OutputFormat.TABLE || query.isPresent();
  }

  String render(Object value, int width) {
    return Structured.render(format, value, query, width);
  }
}
