package pcsh.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import pcsh.values.Values;

/**
 * pcsh's settings, layered lowest first: the documented defaults ({@code shell.properties} at the
 * repo root, or the copy in the jar), the user's {@code $PCSH_HOME/shell.properties}, environment
 * variables ({@code pcsh.base-url} is {@code PCSH_BASE_URL}), then explicit overrides (system
 * properties, command options). (Past 300 lines: every setting's name, default and check is here,
 * the one place the README's table of settings mirrors.)
 */
public record Settings(
    String baseUrl,
    Path home,
    Path historyDir,
    String output,
    int emulatorCustomers,
    Duration connectTimeout,
    Duration readTimeout,
    int pageSize,
    Duration emulatorVettingDelay,
    Cloud environment,
    String clientId,
    String tenant,
    String emulatorFaults,
    int emulatorRateLimit,
    int bulkRateLimit,
    int bulkConcurrency,
    String graphBaseUrl,
    boolean emulatorRequireMfa) {

  public static final String EMBEDDED = "embedded";

  /**
   * {@code pcsh.base-url=environment}: send requests to the base URL of {@code pcsh.environment}.
   */
  public static final String FROM_ENVIRONMENT = "environment";

  /**
   * Microsoft's well-known public client (the one Partner Center PowerShell uses when given no app
   * id).
   */
  public static final String DEFAULT_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

  public static final String BASE_URL = "pcsh.base-url";
  public static final String HOME = "pcsh.home";
  public static final String HISTORY_DIR = "pcsh.history.dir";
  public static final String OUTPUT = "pcsh.output";
  public static final String EMULATOR_CUSTOMERS = "pcsh.emulator.customers";
  public static final String CONNECT_TIMEOUT = "pcsh.http.connect-timeout";
  public static final String READ_TIMEOUT = "pcsh.http.read-timeout";
  public static final String PAGE_SIZE = "pcsh.customers.page-size";
  public static final String VETTING_DELAY = "pcsh.emulator.vetting-delay";
  public static final String ENVIRONMENT = "pcsh.environment";
  public static final String CLIENT_ID = "pcsh.auth.client-id";
  public static final String TENANT = "pcsh.auth.tenant";

  /**
   * Fault injection for the embedded emulator, e.g. {@code seed=42,throttle=0.2,5xx=0.1}; {@code
   * none} by default.
   */
  public static final String EMULATOR_FAULTS = "pcsh.emulator.faults";

  /**
   * Requests a minute the embedded emulator allows on /v1/customers/** before 429 (0: no limit).
   */
  public static final String EMULATOR_RATE_LIMIT = "pcsh.emulator.rate-limit";

  /** Requests a minute a `qualify bulk` run sends at most (the client-side token bucket). */
  public static final String BULK_RATE_LIMIT = "pcsh.bulk.rate-limit";

  /** Rows a `qualify bulk` run works on at once. */
  public static final String BULK_CONCURRENCY = "pcsh.bulk.concurrency";

  /**
   * Microsoft Graph, for GDAP: {@code environment} (the Graph root of pcsh.environment, or the
   * emulator when pcsh.base-url is embedded), {@code embedded}, or a URL; see {@link
   * GraphEndpoint}.
   */
  public static final String GRAPH_BASE_URL = "pcsh.graph.base-url";

  /**
   * The embedded emulator refuses App+User tokens whose JWT amr lacks mfa (the April 2026 rule).
   */
  public static final String EMULATOR_REQUIRE_MFA = "pcsh.emulator.require-mfa";

  /** Attempts in all for a read (the shell's retry policy). */
  public static final String READ_ATTEMPTS = "pcsh.http.read-attempts";

  static final String PROFILE_PREFIX = "pcsh.profile.";

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * The embedded emulator serves requests, and there is no sign-in beyond {@code login}: {@code
   * pcsh.base-url} is {@code embedded}, or it is {@code environment} and {@code pcsh.environment}
   * is {@code embedded}.
   */
  public boolean embedded() {
    return EMBEDDED.equalsIgnoreCase(baseUrl)
        || (FROM_ENVIRONMENT.equalsIgnoreCase(baseUrl) && environment == Cloud.EMBEDDED);
  }

  /** Where requests go when not embedded: the explicit URL, else the environment's base URL. */
  public String apiBaseUrl() {
    if (FROM_ENVIRONMENT.equalsIgnoreCase(baseUrl))
      return environment.apiBaseUrl().orElse(EMBEDDED);
    return baseUrl;
  }

  /**
   * A named sign-in profile from the settings files ({@code pcsh.profile.NAME.tenant} and so on).
   */
  public record Profile(String name, Cloud environment, String clientId, String tenant) {}

  /**
   * The profile {@code name}: its keys {@code pcsh.profile.NAME.environment}, {@code .client-id}
   * and {@code .tenant}, each falling back to this session's setting. Empty when the profile sets
   * none of them.
   */
  public java.util.Optional<Profile> profile(String name, Function<String, String> lookup) {
    if (name == null || !NAME.matcher(name).matches()) return java.util.Optional.empty();
    String p = PROFILE_PREFIX + name + ".";
    String env = lookup.apply(p + "environment");
    String client = lookup.apply(p + "client-id");
    String ten = lookup.apply(p + "tenant");
    if (blank(env) && blank(client) && blank(ten)) return java.util.Optional.empty();
    Cloud cloud =
        blank(env)
            ? environment
            : Cloud.parse(env)
                .orElseThrow(
                    () ->
                        new InvalidSettingException(
                            p + "environment", env, "global, usgov, china or embedded"));
    return java.util.Optional.of(
        new Profile(
            name,
            cloud,
            blank(client) ? clientId : identifier(p + "client-id", client),
            blank(ten) ? tenant : identifier(p + "tenant", ten)));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String identifier(String key, String v) {
    String t = v.strip();
    if (!NAME.matcher(t).matches())
      throw new InvalidSettingException(key, v, "an id or domain name");
    return t;
  }

  public Path emulatorStateDir() {
    return home.resolve("emulator");
  }

  /**
   * Reads one setting through a lookup that already applies the layering (e.g. Spring's
   * Environment).
   */
  public static Settings from(Function<String, String> lookup) {
    Path home = Path.of(orDefault(lookup.apply(HOME), SettingsFiles.defaultHome()));
    checkHome(home);
    String history = orDefault(lookup.apply(HISTORY_DIR), "history");
    Path historyDir = Path.of(history);
    if (!historyDir.isAbsolute()) {
      // from the checkout when ./pcsh runs a clone, else (an installed pcsh, whose directory may
      // be read-only, or a bare java -jar) from $PCSH_HOME
      String root = lookup.apply("pcsh.root");
      historyDir = (root == null || root.isBlank() ? home : Path.of(root)).resolve(historyDir);
    }
    String baseUrl = orDefault(lookup.apply(BASE_URL), EMBEDDED).trim();
    if (!EMBEDDED.equalsIgnoreCase(baseUrl) && !FROM_ENVIRONMENT.equalsIgnoreCase(baseUrl))
      checkUrl(baseUrl);
    String env = orDefault(lookup.apply(ENVIRONMENT), "global");
    Cloud cloud =
        Cloud.parse(env)
            .orElseThrow(
                () ->
                    new InvalidSettingException(
                        ENVIRONMENT, env, "global, usgov, china or embedded"));
    String output = orDefault(lookup.apply(OUTPUT), "table").trim().toLowerCase(Locale.ROOT);
    if (!java.util.List.of("table", "json", "yaml", "csv").contains(output)) {
      throw new InvalidSettingException(OUTPUT, output, "table, json, yaml or csv");
    }
    int pageSize = intSetting(lookup, PAGE_SIZE, "50");
    if (pageSize < 1 || pageSize > 500)
      throw new InvalidSettingException(PAGE_SIZE, "" + pageSize, "between 1 and 500");
    int emulatorRate = intSetting(lookup, EMULATOR_RATE_LIMIT, "0");
    if (emulatorRate < 0)
      throw new InvalidSettingException(EMULATOR_RATE_LIMIT, "" + emulatorRate, "0 (off) or more");
    int bulkRate = intSetting(lookup, BULK_RATE_LIMIT, "500");
    if (bulkRate < 1 || bulkRate > 100_000) {
      throw new InvalidSettingException(
          BULK_RATE_LIMIT, "" + bulkRate, "between 1 and 100000 requests a minute");
    }
    int concurrency = intSetting(lookup, BULK_CONCURRENCY, "4");
    if (concurrency < 1 || concurrency > 16) {
      throw new InvalidSettingException(BULK_CONCURRENCY, "" + concurrency, "between 1 and 16");
    }
    String graphUrl = orDefault(lookup.apply(GRAPH_BASE_URL), FROM_ENVIRONMENT).strip();
    GraphEndpoint.check(graphUrl); // a bad pcsh.graph.base-url is reported at start, as others are
    String requireMfa =
        orDefault(lookup.apply(EMULATOR_REQUIRE_MFA), "false").strip().toLowerCase(Locale.ROOT);
    if (!requireMfa.equals("true") && !requireMfa.equals("false"))
      throw new InvalidSettingException(EMULATOR_REQUIRE_MFA, requireMfa, "true or false");
    // read by the shell's retry policy; checked here so a bad value stops pcsh before it starts
    int attempts = intSetting(lookup, READ_ATTEMPTS, "4");
    if (attempts < 1 || attempts > 10) {
      throw new InvalidSettingException(READ_ATTEMPTS, "" + attempts, "between 1 and 10");
    }
    return new Settings(
        baseUrl,
        home,
        historyDir.toAbsolutePath().normalize(),
        output,
        intSetting(lookup, EMULATOR_CUSTOMERS, "1200"),
        duration(lookup, CONNECT_TIMEOUT, "10s"),
        duration(lookup, READ_TIMEOUT, "60s"),
        pageSize,
        duration(lookup, VETTING_DELAY, "30s"),
        cloud,
        identifier(CLIENT_ID, orDefault(lookup.apply(CLIENT_ID), DEFAULT_CLIENT_ID)),
        identifier(TENANT, orDefault(lookup.apply(TENANT), "organizations")),
        orDefault(lookup.apply(EMULATOR_FAULTS), "none").strip(),
        emulatorRate,
        bulkRate,
        concurrency,
        graphUrl,
        Boolean.parseBoolean(requireMfa));
  }

  /**
   * {@code $PCSH_HOME} need not exist yet (pcsh creates it when it first writes there), but what is
   * there must be a directory pcsh can read and write: two stats, at start.
   */
  private static void checkHome(Path home) {
    if (!java.nio.file.Files.exists(home)) return;
    if (!java.nio.file.Files.isDirectory(home)
        || !java.nio.file.Files.isReadable(home)
        || !java.nio.file.Files.isWritable(home)) {
      throw new InvalidSettingException(
          HOME + " (PCSH_HOME)", home.toString(), "a directory pcsh can read and write");
    }
  }

  private static void checkUrl(String url) {
    try {
      java.net.URI u = new java.net.URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && u.getHost() != null
          && u.getQuery() == null
          && u.getFragment() == null
          && u.getUserInfo() == null) {
        if (scheme.equals("http") && !loopback(u.getHost())) {
          throw new InvalidSettingException(
              BASE_URL,
              url,
              "an https URL: pcsh sends the bearer token over plain http only to this machine"
                  + " (127.0.0.1, ::1 or localhost), so use https://"
                  + u.getRawAuthority()
                  + " or point it at a loopback address");
        }
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new InvalidSettingException(
        BASE_URL,
        // a password in the URL is not repeated in the message
        url.replaceAll("//[^/@]*@", "//(user info not shown)@"),
        "\"embedded\" or an http(s) URL without user info, query or fragment, such as"
            + " https://api.partnercenter.microsoft.com");
  }

  /** A loopback host as written, without asking DNS: 127.0.0.0/8, ::1 or localhost. */
  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
  }

  private static String orDefault(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }

  private static int intSetting(Function<String, String> lookup, String key, String def) {
    String v = orDefault(lookup.apply(key), def).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(key, v, "a whole number");
    }
  }

  private static Duration duration(Function<String, String> lookup, String key, String def) {
    String v = orDefault(lookup.apply(key), def).trim();
    return Values.parseDuration(v)
        .orElseThrow(
            () -> new InvalidSettingException(key, v, "a duration such as 10s, 500ms or 2m"));
  }

  /**
   * {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 2d}, or bare seconds: {@link
   * Values#parseDuration}, which a command option's value goes through as {@code Values.duration}.
   */
  public static java.util.Optional<Duration> parseDuration(String text) {
    return Values.parseDuration(text);
  }

  /**
   * A setting holds a value pcsh cannot use; raised at start-up so the user fixes the file or
   * variable.
   */
  public static final class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String key, String value, String expected) {
      super(
          "Setting "
              + key
              + " is '"
              + value
              + "', which is not "
              + expected
              + ". Fix it in shell.properties, $PCSH_HOME/shell.properties or the matching PCSH_ environment variable.");
    }
  }
}
