package pcsh.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where settings come from before Spring starts, lowest first: the repository's {@code
 * shell.properties} (or the copy in the jar), {@code $PCSH_HOME/shell.properties}, environment
 * variables, {@code -D} system properties.
 */
public final class SettingsFiles {

  private SettingsFiles() {}

  /**
   * Reads a setting the way Spring will once it starts: system property, then environment variable
   * ({@code pcsh.base-url} as {@code PCSH_BASE_URL}), then the file layers.
   */
  public static Function<String, String> layered(Map<String, ?> fileLayers) {
    return key -> {
      String v = System.getProperty(key);
      if (v == null)
        v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
      if (v == null && fileLayers.get(key) != null) v = fileLayers.get(key).toString();
      return v;
    };
  }

  /** Where a setting's value came from (for {@code doctor}); {@code value} is null when unset. */
  public record Origin(String key, String value, String source) {}

  /**
   * A provenance view of {@link #layered}: each key's value from the same layers in the same order,
   * with the layer that gave it. The files are read again on each call (this serves diagnostics,
   * not every request).
   */
  public static Function<String, Origin> provenance(Path repoDefaults, Path userFile) {
    return key -> {
      String v = System.getProperty(key);
      if (v != null) return new Origin(key, v, "-D" + key + " (command line)");
      String var = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      v = System.getenv(var);
      if (v != null) return new Origin(key, v, "environment variable " + var);
      v = fileValue(userFile, key);
      if (v != null) return new Origin(key, v, userFile.toString());
      if (repoDefaults != null && Files.isRegularFile(repoDefaults)) {
        v = fileValue(repoDefaults, key);
        if (v != null) return new Origin(key, v, repoDefaults.toString());
      } else {
        try (InputStream bundled = SettingsFiles.class.getResourceAsStream("/shell.properties")) {
          v = bundled == null ? null : load(bundled).get(key);
        } catch (IOException e) {
          v = null;
        }
        if (v != null) return new Origin(key, v, "pcsh's bundled shell.properties");
      }
      return new Origin(key, null, "pcsh's default");
    };
  }

  private static String fileValue(Path file, String key) {
    if (file == null || !Files.isRegularFile(file)) return null;
    try {
      return load(Files.newInputStream(file)).get(key);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The file layers as one map, lowest first: the repo's defaults, then the user's file.
   * Environment variables and system properties are applied on top by whoever reads them.
   */
  public static Map<String, String> fileLayers(Path repoDefaults, Path userFile)
      throws IOException {
    Map<String, String> merged = new LinkedHashMap<>();
    if (repoDefaults != null && Files.isRegularFile(repoDefaults)) {
      merged.putAll(load(Files.newInputStream(repoDefaults)));
    } else {
      InputStream bundled = SettingsFiles.class.getResourceAsStream("/shell.properties");
      if (bundled != null) merged.putAll(load(bundled));
    }
    if (userFile != null && Files.isRegularFile(userFile)) {
      merged.putAll(load(Files.newInputStream(userFile)));
    }
    return merged;
  }

  /** {@code $PCSH_HOME}, else {@code $HOME/.pcsh}, else Java's {@code user.home}'s. */
  public static String defaultHome() {
    return defaultHome(System::getenv, System.getProperty("user.home"));
  }

  static String defaultHome(Function<String, String> env, String userHome) {
    String pcsh = env.apply("PCSH_HOME");
    if (pcsh != null && !pcsh.isBlank()) return pcsh;
    // the environment says where home is: Java's user.home comes from the password database
    String home = env.apply("HOME");
    return Path.of(home != null && !home.isBlank() ? home : userHome, ".pcsh").toString();
  }

  /**
   * Creates pcsh's home when it is missing, readable by its owner only (0700, or the owner's ACL
   * where there are no POSIX permissions): it holds the sign-in cache, the journal and the
   * emulator's state. An existing directory is left as it is.
   */
  public static void createHome(Path home) throws IOException {
    if (Files.isDirectory(home)) return;
    Files.createDirectories(home, OwnerOnly.onCreate(home, true));
    if (!OwnerOnly.posix(home)) OwnerOnly.restrict(home);
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
}
