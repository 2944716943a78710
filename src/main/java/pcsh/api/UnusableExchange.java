package pcsh.api;

import java.io.IOException;

/**
 * An exchange that sending again would not cure: an answer larger than any Partner Center answer,
 * or a request pcsh refused to send. {@link RetryingClient} never repeats it, and {@link
 * TransportFailures} reports it as its {@link PartnerCenterException.Kind}.
 */
final class UnusableExchange extends IOException {

  private final PartnerCenterException.Kind kind;
  private final int status;

  UnusableExchange(PartnerCenterException.Kind kind, int status, String description) {
    super(description);
    this.kind = kind;
    this.status = status;
  }

  PartnerCenterException.Kind kind() {
    return kind;
  }

  /** The status of the answer, 0 when none came. */
  int status() {
    return status;
  }

  /** The first {@code UnusableExchange} in {@code t}'s chain of causes, if any. */
  static UnusableExchange in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnusableExchange u) return u;
    }
    return null;
  }
}
