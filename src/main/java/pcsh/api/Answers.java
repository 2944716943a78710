package pcsh.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.output.Text;

/**
 * What pcsh accepts as an answer, and how it says what it cannot use: a body that is not JSON (a
 * proxy's HTML page, plain text, bytes that are not UTF-8) is summed up in a line, an ApiFault that
 * came with a 2xx is recognised, and each endpoint's answer must hold what pcsh reads from it (an
 * id for a customer, the items of a page, a validation id, a qualification value).
 */
final class Answers {

  /** The fields of Partner Center's error bodies (ApiFault, the gateway's, OAuth's). */
  private static final Set<String> FAULT_FIELDS =
      Set.of(
          "code",
          "description",
          "data",
          "source",
          "statuscode",
          "message",
          "errorcode",
          "error",
          "error_description",
          "attributes",
          "innererror");

  private static final Pattern TITLE =
      Pattern.compile("(?is)<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final int SHOWN = 120;

  private Answers() {}

  /**
   * One line on a body that is not JSON: what it is (an HTML page, text, bytes that are not UTF-8),
   * its Content-Type and, for text, its title or first words.
   */
  static String notJson(byte[] body, Map<String, Collection<String>> headers) {
    String type =
        PartnerCenterErrorDecoder.first(headers, "Content-Type").map(Text::oneLine).orElse(null);
    String with = type == null ? "no Content-Type" : "Content-Type " + type;
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      return "bytes that are not UTF-8 text (" + with + ", " + body.length + " bytes)";
    }
    boolean html =
        (type != null && type.toLowerCase(Locale.ROOT).contains("html"))
            || text.stripLeading().startsWith("<");
    if (html) {
      Matcher m = TITLE.matcher(text);
      String title = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : text;
      return "an HTML page (" + with + "): \"" + words(TAG.matcher(title).replaceAll(" ")) + "\"";
    }
    return "text that is not JSON (" + with + "): \"" + words(text) + "\"";
  }

  /** The error an ApiFault-shaped body states ({@code code: description}), if the body is one. */
  static Optional<String> fault(JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty()) return Optional.empty();
    for (var it = node.fieldNames(); it.hasNext(); ) {
      if (!FAULT_FIELDS.contains(it.next().toLowerCase(Locale.ROOT))) return Optional.empty();
    }
    String said = first(node, "description", "message", "error_description", "error");
    if (said == null) return Optional.empty();
    String code = first(node, "code", "errorCode", "statusCode");
    return Optional.of(words((code == null ? "" : "error " + code + ": ") + said));
  }

  /**
   * Why a decoded answer cannot be used, if it cannot: the fields pcsh reads from each endpoint's
   * answer must be there. {@code value} is what Jackson made of {@code tree} for the method's type.
   */
  static Optional<String> missing(Object value, JsonNode tree, String path) {
    Optional<Resources.Shape> shape = Resources.shape(path);
    if (shape.isPresent()) return Resources.missing(shape.get(), tree);
    if (value == null || tree.isNull()) return Optional.of("it is null");
    if (value instanceof Customer c) return noId(c, "the customer");
    if (value instanceof CustomerPage p) {
      if (p.items() == null) return Optional.of("the page has no items list");
      for (int i = 0; i < p.items().size(); i++) {
        Optional<String> bad = noId(p.items().get(i), "customer " + (i + 1) + " of the page");
        if (bad.isPresent()) return bad;
      }
      return Optional.empty();
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (item == null) return Optional.of("entry " + (i + 1) + " of the list is null");
        if (item instanceof ValidationCode v && blank(v.validationId())) {
          return Optional.of("validation code " + (i + 1) + " of the list has no validationId");
        }
      }
      return Optional.empty();
    }
    if (path.endsWith("/qualification")) {
      return tree.isTextual() || tree.isNumber()
          ? Optional.empty()
          : Optional.of("the qualification is not a single value (a string or a number)");
    }
    if (path.endsWith("/qualifications")) return qualifications(tree);
    return Optional.empty();
  }

  /** A bare array, {@code {"qualifications": [...]}}, or one object (the POST's answer). */
  private static Optional<String> qualifications(JsonNode tree) {
    JsonNode list =
        tree.isObject() && tree.has("qualifications") ? tree.get("qualifications") : tree;
    Iterable<JsonNode> items = list.isArray() ? list : List.of(list);
    int i = 0;
    for (JsonNode item : items) {
      i++;
      boolean value =
          item.isTextual()
              || (item.isObject()
                  && item.path("qualification").isTextual()
                  && !item.path("qualification").asText().isBlank());
      if (!value) return Optional.of("entry " + i + " has no qualification value");
    }
    return Optional.empty();
  }

  /** Where in the answer Jackson found a value of the wrong type, and what it expected there. */
  static String wrongType(JsonMappingException e) {
    StringBuilder at = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (at.length() > 0) at.append('.');
        at.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        at.append('[').append(r.getIndex()).append(']');
      }
    }
    String where = at.length() == 0 ? "the answer" : "`" + Text.shown(at.toString()) + "`";
    Class<?> target =
        e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
            ? m.getTargetType()
            : null;
    return where + " is not " + expected(target);
  }

  private static String expected(Class<?> t) {
    if (t == null) return "what Partner Center documents";
    if (t == String.class) return "text";
    if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class))
      return "a number";
    if (t == Boolean.class || t == boolean.class) return "true or false";
    if (Collection.class.isAssignableFrom(t) || t.isArray()) return "a list";
    return "an object";
  }

  private static Optional<String> noId(Customer c, String what) {
    return c == null || blank(c.id()) ? Optional.of(what + " has no id") : Optional.empty();
  }

  private static String first(JsonNode node, String... names) {
    for (String n : names) {
      for (var it = node.fields(); it.hasNext(); ) {
        var f = it.next();
        if (f.getKey().equalsIgnoreCase(n)
            && f.getValue().isValueNode()
            && !f.getValue().asText().isBlank()) return f.getValue().asText();
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** On one line, blanks collapsed, cut to a readable length. */
  private static String words(String s) {
    String one = Text.oneLine(s).replaceAll("\\s+", " ").strip();
    return one.length() > SHOWN ? one.substring(0, SHOWN - 3) + "..." : one;
  }
}
