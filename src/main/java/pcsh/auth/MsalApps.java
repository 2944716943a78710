package pcsh.auth;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Cloud;

/**
 * Builds the MSAL applications, all configured alike: one token cache file, pcsh's timeouts (MSAL's
 * default is to wait forever), no personal data in MSAL's log, and the test's HTTP client where a
 * test gives one.
 */
final class MsalApps {

  private final Path cacheFile;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final IHttpClient httpClient;

  /**
   * @param httpClient null in production: MSAL's own client with the timeouts above
   */
  MsalApps(Path cacheFile, Duration connectTimeout, Duration readTimeout, IHttpClient httpClient) {
    this.cacheFile = cacheFile;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.httpClient = httpClient;
  }

  Path cacheFile() {
    return cacheFile;
  }

  PublicClientApplication publicApp(Cloud cloud, String clientId, String tenant) {
    return configure(PublicClientApplication.builder(clientId), cloud, tenant).build();
  }

  ConfidentialClientApplication confidentialApp(
      Cloud cloud, String clientId, String tenant, IClientCredential credential) {
    return configure(ConfidentialClientApplication.builder(clientId, credential), cloud, tenant)
        .build();
  }

  private <B extends AbstractClientApplicationBase.Builder<B>> B configure(
      B b, Cloud cloud, String tenant) {
    try {
      b.authority(cloud.authority(tenant).orElseThrow());
    } catch (MalformedURLException e) {
      throw new SignInException(
          Reason.NOT_POSSIBLE, "The authority for tenant '" + tenant + "' is not a URL.", null);
    }
    b.setTokenCacheAccessAspect(new FileTokenCache(cacheFile))
        .connectTimeoutForDefaultHttpClient((int) connectTimeout.toMillis())
        .readTimeoutForDefaultHttpClient((int) readTimeout.toMillis())
        .logPii(false);
    if (httpClient != null) b.httpClient(httpClient);
    return b;
  }
}
