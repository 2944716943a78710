package pcsh.api;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Retries reads (GET) on 429, 500/502/503/504 and connection failures (a timeout, a connection
 * closed mid-answer). The very same request goes out again, so every attempt carries the same
 * MS-RequestId. Not repeated: an answer that would come back the same (one pcsh cannot read, or one
 * too large) and any write (anything but GET), whatever happens.
 */
final class RetryingClient implements Client {

  private static final ThreadLocal<Integer> ATTEMPT = ThreadLocal.withInitial(() -> 1);

  private final Client delegate;
  private final RetryPolicy policy;

  RetryingClient(Client delegate, RetryPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  static int attempt() {
    return ATTEMPT.get();
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (request.httpMethod() != Request.HttpMethod.GET) return delegate.execute(request, options);
    try {
      for (int attempt = 1; ; attempt++) {
        ATTEMPT.set(attempt);
        boolean last = attempt >= policy.maxAttempts();
        Response response;
        try {
          response = delegate.execute(request, options);
        } catch (InterruptedIOException | UnusableExchange e) {
          throw e;
        } catch (IOException e) {
          if (last || Thread.currentThread().isInterrupted()) throw e;
          pause(policy.backoff(attempt), "the connection failed", attempt + 1);
          continue;
        }
        int s = response.status();
        boolean retryable = s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
        if (!retryable || last) return response;
        Duration wait =
            s == 429
                ? retryAfter(response.headers()).orElse(policy.backoff(attempt))
                : policy.backoff(attempt);
        if (wait.compareTo(policy.maxWait()) > 0) return response;
        response.close();
        pause(wait, s == 429 ? "throttled (HTTP 429)" : "HTTP " + s, attempt + 1);
      }
    } finally {
      ATTEMPT.remove();
    }
  }

  private void pause(Duration wait, String reason, int next) throws InterruptedIOException {
    try {
      policy.sleeper().sleep(wait, reason, next, policy.maxAttempts());
    } catch (InterruptedException e) {
      throw new InterruptedIOException("cancelled");
    }
  }

  private static java.util.Optional<Duration> retryAfter(Map<String, Collection<String>> headers) {
    return PartnerCenterErrorDecoder.first(headers, "Retry-After")
        .flatMap(
            v -> {
              try {
                return java.util.Optional.of(
                    Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            });
  }
}
