package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends every attempt (each read retry, each write) through the client's {@link RateLimiter} while
 * one is set, and pauses it for the Retry-After of a 429, so all requests of a bulk run slow down
 * together.
 */
final class GatedClient implements Client {

  /** When a 429 gives no usable Retry-After. */
  static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

  private final Client delegate;
  private final Supplier<RateLimiter> limiter;

  GatedClient(Client delegate, Supplier<RateLimiter> limiter) {
    this.delegate = delegate;
    this.limiter = limiter;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    RateLimiter l = limiter.get();
    if (l == null) return delegate.execute(request, options);
    try {
      l.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("cancelled while waiting for the rate limit");
    }
    Response response = delegate.execute(request, options);
    if (response.status() == 429) {
      l.pause(
          PartnerCenterErrorDecoder.first(response.headers(), "Retry-After")
              .flatMap(GatedClient::seconds)
              .orElse(DEFAULT_PAUSE));
    }
    return response;
  }

  static java.util.Optional<Duration> seconds(String v) {
    try {
      return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
