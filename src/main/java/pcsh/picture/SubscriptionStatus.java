package pcsh.picture;

import java.util.List;
import java.util.Locale;
import pcsh.api.Resource;

/**
 * A subscription's status, an open enum (spec 19): the service added {@code expired} and {@code
 * disabled} over time, so a value pcsh has not seen is shown and counted as received.
 */
public final class SubscriptionStatus {

  /** The documented statuses, which {@code subscriptions list --status} takes. */
  public static final List<String> KNOWN =
      List.of("none", "active", "pending", "suspended", "expired", "disabled", "deleted");

  private SubscriptionStatus() {}

  /** The status as sent, in lower case; "(none given)" when it is missing. */
  public static String of(Resource subscription) {
    String s = subscription.text("status");
    return s == null || s.isBlank() ? "(none given)" : s.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A legacy subscription: no {@code productType} and a {@code links.offer} (new commerce ones
   * carry {@code productType}, e.g. {@code OnlineServicesNCE}).
   */
  public static boolean legacy(Resource subscription) {
    return !subscription.has("productType") && subscription.has("links", "offer");
  }
}
