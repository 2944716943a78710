package pcsh.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * pcsh's settings, layered lowest first: the documented defaults ({@code shell.properties} at the repo root,
 * or the copy in the jar), the user's {@code $PCSH_HOME/shell.properties}, environment variables
 * ({@code pcsh.base-url} is {@code PCSH_BASE_URL}), then explicit overrides (system properties, command options).
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
    Duration emulatorVettingDelay) {

  public static final String EMBEDDED = "embedded";

  public static final String BASE_URL = "pcsh.base-url";
  public static final String HOME = "pcsh.home";
  public static final String HISTORY_DIR = "pcsh.history.dir";
  public static final String OUTPUT = "pcsh.output";
  public static final String EMULATOR_CUSTOMERS = "pcsh.emulator.customers";
  public static final String CONNECT_TIMEOUT = "pcsh.http.connect-timeout";
  public static final String READ_TIMEOUT = "pcsh.http.read-timeout";
  public static final String PAGE_SIZE = "pcsh.customers.page-size";
  public static final String VETTING_DELAY = "pcsh.emulator.vetting-delay";

  public boolean embedded() {
    return EMBEDDED.equalsIgnoreCase(baseUrl);
  }

  public Path emulatorStateDir() {
    return home.resolve("emulator");
  }

  /** Reads one setting through a lookup that already applies the layering (e.g. Spring's Environment). */
  public static Settings from(Function<String, String> lookup) {
    Path home = Path.of(orDefault(lookup.apply(HOME), defaultHome()));
    String history = orDefault(lookup.apply(HISTORY_DIR), "history");
    Path historyDir = Path.of(history);
    if (!historyDir.isAbsolute()) {
      String root = lookup.apply("pcsh.root");
      historyDir = (root == null || root.isBlank() ? Path.of("") : Path.of(root)).resolve(historyDir);
    }
    String baseUrl = orDefault(lookup.apply(BASE_URL), EMBEDDED).trim();
    if (!EMBEDDED.equalsIgnoreCase(baseUrl)) checkUrl(baseUrl);
    String output = orDefault(lookup.apply(OUTPUT), "table").trim().toLowerCase(Locale.ROOT);
    if (!output.equals("table") && !output.equals("json")) throw new InvalidSettingException(OUTPUT, output, "table or json");
    int pageSize = intSetting(lookup, PAGE_SIZE, "50");
    if (pageSize < 1 || pageSize > 500) throw new InvalidSettingException(PAGE_SIZE, "" + pageSize, "between 1 and 500");
    return new Settings(
        baseUrl,
        home,
        historyDir.toAbsolutePath().normalize(),
        output,
        intSetting(lookup, EMULATOR_CUSTOMERS, "1200"),
        duration(lookup, CONNECT_TIMEOUT, "10s"),
        duration(lookup, READ_TIMEOUT, "60s"),
        pageSize,
        duration(lookup, VETTING_DELAY, "30s"));
  }

  private static void checkUrl(String url) {
    try {
      java.net.URI u = new java.net.URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getQuery() == null) return;
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new InvalidSettingException(BASE_URL, url, "\"embedded\" or an http(s) URL such as https://api.partnercenter.microsoft.com");
  }

  /**
   * Reads a setting the way Spring will once it starts: system property, then environment variable
   * ({@code pcsh.base-url} as {@code PCSH_BASE_URL}), then the file layers.
   */
  public static Function<String, String> layered(Map<String, ?> fileLayers) {
    return key -> {
      String v = System.getProperty(key);
      if (v == null) v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
      if (v == null && fileLayers.get(key) != null) v = fileLayers.get(key).toString();
      return v;
    };
  }

  /**
   * The file layers as one map, lowest first: the repo's defaults, then the user's file.
   * Environment variables and system properties are applied on top by whoever reads them.
   */
  public static Map<String, String> fileLayers(Path repoDefaults, Path userFile) throws IOException {
    Map<String, String> merged = new LinkedHashMap<>();
    if (repoDefaults != null && Files.isRegularFile(repoDefaults)) {
      merged.putAll(load(Files.newInputStream(repoDefaults)));
    } else {
      InputStream bundled = Settings.class.getResourceAsStream("/shell.properties");
      if (bundled != null) merged.putAll(load(bundled));
    }
    if (userFile != null && Files.isRegularFile(userFile)) {
      merged.putAll(load(Files.newInputStream(userFile)));
    }
    return merged;
  }

  public static String defaultHome() {
    String env = System.getenv("PCSH_HOME");
    if (env != null && !env.isBlank()) return env;
    return Path.of(System.getProperty("user.home"), ".pcsh").toString();
  }

  private static Map<String, String> load(InputStream in) throws IOException {
    Properties p = new Properties();
    try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
    return m;
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
    return parseDuration(v).orElseThrow(() -> new InvalidSettingException(key, v, "a duration such as 10s, 500ms or 2m"));
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or bare seconds; never negative. */
  public static java.util.Optional<Duration> parseDuration(String text) {
    String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      else if (v.endsWith("s")) d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      else if (v.endsWith("m")) d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      else if (v.endsWith("h")) d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
      else d = Duration.ofSeconds(Long.parseLong(v));
      return d.isNegative() ? java.util.Optional.empty() : java.util.Optional.of(d);
    } catch (NumberFormatException | ArithmeticException e) {
      return java.util.Optional.empty();
    }
  }

  /** A setting holds a value pcsh cannot use; raised at start-up so the user fixes the file or variable. */
  public static final class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String key, String value, String expected) {
      super("Setting " + key + " is '" + value + "', which is not " + expected
          + ". Fix it in shell.properties, $PCSH_HOME/shell.properties or the matching PCSH_ environment variable.");
    }
  }
}
