package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Feign's JDK HttpClient transport, built on the first request instead of at start-up: building a
 * JDK HttpClient loads the JDK trust store (about a tenth of pcsh's start-up), and many commands
 * (whoami, help, output) send nothing. A plain-HTTP target (the embedded emulator on loopback)
 * never negotiates TLS, so its client gets a TLS context with no TLS in it instead of the JDK's
 * (which sets up JSSE); an https target gets the JDK default, trust store and all.
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
        if (plain == null) plain = new JdkHttpTransport(builder().sslContext(noTls()).build());
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

  /** The plain-HTTP TLS context's classes, set up ahead of the first request ({@link WarmUp}). */
  static void prepare() {
    noTls();
  }

  /**
   * For a client that only speaks plain HTTP: a TLS context with no TLS in it. Any TLS it were ever
   * asked for fails. The JDK's own TLS context, even one that trusts nothing, sets up JSSE (its
   * provider, cipher suites and algorithm constraints: about 300 classes and a tenth of a second of
   * a command's start), which a loopback http:// target never uses.
   */
  private static SSLContext noTls() {
    return new SSLContext(new NoTls(), NO_TLS_PROVIDER, "none") {};
  }

  private static final Provider NO_TLS_PROVIDER =
      new Provider("pcsh-plain-http", "1", "no TLS: pcsh's plain-HTTP client") {
        private static final long serialVersionUID = 1L;
      };

  private static final class NoTls extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException(
          "pcsh's plain-HTTP client makes no TLS connection (an https URL has a client of its"
              + " own)");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {}

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return null;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return null;
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }
  }
}
