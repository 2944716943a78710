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
import java.util.concurrent.atomic.AtomicReference;
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
 * (which sets up JSSE); an https target gets the JDK default, trust store and all. A one-shot
 * command that sends requests has its client made on the warm-up thread while Spring starts.
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
    return (https(request.url()) ? tls() : plain()).execute(request, options);
  }

  /** Whether {@code url} is an https URL, so that its requests need the client with TLS. */
  static boolean https(String url) {
    return "https".equalsIgnoreCase(URI.create(url).getScheme());
  }

  private Client tls() {
    Client c = tls;
    if (c == null) {
      synchronized (this) {
        if (tls == null) tls = new JdkHttpTransport(http(true, connectTimeout));
        c = tls;
      }
    }
    return c;
  }

  private Client plain() {
    Client c = plain;
    if (c == null) {
      synchronized (this) {
        if (plain == null) plain = new JdkHttpTransport(http(false, connectTimeout));
        c = plain;
      }
    }
    return c;
  }

  /**
   * An HTTP client made ahead of the first request, for the first client that asks for its kind.
   */
  private record Prepared(boolean tls, Duration connectTimeout, HttpClient http) {}

  private static final AtomicReference<Prepared> PREPARED = new AtomicReference<>();

  /**
   * Makes, ahead of the first request ({@link WarmUp}), the HTTP client a command will use: the
   * JDK's TLS set-up for an https target (its trust store among it), the no-TLS context for plain
   * HTTP. The first {@code LazyHttpClient} that needs a client of that kind and connect timeout
   * takes it; any other makes its own. One never taken only leaves its selector thread, which ends
   * before the JVM exits ({@link Transport#stopSelectorThreads}).
   */
  static HttpClient prepare(boolean tls, Duration connectTimeout) {
    HttpClient http = build(tls, connectTimeout);
    PREPARED.set(new Prepared(tls, connectTimeout, http));
    return http;
  }

  /** The prepared client when it is of this kind and not yet taken, else a new one. */
  static HttpClient http(boolean tls, Duration connectTimeout) {
    Prepared p = PREPARED.get();
    if (p != null
        && p.tls() == tls
        && p.connectTimeout().equals(connectTimeout)
        && PREPARED.compareAndSet(p, null)) return p.http();
    return build(tls, connectTimeout);
  }

  private static HttpClient build(boolean tls, Duration connectTimeout) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    return (tls ? b : b.sslContext(noTls())).build();
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
