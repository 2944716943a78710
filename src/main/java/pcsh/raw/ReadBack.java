package pcsh.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pcsh.api.QualificationKind;
import pcsh.session.Redactor;

/**
 * Whether a write whose answer was lost took effect, judged from a GET of the same resource: a
 * DELETE did when the resource is gone (404); a PUT or PATCH did when the resource shows every
 * field sent that it has (names in any case; enum values in any spelling); a POST to a collection
 * did when one of its items does, and did not when the whole list (not one page of it) has none. A
 * body pcsh cannot compare (not JSON, or no field the resource shows) cannot tell.
 */
final class ReadBack {

  enum Verdict {
    APPLIED,
    NOT_APPLIED,
    /** The read answered, and says nothing about this write. */
    CANNOT_TELL
  }

  private ReadBack() {}

  /**
   * What the GET's answer says of the write.
   *
   * @param sent the body as sent (null when none)
   * @param status and {@code body}: the GET's answer (a failed read is the caller's to handle)
   */
  static Verdict judge(String method, String sent, int status, byte[] body) {
    boolean ok = status >= 200 && status < 300;
    if (method.equals("DELETE")) {
      if (status == 404) return Verdict.APPLIED;
      return ok ? Verdict.NOT_APPLIED : Verdict.CANNOT_TELL;
    }
    if (!ok || sent == null) return Verdict.CANNOT_TELL;
    Optional<JsonNode> s = JsonBody.parse(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Optional<JsonNode> r = JsonBody.parse(body);
    if (s.isEmpty() || r.isEmpty()) return Verdict.CANNOT_TELL;
    if (method.equals("POST")) {
      Optional<JsonNode> items =
          JsonBody.items(r.get()).or(() -> Optional.ofNullable(r.get().get("qualifications")));
      if (items.isPresent() && items.get().isArray()) {
        boolean comparable = false;
        for (JsonNode item : items.get()) {
          Optional<Boolean> shows = shows(item, s.get());
          if (shows.orElse(false)) return Verdict.APPLIED;
          comparable |= shows.isPresent();
        }
        // a page of a longer list may not hold the new item: only a whole list says it is absent
        if (morePages(r.get())) return Verdict.CANNOT_TELL;
        // an empty collection holds nothing the write made
        return comparable || items.get().isEmpty() ? Verdict.NOT_APPLIED : Verdict.CANNOT_TELL;
      }
    }
    return shows(r.get(), s.get())
        .map(yes -> yes ? Verdict.APPLIED : Verdict.NOT_APPLIED)
        .orElse(Verdict.CANNOT_TELL);
  }

  private static boolean morePages(JsonNode page) {
    return page.isObject()
        && (!page.path("links").path("next").isMissingNode()
            || page.hasNonNull("continuationToken")
            || page.hasNonNull("@odata.nextLink"));
  }

  /**
   * Whether {@code read} shows {@code sent}: empty when nothing in it can be compared. An object's
   * fields are compared where the read one has them.
   */
  static Optional<Boolean> shows(JsonNode read, JsonNode sent) {
    if (sent.isObject()) {
      if (!read.isObject()) return Optional.empty();
      boolean compared = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode there = field(read, f.getKey());
        if (there == null) continue;
        Optional<Boolean> same = shows(there, f.getValue());
        if (same.isEmpty()) continue;
        if (!same.get()) return Optional.of(false);
        compared = true;
      }
      return compared ? Optional.of(true) : Optional.empty();
    }
    if (sent.isArray()) {
      if (!read.isArray() || read.size() != sent.size()) return Optional.of(false);
      for (int i = 0; i < sent.size(); i++) {
        if (!shows(read.get(i), sent.get(i)).orElse(false)) return Optional.of(false);
      }
      return Optional.of(true);
    }
    // a secret the journal kept redacted cannot be compared
    if (!read.isValueNode() || sent.asText().equals(Redactor.HIDDEN)) return Optional.empty();
    return Optional.of(same(read, sent));
  }

  private static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) return exact;
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (n.equalsIgnoreCase(name)) return object.get(n);
    }
    return null;
  }

  /**
   * Two values alike: numbers by value, text in any case and with {@code _}, {@code -} or blanks
   * ignored (the service spells enums several ways), a qualification by its meaning ({@code 3} is
   * {@code government_community_cloud}).
   */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
    Optional<QualificationKind> ka = QualificationKind.parse(a.asText());
    Optional<QualificationKind> kb = QualificationKind.parse(b.asText());
    if (ka.isPresent() && kb.isPresent() && (a.isNumber() || b.isNumber())) return ka.equals(kb);
    if (a.asText().equalsIgnoreCase(b.asText())) return true;
    // enum spellings: letters with _ or blanks between them (not ids, where - and digits matter)
    return ENUM.matcher(a.asText()).matches()
        && ENUM.matcher(b.asText()).matches()
        && fold(a.asText()).equals(fold(b.asText()));
  }

  private static final java.util.regex.Pattern ENUM =
      java.util.regex.Pattern.compile("[A-Za-z]+([_ ][A-Za-z]+)*");

  private static String fold(String s) {
    return s.replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
