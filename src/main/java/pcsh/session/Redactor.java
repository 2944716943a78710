package pcsh.session;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor: everything pcsh prints or writes about the wire (debug, --show-request,
 * last-error, transcripts, the support bundle) passes through it. It hides {@code Authorization}
 * and any header, query parameter or JSON field whose name speaks of a token, secret, password,
 * assertion or validation code, bearer tokens and JWTs anywhere in text, and every secret value
 * pcsh has been told about (the token it sends, the secrets in PCSH_ variables).
 */
public final class Redactor {

  public static final String HIDDEN = "[REDACTED]";

  /** Environment variables whose values are secrets wherever they appear. */
  public static final List<String> SECRET_VARIABLES =
      List.of(
          "PCSH_ACCESS_TOKEN",
          "PCSH_GRAPH_ACCESS_TOKEN",
          "PCSH_REFRESH_TOKEN",
          "PCSH_CLIENT_SECRET",
          "PCSH_CERTIFICATE_PASSWORD");

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)authorization|cookie|token|secret|password|passwd|assertion|api-?key|subscription-key|validationcode"
              + "|validationid|^code$|client_?secret|refresh|credential|signature");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern QUERY = Pattern.compile("([?&;])([^=&#\\s]+)=([^&#\\s\"']*)");
  private static final Pattern JSON_FIELD =
      Pattern.compile("\"([^\"\\\\]{1,64})\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.eE+]+)");
  private static final Pattern FORM =
      Pattern.compile(
          "(?i)\\b(refresh_token|access_token|client_secret|password"
              + "|client_assertion|code|id_token)=([^&\\s]+)");

  /** Words every match of SECRET_NAME or FORM contains (kept in step with those two patterns). */
  private static final List<String> SECRET_WORDS =
      List.of(
          "authorization",
          "cookie",
          "token",
          "secret",
          "password",
          "passwd",
          "assertion",
          "key",
          "validation",
          "code",
          "refresh",
          "credential",
          "signature");

  private static final Redactor SHARED = new Redactor();

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  public Redactor() {
    for (String v : SECRET_VARIABLES) remember(System.getenv(v));
  }

  /** The process-wide redactor. */
  public static Redactor shared() {
    return SHARED;
  }

  /**
   * A value that must never appear anywhere pcsh prints or writes (ignored when shorter than 8
   * characters).
   */
  public void remember(String secret) {
    if (secret != null && secret.strip().length() >= 8) secrets.add(secret.strip());
  }

  public static boolean secretName(String name) {
    return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * Only the secret values pcsh knows (the tokens it sends, the PCSH_ secrets), nothing else: for
   * what a service answered, shown as it came ({@code api}), where a field named like a code is
   * data.
   */
  public String knownSecrets(String s) {
    if (s == null || s.isEmpty()) return s;
    String out = s;
    for (String secret : secrets) {
      if (out.contains(secret)) out = out.replace(secret, HIDDEN);
    }
    return out;
  }

  /**
   * Free text: bearer tokens, JWTs, secret query parameters and JSON fields, known secret values.
   */
  public String text(String s) {
    if (s == null || s.isEmpty()) return s;
    String out = knownSecrets(s);
    String lower = out.toLowerCase(Locale.ROOT);
    // every request and response passes here: the patterns run only where their keywords occur
    if (lower.contains("bearer") || lower.contains("basic")) {
      out =
          BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + HIDDEN));
    }
    if (out.contains("eyJ")) out = JWT.matcher(out).replaceAll(HIDDEN);
    if (!mayNameASecret(lower)) return out;
    out =
        QUERY
            .matcher(out)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        secretName(m.group(2))
                            ? m.group(1) + m.group(2) + "=" + HIDDEN
                            : m.group()));
    out =
        JSON_FIELD
            .matcher(out)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        secretName(m.group(1)) && !m.group(1).equalsIgnoreCase("code")
                            ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + HIDDEN + "\""
                            : m.group()));
    out = FORM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + HIDDEN));
    return out;
  }

  /**
   * Whether lower-case text contains a word that {@link #SECRET_NAME} or {@link #FORM} could match.
   */
  private static boolean mayNameASecret(String lower) {
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) return true;
    }
    return false;
  }

  /** A URL: secret query parameters (e.g. {@code ?code=}) and known secrets hidden. */
  public String url(String url) {
    return text(url);
  }

  /** Headers: values of secret-named headers hidden, the others passed through {@link #text}. */
  public Map<String, String> headers(Map<String, ? extends Collection<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers == null) return out;
    headers.forEach(
        (k, v) -> {
          String joined = v == null ? "" : String.join(", ", v);
          out.put(k, secretName(k) ? HIDDEN : text(joined));
        });
    return out;
  }
}
