package pcsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import pcsh.session.Settings;

/**
 * What {@code version} reports: pcsh's version, the git commit and time of its build (from the
 * jar's {@code META-INF/build-info.properties} and {@code git.properties}, which a build outside a
 * git checkout does not have), where pcsh is installed, the Java runtime and where it lives, the
 * Spring Shell and JLine it runs on, the OS, and where requests go.
 */
public record VersionInfo(
    String version,
    String commit,
    String commitTime,
    String buildTime,
    String installedIn,
    String java,
    String javaVendor,
    String runtime,
    String springShell,
    String jline,
    String os,
    String baseUrl) {

  static final String UNKNOWN = "unknown";

  /** Set by an installed pcsh's launchers (bin/pcsh, bin/pcsh.cmd): the directory it is in. */
  static final String INSTALL = "pcsh.install";

  /** Set by the repository's ./pcsh: the clone it runs. */
  static final String ROOT = "pcsh.root";

  public static VersionInfo of(Settings settings) {
    Properties build = properties("/META-INF/build-info.properties");
    Properties git = properties("/git.properties");
    return new VersionInfo(
        build.getProperty("build.version", UNKNOWN),
        git.getProperty("git.commit.id.abbrev", UNKNOWN),
        git.getProperty("git.commit.time", UNKNOWN),
        build.getProperty("build.time", UNKNOWN),
        installedIn(System.getProperty(INSTALL), System.getProperty(ROOT)),
        System.getProperty("java.version", UNKNOWN),
        System.getProperty("java.vendor", UNKNOWN),
        runtime(System.getProperty("java.home", UNKNOWN), System.getProperty(INSTALL)),
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
    m.put("installedIn", installedIn);
    m.put("java", java);
    m.put("javaVendor", javaVendor);
    m.put("runtime", runtime);
    m.put("springShell", springShell);
    m.put("jline", jline);
    m.put("os", os);
    m.put("baseUrl", baseUrl);
    return m;
  }

  /**
   * Where pcsh runs from: the directory a release archive was unpacked into, the clone ./pcsh runs,
   * or else the jar (or classes directory) its code comes from.
   */
  static String installedIn(String install, String root) {
    if (install != null && !install.isBlank()) return install + " (release archive)";
    if (root != null && !root.isBlank()) return root + " (a clone, run by ./pcsh)";
    CodeSource source = VersionInfo.class.getProtectionDomain().getCodeSource();
    return source == null ? UNKNOWN : codeLocation(source.getLocation().toString());
  }

  /**
   * The file a code source URL names: a directory or jar ({@code file:}), or the fat jar holding a
   * nested one ({@code jar:nested:/path/pcsh.jar/!BOOT-INF/classes/!/}, Spring Boot's loader).
   */
  static String codeLocation(String url) {
    String u = url.startsWith("jar:") ? url.substring("jar:".length()) : url;
    if (u.startsWith("nested:")) {
      u = "file:" + u.substring("nested:".length());
      int nested = u.indexOf("/!");
      if (nested >= 0) u = u.substring(0, nested);
    }
    if (!u.startsWith("file:")) return UNKNOWN; // no file: said as such
    try {
      return Path.of(new URI(u)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** The Java runtime's home, and whether it is the one the self-contained archive carries. */
  static String runtime(String javaHome, String install) {
    if (install != null && !install.isBlank() && Path.of(javaHome).startsWith(Path.of(install))) {
      return javaHome + " (bundled with pcsh)";
    }
    return javaHome;
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
