package pcsh.raw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.api.RawClient;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.values.Values;

/**
 * Turns what {@code api} was given into one checked {@link ApiCall}, or refuses it (a usage
 * failure, nothing sent): the method, the path with {@code {customer}} filled in (an absolute URL
 * only on the base URL's origin), the fields as a JSON body or a GET's query, {@code --input}, and
 * the headers, none of which may be the token or the ids pcsh sets.
 */
final class ApiPlanner {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern ABSOLUTE = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final RawClient client;
  private final Supplier<String> otherBase;

  /**
   * @param client the client the request goes through (Partner Center's, or Graph's)
   * @param otherBase the other client's base URL, to say so when a URL is meant for it
   */
  ApiPlanner(RawClient client, Supplier<String> otherBase) {
    this.client = client;
    this.otherBase = otherBase;
  }

  ApiCall plan(ApiInput in) {
    if (in.words().isEmpty()) {
      throw Failure.usage(
          "`api` needs a PATH, e.g. `api /v1/customers`.",
          "run `help api` for the form and examples.");
    }
    if (in.words().size() > 2) {
      throw Failure.usage(
          "`api` takes [METHOD] PATH, and '" + Text.shown(in.words().get(2)) + "' is a word more.",
          "give fields with -f key=value, headers with -H 'Name: value' (`help api`).");
    }
    String method = method(in);
    BodySources sources = new BodySources(in.stdin());
    List<Fields.Field> fields =
        Fields.parse(
            in.rawFields().toArray(new String[0]),
            in.typedFields().toArray(new String[0]),
            sources::text);
    byte[] input = in.input() == null ? null : sources.input(in.input());
    if (input != null && !fields.isEmpty()) {
      throw Failure.usage(
          "--input and fields (-f, -F) cannot be combined: both would be the body.",
          "put everything in the --input file, or give it all as fields.");
    }
    if (method == null) {
      // as gh: POST once there is a body; --paginate reads, so its fields are a query
      method = (input != null || !fields.isEmpty()) && !in.paginate() ? "POST" : "GET";
    }
    if (in.paginate() && !method.equals("GET")) {
      throw Failure.usage(
          "--paginate follows the pages of a GET, and this is a " + method + ".",
          "leave out --paginate, or send a GET.");
    }
    if (in.paginate() && in.include()) {
      throw Failure.usage(
          "--include prints one answer's status and headers, and --paginate reads many.",
          "leave out one of them; --debug shows every page's headers.");
    }
    if (method.equals("GET") && input != null) {
      throw Failure.usage(
          "--input sends a body, and a GET has none.",
          "give the method: `api POST PATH --input FILE` (or PUT, PATCH).");
    }
    String path = path(in, in.words().get(in.words().size() - 1));
    boolean query = method.equals("GET") && !fields.isEmpty();
    if (query && path.contains("?")) {
      throw Failure.usage(
          "PATH already has a query ("
              + Text.shown(path.substring(path.indexOf('?')))
              + "), and the fields would be another.",
          "give the query either in PATH or as fields (-f key=value), not both.");
    }
    if (query) path = path + "?" + Fields.query(fields);
    Map<String, List<String>> headers = headers(in.headers());
    byte[] body = input;
    if (!fields.isEmpty() && !query) {
      body = Fields.body(fields).toString().getBytes(StandardCharsets.UTF_8);
    }
    if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      headers.put("Content-Type", List.of("application/json"));
    }
    String base = client.baseUrl();
    String url;
    String relative;
    if (ABSOLUTE.matcher(path).matches()) {
      url = path;
      relative = relativeTo(base, path);
    } else {
      url = base + path;
      relative = path;
    }
    return new ApiCall(method, in.graph(), url, relative, headers, body);
  }

  private static String method(ApiInput in) {
    String word = in.words().size() == 2 ? in.words().get(0) : null;
    if (word != null && in.method() != null) {
      throw Failure.usage(
          "The method is given twice: '"
              + Text.shown(word)
              + "' before PATH and --method "
              + Text.shown(in.method())
              + ".",
          "give it once: `api PATCH PATH` or `api --method PATCH PATH`.");
    }
    if (word != null) {
      return Values.choice("the method", word, Endpoints.METHODS);
    }
    return in.method() == null ? null : Values.choice("--method", in.method(), Endpoints.METHODS);
  }

  /**
   * PATH checked and completed: {@code {customer}} filled in, a leading slash, nothing a URL cannot
   * carry; an absolute URL only on the base URL's origin.
   */
  private String path(ApiInput in, String given) {
    String p = Values.text("PATH", given);
    if (p.chars().anyMatch(Character::isWhitespace)) {
      throw Failure.usage(
          "PATH '" + Text.shown(p) + "' contains a space.",
          "write a space in a URL as %20; a query's values can be given as fields: -f"
              + " name='a b'.");
    }
    p = placeholders(in, p);
    if (p.contains("#")) {
      throw Failure.usage(
          "PATH '" + Text.shown(p) + "' has a fragment (#...), which is never sent.",
          "leave out the # and what follows it.");
    }
    boolean absolute = ABSOLUTE.matcher(p).matches();
    if (!absolute) p = p.startsWith("/") ? p : "/" + p;
    java.net.URI uri;
    try {
      uri = new java.net.URI(p);
    } catch (java.net.URISyntaxException e) {
      throw Failure.usage(
          "PATH '"
              + Text.shown(p)
              + "' is not a URL path: '"
              + (e.getIndex() >= 0 && e.getIndex() < p.length()
                  ? Text.shown(String.valueOf(p.charAt(e.getIndex())))
                  : "?")
              + "' cannot stand there.",
          "percent-encode it (a space is %20, { is %7B).");
    }
    for (String segment : (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/", -1)) {
      String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (s.equals(".") || s.equals("..")) {
        throw Failure.usage(
            "PATH '" + Text.shown(p) + "' has a '" + segment + "' segment.",
            "write the path without . or .. (pcsh sends it as it is, and servers read those"
                + " differently).");
      }
    }
    if (absolute) origin(in, p, uri);
    return p;
  }

  private static String placeholders(ApiInput in, String p) {
    Matcher m = PLACEHOLDER.matcher(p);
    boolean customer = false;
    while (m.find()) {
      if (!m.group(1).equals("customer")) {
        throw Failure.usage(
            "PATH has the placeholder " + Text.shown(m.group()) + ", which pcsh cannot fill in.",
            "replace it with the id; pcsh fills in only {customer}.");
      }
      customer = true;
    }
    if (!customer) {
      if (in.customer() != null) {
        throw Failure.usage(
            "--customer fills in {customer} in PATH, and PATH has none.",
            "write {customer} where the id goes, e.g. `api /v1/customers/{customer}/subscriptions"
                + " --customer ID`, or leave out --customer.");
      }
      return p;
    }
    String id =
        in.customer() != null
            ? in.customer()
            : in.selected()
                .get()
                .orElseThrow(
                    () ->
                        Failure.usage(
                            "PATH has {customer}, and no customer is selected nor given.",
                            "pass --customer ID, or select one with `use customer <id | domain |"
                                + " name>`."));
    return p.replace(Endpoints.CUSTOMER, id);
  }

  /** An absolute URL must be on the base URL's origin: the token goes nowhere else. */
  private void origin(ApiInput in, String url, java.net.URI uri) {
    String base = client.baseUrl();
    String to = origin(uri);
    if (to != null && to.equals(origin(java.net.URI.create(base)))) return;
    String elsewhere = otherBase.get();
    boolean other =
        to != null && elsewhere != null && to.equals(origin(java.net.URI.create(elsewhere)));
    throw Failure.usage(
        "The URL "
            + (to == null ? "'" + Text.shown(url) + "'" : "for " + to)
            + " is not on "
            + (in.graph() ? "Microsoft Graph's" : "Partner Center's")
            + " base URL ("
            + base
            + "): pcsh sends the token to that origin only, so nothing was sent.",
        other
            ? (in.graph() ? "leave out --graph" : "add --graph") + " for that URL."
            : "give a path (/v1/...) or a URL on " + base + ".");
  }

  /** {@code scheme://host:port}, lower case, default port filled in; null when not http(s). */
  private static String origin(java.net.URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return null;
    int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static String relativeTo(String base, String url) {
    java.net.URI b = java.net.URI.create(base);
    java.net.URI u = java.net.URI.create(url);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    String prefix = b.getRawPath() == null ? "" : b.getRawPath().replaceAll("/+$", "");
    if (!prefix.isEmpty() && path.startsWith(prefix + "/")) path = path.substring(prefix.length());
    return path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  private Map<String, List<String>> headers(List<String> given) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String h : given) {
      int colon = h == null ? -1 : h.indexOf(':');
      String name = colon < 0 ? "" : h.substring(0, colon).strip();
      if (colon <= 0 || !TOKEN.matcher(name).matches()) {
        throw Failure.usage(
            "--header '" + Text.shown(h) + "' is not 'Name: value'.",
            "write -H 'Name: value', e.g. -H 'X-Locale: en-GB'.");
      }
      String value = h.substring(colon + 1).strip();
      if (value.codePoints().anyMatch(Character::isISOControl)) {
        throw Failure.usage(
            "--header " + name + " contains a control character.",
            "type the header again without it.");
      }
      if (!client.settable(name)) throw notSettable(name);
      String key = out.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static Failure notSettable(String name) {
    String l = name.toLowerCase(Locale.ROOT);
    boolean ours =
        l.equals("authorization")
            || l.equals("ms-correlationid")
            || l.equals("ms-requestid")
            || l.equals("client-request-id");
    return Failure.usage(
        ours
            ? "--header "
                + name
                + " is pcsh's own: the token (Authorization), MS-CorrelationId and MS-RequestId"
                + " (client-request-id for Graph) are set by pcsh and cannot be changed."
            : "--header " + name + " is set by the HTTP client from the request itself.",
        "leave it out; --show-request (or --dry-run) shows the headers pcsh sends.");
  }
}
