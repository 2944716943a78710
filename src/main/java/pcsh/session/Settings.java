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
    int pageSize) {

  public static final String EMBEDDED = "embedded";

  public static final String BASE_URL = "pcsh.base-url";
  public static final String HOME = "pcsh.home";
  public static final String HISTORY_DIR = "pcsh.history.dir";
  public static final String OUTPUT = "pcsh.output";
  public static final String EMULATOR_CUSTOMERS = "pcsh.emulator.customers";
  public static final String CONNECT_TIMEOUT = "pcsh.http.connect-timeout";
  public static final String READ_TIMEOUT = "pcsh.http.read-timeout";
  public static final String PAGE_SIZE = "pcsh.customers.page-size";

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
    return new Settings(
        orDefault(lookup.apply(BASE_URL), EMBEDDED).trim(),
        home,
        historyDir.toAbsolutePath().normalize(),
        orDefault(lookup.apply(OUTPUT), "table").trim().toLowerCase(Locale.ROOT),
        intSetting(lookup, EMULATOR_CUSTOMERS, "1200"),
        duration(lookup, CONNECT_TIMEOUT, "10s"),
        duration(lookup, READ_TIMEOUT, "60s"),
        intSetting(lookup, PAGE_SIZE, "50"));
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
    String v = orDefault(lookup.apply(key), def).trim().toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(key, v, "a duration such as 10s, 500ms or 2m");
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
