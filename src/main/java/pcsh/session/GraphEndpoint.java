package pcsh.session;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where pcsh reads GDAP relationships ({@code pcsh.graph.base-url}): the Microsoft Graph root of
 * {@code pcsh.environment}, the embedded emulator (which serves Graph's {@code /v1.0/} paths beside
 * Partner Center's), or an explicit URL. The Graph token is sent to this origin only, so a URL must
 * be https unless it is a loopback address.
 *
 * @param baseUrl the root without {@code /v1.0}; null when {@code embedded}
 * @param resource the Graph resource whose scopes pcsh asks Entra ID for: the root of an https URL
 *     (a national cloud's scopes must name its own Graph host), else the environment's root
 */
public record GraphEndpoint(boolean embedded, String baseUrl, String resource) {

  static final String GLOBAL = "https://graph.microsoft.com";

  /** The delegated permission that reads GDAP relationships and their access assignments. */
  public static final String READ_PERMISSION = "DelegatedAdminRelationship.Read.All";

  public static GraphEndpoint of(Settings s) {
    String v = s.graphBaseUrl() == null ? "" : s.graphBaseUrl().strip();
    String cloudRoot = s.environment().graphUrl().orElse(GLOBAL);
    if (v.isEmpty() || v.equalsIgnoreCase(Settings.FROM_ENVIRONMENT)) {
      return s.embedded() || s.environment().graphUrl().isEmpty()
          ? new GraphEndpoint(true, null, cloudRoot)
          : new GraphEndpoint(false, cloudRoot, cloudRoot);
    }
    if (v.equalsIgnoreCase(Settings.EMBEDDED)) return new GraphEndpoint(true, null, cloudRoot);
    URI u = checked(v);
    String root = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority();
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    // the documented roots are often written with their version: https://graph.microsoft.com/v1.0
    if (path.equalsIgnoreCase("/v1.0")) path = "";
    return new GraphEndpoint(false, root + path, root.startsWith("https:") ? root : cloudRoot);
  }

  /** Refuses a pcsh.graph.base-url that is neither a keyword nor a usable URL. */
  static void check(String setting) {
    String v = setting == null ? "" : setting.strip();
    if (v.isEmpty()
        || v.equalsIgnoreCase(Settings.FROM_ENVIRONMENT)
        || v.equalsIgnoreCase(Settings.EMBEDDED)) return;
    checked(v);
  }

  /** The delegated scope (App+User). */
  public String delegatedScope() {
    return resource + "/" + READ_PERMISSION;
  }

  /** The app-only scope (client credentials). */
  public String appScope() {
    return resource + "/.default";
  }

  private static URI checked(String v) {
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() != null
          && u.getQuery() == null
          && u.getFragment() == null
          && u.getUserInfo() == null
          && (scheme.equals("https") || (scheme.equals("http") && loopback(u.getHost())))) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new Settings.InvalidSettingException(
        Settings.GRAPH_BASE_URL,
        v,
        "\"environment\", \"embedded\" or an https URL such as https://graph.microsoft.com"
            + " (plain http only on a loopback address: the Graph token must not cross a network"
            + " unencrypted)");
  }

  /** A literal loopback address or localhost; no name is looked up. */
  static boolean loopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) return true;
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
