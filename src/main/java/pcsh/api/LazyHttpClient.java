package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Feign's JDK HttpClient transport, built on the first request instead of at start-up: building a
 * JDK HttpClient loads the JDK trust store (about a tenth of pcsh's start-up), and many commands
 * (whoami, help, output) send nothing. A plain-HTTP target (the embedded emulator on loopback)
 * never negotiates TLS, so its client gets a TLS context that trusts no certificate instead of the
 * trust store; an https target gets the JDK default.
 */
final class LazyHttpClient implements Client {

  private final Duration connectTimeout;
  private volatile Client plain;
  private volatile Client tls;

  LazyHttpClient(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    boolean https = "https".equalsIgnoreCase(URI.create(request.url()).getScheme());
    return (https ? tls() : plain()).execute(request, options);
  }

  private Client tls() {
    Client c = tls;
    if (c == null) {
      synchronized (this) {
        if (tls == null) tls = new JdkHttpTransport(builder().build());
        c = tls;
      }
    }
    return c;
  }

  private Client plain() {
    Client c = plain;
    if (c == null) {
      synchronized (this) {
        if (plain == null)
          plain = new JdkHttpTransport(builder().sslContext(trustingNothing()).build());
        c = plain;
      }
    }
    return c;
  }

  private HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
  }

  /**
   * For a client that only speaks plain HTTP: any TLS handshake it were ever asked to make fails.
   */
  private static SSLContext trustingNothing() {
    X509TrustManager none =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            throw new CertificateException("pcsh's plain-HTTP client trusts no certificate");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            throw new CertificateException("pcsh's plain-HTTP client trusts no certificate");
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {none}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS implementation in this JDK", e);
    }
  }
}
