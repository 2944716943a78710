package pcsh.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Partner Center cloud pcsh signs in to ({@code pcsh.environment}): the Entra ID authority
 * host, the API base URL and the resource whose scopes pcsh asks for, as listed in the Partner
 * Center API reference, and the Microsoft Graph root of that cloud (for GDAP, see {@link
 * GraphEndpoint}). {@code embedded} is the built-in emulator, which needs no sign-in.
 */
public enum Cloud {
  GLOBAL(
      "https://login.microsoftonline.com/",
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com",
      "https://graph.microsoft.com"),
  /**
   * Graph: the US Government L4 root (GCC High); L5 (DoD) tenants use
   * https://dod-graph.microsoft.us through pcsh.graph.base-url. Inferred: Partner Center for US
   * Government signs in at login.microsoftonline.us, whose tenants Graph serves from these national
   * roots.
   */
  USGOV(
      "https://login.microsoftonline.us/",
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com",
      "https://graph.microsoft.us"),
  /**
   * 21Vianet: the reference lists the authority and base URL; the resource is taken to be the base
   * URL.
   */
  CHINA(
      "https://login.chinacloudapi.cn/",
      "https://partner.partnercenterapi.microsoftonline.cn",
      "https://partner.partnercenterapi.microsoftonline.cn",
      "https://microsoftgraph.chinacloudapi.cn"),
  EMBEDDED(null, null, null, null);

  private final String authorityHost;
  private final String apiBaseUrl;
  private final String resource;
  private final String graphUrl;

  Cloud(String authorityHost, String apiBaseUrl, String resource, String graphUrl) {
    this.authorityHost = authorityHost;
    this.apiBaseUrl = apiBaseUrl;
    this.resource = resource;
    this.graphUrl = graphUrl;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code https://login.microsoftonline.com/<tenant>/}; absent for the emulator. */
  public Optional<String> authority(String tenant) {
    return Optional.ofNullable(authorityHost).map(h -> h + tenant + "/");
  }

  public Optional<String> apiBaseUrl() {
    return Optional.ofNullable(apiBaseUrl);
  }

  /**
   * The Partner Center resource, which a token's {@code aud} names; absent for the emulator, which
   * imitates the global service.
   */
  public Optional<String> resource() {
    return Optional.ofNullable(resource);
  }

  /** The Microsoft Graph root of this cloud; absent for the emulator, which serves Graph itself. */
  public Optional<String> graphUrl() {
    return Optional.ofNullable(graphUrl);
  }

  /** The delegated (App+User) scope. */
  public String userScope() {
    return resource + "/user_impersonation";
  }

  /** The app-only (client credentials) scope. */
  public String appScope() {
    return resource + "/.default";
  }

  public static Optional<Cloud> parse(String s) {
    if (s == null) return Optional.empty();
    String v = s.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id().equals(v)).findFirst();
  }
}
