package pcsh.graph;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Sends a request only to the origin (scheme, host, port) of pcsh.graph.base-url. Graph's next
 * links are absolute URLs chosen by whoever answered; one that points elsewhere is refused before
 * anything, the token above all, leaves pcsh.
 */
final class OriginGuard implements Client {

  private final Client delegate;
  private final Supplier<String> baseUrl;

  OriginGuard(Client delegate, Supplier<String> baseUrl) {
    this.delegate = delegate;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String allowed = origin(baseUrl.get());
    String target = origin(request.url());
    if (allowed == null || !allowed.equals(target)) {
      throw new GraphException(
          GraphException.Kind.OTHER_ORIGIN,
          0,
          null,
          "Graph's next link points at "
              + (target == null ? "an invalid address" : target)
              + ", not at "
              + allowed
              + " (pcsh.graph.base-url); nothing was sent there",
          request.httpMethod().name(),
          target == null ? "?" : target,
          null,
          null,
          null);
    }
    return delegate.execute(request, options);
  }

  /** {@code scheme://host:port} with the default port filled in; null when not an http(s) URL. */
  static String origin(String url) {
    try {
      URI u = URI.create(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) return null;
      int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
