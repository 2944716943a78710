package pcsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import pcsh.session.Settings;

/**
 * What {@code version} reports: pcsh's version, the git commit and time of its build (from the
 * jar's {@code META-INF/build-info.properties} and {@code git.properties}, which a build outside a
 * git checkout does not have), the Java runtime, the Spring Shell and JLine it runs on, the OS, and
 * where requests go.
 */
public record VersionInfo(
    String version,
    String commit,
    String commitTime,
    String buildTime,
    String java,
    String javaVendor,
    String springShell,
    String jline,
    String os,
    String baseUrl) {

  static final String UNKNOWN = "unknown";

  public static VersionInfo of(Settings settings) {
    Properties build = properties("/META-INF/build-info.properties");
    Properties git = properties("/git.properties");
    return new VersionInfo(
        build.getProperty("build.version", UNKNOWN),
        git.getProperty("git.commit.id.abbrev", UNKNOWN),
        git.getProperty("git.commit.time", UNKNOWN),
        build.getProperty("build.time", UNKNOWN),
        System.getProperty("java.version", UNKNOWN),
        System.getProperty("java.vendor", UNKNOWN),
        version(org.springframework.shell.Shell.class),
        version(org.jline.reader.LineReader.class),
        System.getProperty("os.name", UNKNOWN)
            + " "
            + System.getProperty("os.version", "")
            + " ("
            + System.getProperty("os.arch", "")
            + ")",
        baseUrl(settings));
  }

  /** The fields in the order {@code version} prints them, keyed as JSON names them. */
  public Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("commit", commit);
    m.put("commitTime", commitTime);
    m.put("buildTime", buildTime);
    m.put("java", java);
    m.put("javaVendor", javaVendor);
    m.put("springShell", springShell);
    m.put("jline", jline);
    m.put("os", os);
    m.put("baseUrl", baseUrl);
    return m;
  }

  /** The kind of target, as the prompt names it, and the URL when it is not the emulator. */
  private static String baseUrl(Settings settings) {
    String kind = PcshPromptProvider.environment(settings);
    return settings.embedded()
        ? "embedded (the emulator)"
        : kind + " (" + settings.apiBaseUrl() + ")";
  }

  /** A library's version from its jar's manifest, else from the Maven metadata it ships. */
  private static String version(Class<?> c) {
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    if (v != null) return v;
    String pom =
        c == org.jline.reader.LineReader.class
            ? "/META-INF/maven/org.jline/jline-reader/pom.properties"
            : "/META-INF/maven/org.springframework.shell/spring-shell-core/pom.properties";
    return properties(pom).getProperty("version", UNKNOWN);
  }

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // a missing or unreadable file means "unknown", never a failed `version`
    }
    return p;
  }
}
