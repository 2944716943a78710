package pcsh.emulator;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The documented limits (spec 17): 500 requests a minute per tenant for the Customer resource and,
 * separately, for the Subscription resource. The docs state a limit per resource, so each has its
 * own bucket: {@code /v1/customers/{id}/subscriptions/**} takes from the subscriptions' bucket, the
 * rest of {@code /v1/customers/**} from the customers'. Other routes have no documented limit and
 * none here.
 */
final class RateLimits {

  private final RateLimit customers;
  private final RateLimit subscriptions;

  /** {@code perMinute} 0: no limit. */
  RateLimits(int perMinute, int burst, LongSupplier nanoClock) {
    this.customers = perMinute == 0 ? null : new RateLimit(perMinute, burst, nanoClock);
    this.subscriptions = perMinute == 0 ? null : new RateLimit(perMinute, burst, nanoClock);
  }

  /** 0 when the request may go on, else its Retry-After in seconds. */
  int take(List<String> segments) {
    if (customers == null
        || segments.size() < 2
        || !segments.get(0).equalsIgnoreCase("v1")
        || !segments.get(1).equalsIgnoreCase("customers")) {
      return 0;
    }
    boolean subscription =
        segments.size() >= 4 && segments.get(3).equalsIgnoreCase("subscriptions");
    return (subscription ? subscriptions : customers).take();
  }

  long refused() {
    return customers == null ? 0 : customers.refused() + subscriptions.refused();
  }
}
