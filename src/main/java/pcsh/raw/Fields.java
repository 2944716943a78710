package pcsh.raw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * The {@code key=value} fields of {@code api}, as gh takes them: {@code -f/--raw-field} values are
 * strings; {@code -F/--field} values are typed ({@code true}, {@code false}, {@code null} and
 * numbers as JSON, {@code @file} and {@code @-} the JSON in a file or on stdin, anything else a
 * string). They become a JSON body ({@code key[sub]=v} nests, {@code key[]=v} appends to a list),
 * or a GET's query parameters (a key given twice is sent twice).
 */
final class Fields {

  static final String RAW = "--raw-field";
  static final String TYPED = "--field";

  /** One field as given: the key's parts ({@code a[b][]} is a, b and an append) and its value. */
  record Field(
      String option,
      String given,
      List<String> path,
      boolean append,
      JsonNode value,
      String text) {}

  private static final Pattern KEY = Pattern.compile("([^\\[\\]=]+)((?:\\[[^\\[\\]=]*\\])*)");
  private static final Pattern PART = Pattern.compile("\\[([^\\[\\]=]*)\\]");
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private Fields() {}

  /**
   * Reads the fields, raw ones first.
   *
   * @param content reads {@code @file} or {@code @-} (given without the {@code @}) as text
   */
  static List<Field> parse(String[] raw, String[] typed, Function<String, String> content) {
    List<Field> out = new ArrayList<>();
    if (raw != null) for (String f : raw) out.add(field(RAW, f, content));
    if (typed != null) for (String f : typed) out.add(field(TYPED, f, content));
    return out;
  }

  private static Field field(String option, String given, Function<String, String> content) {
    int eq = given == null ? -1 : given.indexOf('=');
    if (eq <= 0) {
      throw Failure.usage(
          option + " '" + Text.shown(given) + "' is not key=value.",
          "write " + option + " name=value, e.g. " + option + " status=closed.");
    }
    String key = given.substring(0, eq);
    String text = given.substring(eq + 1);
    if (given.codePoints().anyMatch(Character::isISOControl)) {
      throw Failure.usage(
          option + " '" + Text.shown(given) + "' contains a control character.",
          "type the field again without it; text with line breaks goes in a JSON file: -F"
              + " key=@file.");
    }
    Matcher k = KEY.matcher(key);
    if (!k.matches() || (key.contains("[]") && !key.endsWith("[]"))) {
      throw Failure.usage(
          option + " '" + Text.shown(given) + "': '" + Text.shown(key) + "' is not a key.",
          "a key is a name, name[sub] for a nested object or name[] for a list (last only).");
    }
    List<String> path = new ArrayList<>();
    path.add(k.group(1));
    Matcher part = PART.matcher(k.group(2));
    boolean append = false;
    while (part.find()) {
      if (part.group(1).isEmpty()) append = true;
      else path.add(part.group(1));
    }
    JsonNode value =
        option.equals(RAW)
            ? JsonNodeFactory.instance.textNode(text)
            : typed(option, given, text, content);
    boolean fromFile = option.equals(TYPED) && text.startsWith("@") && text.length() > 1;
    return new Field(option, given, List.copyOf(path), append, value, fromFile ? null : text);
  }

  private static JsonNode typed(
      String option, String given, String text, Function<String, String> content) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (text.equals("true") || text.equals("false")) return f.booleanNode(text.equals("true"));
    if (text.equals("null")) return f.nullNode();
    if (NUMBER.matcher(text).matches()) return json(text);
    if (text.startsWith("@") && text.length() > 1) {
      String source = text.substring(1);
      String json = content.apply(source);
      try {
        return JsonBody.read(json);
      } catch (JsonProcessingException | RuntimeException e) {
        throw Failure.usage(
            option
                + " '"
                + Text.shown(given)
                + "': "
                + (source.equals("-") ? "stdin" : "the file " + Text.shown(source))
                + " does not hold JSON (-F reads a JSON value from a file).",
            "put JSON in it (text in quotes: \"like this\"), or send the file as the body with"
                + " --input.");
      }
    }
    return f.textNode(text);
  }

  private static JsonNode json(String number) {
    try {
      return JsonBody.read(number);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fields as one JSON object; a key given twice must be a list ({@code key[]=}). */
  static ObjectNode body(List<Field> fields) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Field f : fields) {
      ObjectNode at = root;
      for (int i = 0; i < f.path().size() - 1; i++) {
        JsonNode next = at.get(f.path().get(i));
        if (next == null) next = at.putObject(f.path().get(i));
        if (!next.isObject()) throw twice(f);
        at = (ObjectNode) next;
      }
      String last = f.path().get(f.path().size() - 1);
      JsonNode there = at.get(last);
      if (f.append()) {
        if (there == null) there = at.putArray(last);
        if (!there.isArray()) throw twice(f);
        ((ArrayNode) there).add(f.value());
      } else {
        if (there != null) throw twice(f);
        at.set(last, f.value());
      }
    }
    return root;
  }

  private static Failure twice(Field f) {
    return Failure.usage(
        f.option()
            + " '"
            + Text.shown(f.given())
            + "': its key is already given, as a value or a list.",
        "give each key once; for a list write key[]=a key[]=b.");
  }

  /** The fields as a query string ({@code a=1&b=x%20y}); a value must be text, a number or true. */
  static String query(List<Field> fields) {
    List<String> pairs = new ArrayList<>();
    for (Field f : fields) {
      if (f.value().isContainerNode()) {
        throw Failure.usage(
            f.option()
                + " '"
                + Text.shown(f.given())
                + "': a GET sends its fields as query parameters, which hold text, not JSON"
                + " objects or lists.",
            "send a body with --method POST (or PUT, PATCH), or give the value as text.");
      }
      String key = f.given().substring(0, f.given().indexOf('='));
      String value = f.text() != null ? f.text() : f.value().isNull() ? "" : f.value().asText();
      pairs.add(encode(key) + "=" + encode(value));
    }
    return String.join("&", pairs);
  }

  /** Characters a query may carry as they are (RFC 3986), which Graph's examples write so. */
  private static final Pattern KEPT = Pattern.compile("%(24|27|28|29|2C|3A|2F|40|21|2A)");

  /**
   * Percent-encoded for a query: a space is %20; {@code $}, {@code '}, {@code (}, {@code )}, {@code
   * ,}, {@code :}, {@code /}, {@code @}, {@code !} and {@code *} stay ({@code $top}, {@code
   * $filter=status eq 'active'}); {@code &}, {@code =}, {@code +}, {@code #}, {@code ;} and the
   * rest are encoded.
   */
  static String encode(String s) {
    String e = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    return KEPT.matcher(e).replaceAll(m -> Matcher.quoteReplacement(decoded(m.group(1))));
  }

  private static String decoded(String hex) {
    return String.valueOf((char) Integer.parseInt(hex, 16));
  }
}
