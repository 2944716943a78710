package pcsh.picture;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import pcsh.api.Resource;

/**
 * The customer's account validation status (spec 21): {@code Allowed}, {@code UnderReview}, {@code
 * NotAllowed}, {@code Unknown}, {@code Not Ready}, or a value pcsh has not seen (shown as
 * received); or none at all (the service's 404 with code 600074), which does not block
 * transactions.
 *
 * @param status the answer, empty when the customer has no account status
 */
public record AccountStatus(Optional<Resource> status) {

  /** The statuses under which the customer's transactions are blocked. */
  private static final Set<String> BLOCKING = Set.of("underreview", "notallowed", "unknown");

  public static AccountStatus none() {
    return new AccountStatus(Optional.empty());
  }

  /** The status as the service spelled it; empty when there is none. */
  public Optional<String> value() {
    return status.map(s -> s.text("status"));
  }

  public Optional<String> lastUpdate() {
    return status.map(s -> s.text("lastUpdateDateTime"));
  }

  /** Whether the customer's transactions are blocked: UnderReview, NotAllowed or Unknown. */
  public boolean blocking() {
    return value()
        .map(v -> BLOCKING.contains(v.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  /** One sentence: the status and whether it blocks the customer's transactions. */
  public String sentence() {
    if (status.isEmpty())
      return "No account status (Partner Center has none for this customer); transactions are not"
          + " blocked.";
    String v = value().filter(x -> !x.isBlank()).orElse("(no status given)");
    String when = lastUpdate().map(t -> ", last updated " + t).orElse("");
    return v
        + when
        + (blocking()
            ? ": the customer's transactions are blocked."
            : ": transactions are not blocked.");
  }
}
