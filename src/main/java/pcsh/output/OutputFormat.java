package pcsh.output;

import java.util.Locale;
import java.util.Optional;

/** How a data command prints its result. */
public enum OutputFormat {
  TABLE,
  JSON,
  YAML,
  CSV;

  public static Optional<OutputFormat> parse(String s) {
    if (s == null) return Optional.empty();
    try {
      return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The formats as {@code --output} takes them: table, json, yaml, csv. */
  public static java.util.List<String> ids() {
    return java.util.Arrays.stream(values()).map(OutputFormat::id).toList();
  }

  public static String choices() {
    return "table, json, yaml or csv";
  }
}
