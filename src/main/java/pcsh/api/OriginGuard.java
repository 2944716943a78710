package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sends a request only to the origin (scheme, host and port) of the configured base URL, so the
 * bearer token it carries goes nowhere else, whatever a URL built from an answer might hold; the
 * JDK client under it follows no redirect. Any client of pcsh that sends a token (the Graph client
 * too) goes through one of these.
 */
public final class OriginGuard implements Client {

  /** Throws what the client's callers get for a request to another origin, in its own terms. */
  @FunctionalInterface
  public interface Refusal {
    /**
     * Refuses {@code request}.
     *
     * @param allowed the base URL's origin, null when it cannot be read
     * @param to the request's origin, null when it cannot be read
     */
    void refuse(Request request, String allowed, String to) throws IOException;
  }

  private final Client delegate;
  private final Supplier<String> baseUrl;
  private final Refusal refusal;

  /**
   * @param baseUrl read on every request, as the client's target is
   */
  public OriginGuard(Client delegate, Supplier<String> baseUrl) {
    this(
        delegate,
        baseUrl,
        (request, allowed, to) -> {
          throw new UnusableExchange(
              PartnerCenterException.Kind.NOT_SENT,
              0,
              "pcsh sends requests, and the token with them, only to the base URL's origin "
                  + (allowed == null ? "(none)" : allowed)
                  + ", and this one was for "
                  + (to == null ? "an address pcsh cannot read" : to));
        });
  }

  public OriginGuard(Client delegate, Supplier<String> baseUrl, Refusal refusal) {
    this.delegate = delegate;
    this.baseUrl = baseUrl;
    this.refusal = refusal;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String allowed = origin(baseUrl.get());
    String to = origin(request.url());
    if (allowed == null || !allowed.equals(to)) refusal.refuse(request, allowed, to);
    return delegate.execute(request, options);
  }

  /**
   * {@code scheme://host:port} in lower case with the default port filled in; null when it is not
   * an http(s) URL with a host.
   */
  static String origin(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return null;
      int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
