package pcsh.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON, YAML and CSV output of the API's objects, after an optional {@code --query}. CSV flattens
 * nested objects into dotted columns ({@code companyProfile.domain}); a table of the same rows is
 * used when a query meets the table format.
 */
public final class Structured {

  static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  static final ObjectMapper COMPACT = JsonMapper.builder().build();
  static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          // "448812" is a string in the API; unquoted, YAML readers would take it for a number
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();
  static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(
              com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build();

  private Structured() {}

  public static JsonNode tree(Object value) {
    return value instanceof JsonNode n ? n : JSON.valueToTree(value);
  }

  /** Renders {@code value} in a structured format; {@code TABLE} is only reached with a query. */
  public static String render(OutputFormat format, Object value, Optional<Query> query, int width) {
    JsonNode node = tree(value);
    if (query.isPresent()) node = query.get().apply(node);
    if (node == null) node = JsonNodeFactory.instance.nullNode();
    try {
      return switch (format) {
        case JSON -> JSON.writeValueAsString(node);
        case YAML -> YAML.writeValueAsString(node).stripTrailing();
        case CSV -> csv(node).stripTrailing();
        case TABLE -> table(node, width);
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + format.id() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as JSON on one line. */
  public static String compact(Object value) {
    try {
      return COMPACT.writeValueAsString(tree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write json: " + e.getOriginalMessage(), e);
    }
  }

  private static String csv(JsonNode node) throws JsonProcessingException {
    List<Map<String, String>> rows = rows(node);
    Set<String> columns = columns(rows);
    CsvSchema.Builder schema = CsvSchema.builder();
    columns.forEach(schema::addColumn);
    List<List<String>> values = new ArrayList<>();
    for (Map<String, String> r : rows)
      values.add(columns.stream().map(c -> r.getOrDefault(c, "")).toList());
    return CSV.writer(schema.build().withHeader()).writeValueAsString(values);
  }

  private static String table(JsonNode node, int width) {
    List<Map<String, String>> rows = rows(node);
    Set<String> columns = columns(rows);
    Table t = new Table(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
    for (Map<String, String> r : rows)
      t.row(columns.stream().map(c -> r.getOrDefault(c, "")).toArray(String[]::new));
    return t.render(width).stripTrailing();
  }

  /** The columns of these flattened rows, in the order they first appear ("value" when none). */
  public static Set<String> columns(List<Map<String, String>> rows) {
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.keySet()));
    if (columns.isEmpty()) columns.add("value");
    return columns;
  }

  /** An array gives a row per element; anything else is one row. */
  static List<Map<String, String>> rows(JsonNode node) {
    List<Map<String, String>> rows = new ArrayList<>();
    if (node.isArray()) node.forEach(e -> rows.add(flatten(e)));
    else if (!node.isNull()) rows.add(flatten(node));
    return rows;
  }

  /**
   * One row of a table or CSV: an object's fields, nested ones as dotted columns ({@code
   * companyProfile.domain}), lists joined with {@code ;}; anything else is the column "value".
   */
  public static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) flatten("", node, out);
    else out.put("value", node.isValueNode() ? node.asText() : node.toString());
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    node.fields()
        .forEachRemaining(
            e -> {
              String key = prefix + e.getKey();
              JsonNode v = e.getValue();
              if (v.isObject()) flatten(key + ".", v, out);
              else if (v.isArray()) out.put(key, arrayText(v));
              else out.put(key, v.isNull() ? "" : v.asText());
            });
  }

  private static String arrayText(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(e -> parts.add(e.isValueNode() ? e.asText() : e.toString()));
    return String.join(";", parts);
  }
}
