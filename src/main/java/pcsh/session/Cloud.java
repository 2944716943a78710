package pcsh.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Partner Center cloud pcsh signs in to ({@code pcsh.environment}): the Entra ID authority
 * host, the API base URL and the resource whose scopes pcsh asks for, as listed in the Partner
 * Center API reference. {@code embedded} is the built-in emulator, which needs no sign-in.
 */
public enum Cloud {
  GLOBAL(
      "https://login.microsoftonline.com/",
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com"),
  USGOV(
      "https://login.microsoftonline.us/",
      "https://api.partnercenter.microsoft.com",
      "https://api.partnercenter.microsoft.com"),
  /**
   * 21Vianet: the reference lists the authority and base URL; the resource is taken to be the base
   * URL.
   */
  CHINA(
      "https://login.chinacloudapi.cn/",
      "https://partner.partnercenterapi.microsoftonline.cn",
      "https://partner.partnercenterapi.microsoftonline.cn"),
  EMBEDDED(null, null, null);

  private final String authorityHost;
  private final String apiBaseUrl;
  private final String resource;

  Cloud(String authorityHost, String apiBaseUrl, String resource) {
    this.authorityHost = authorityHost;
    this.apiBaseUrl = apiBaseUrl;
    this.resource = resource;
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
