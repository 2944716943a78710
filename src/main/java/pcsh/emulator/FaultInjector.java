package pcsh.emulator;

import java.time.Duration;
import java.util.Random;

/**
 * Decides, per API request in arrival order, which {@link Faults} it meets. One {@code
 * Random(seed)} is advanced by the same number of draws for every request, whatever the outcome, so
 * request n of a sequence always meets the same faults for a given seed. Setting faults starts
 * their seed's sequence from the beginning.
 */
final class FaultInjector {

  /**
   * What one request meets: a delay, at most one fault answer, whether a successful write is
   * dropped.
   */
  record Plan(Duration delay, Kind fault, boolean dropAfterWrite, int retryAfterSeconds) {}

  enum Kind {
    NONE,
    EXPIRED_TOKEN,
    MFA_REQUIRED,
    THROTTLED,
    SERVER_ERROR_500,
    SERVER_ERROR_503,
    MALFORMED_HTML,
    BARE_STRING
  }

  private Faults faults;
  private Random random;
  private int burstLeft;
  private long serverErrors;

  FaultInjector(Faults faults) {
    set(faults);
  }

  synchronized void set(Faults newFaults) {
    faults = newFaults == null ? Faults.NONE : newFaults;
    random = new Random(faults.seed());
    burstLeft = 0;
    serverErrors = 0;
  }

  synchronized Faults faults() {
    return faults;
  }

  /**
   * The next request's plan. Order: latency; an ongoing 429 burst; expired token; MFA required;
   * throttle (starting a burst); 500/503 (alternating); malformed body (HTML 500 or bare-string
   * 400, by a further draw). The drop is only applied by the caller to a write that succeeded.
   */
  synchronized Plan next() {
    if (faults.equals(Faults.NONE)) {
      return new Plan(Duration.ZERO, Kind.NONE, false, 0);
    }
    double latency = random.nextDouble();
    double expired = random.nextDouble();
    double throttle = random.nextDouble();
    double serverError = random.nextDouble();
    double malformed = random.nextDouble();
    boolean html = random.nextBoolean();
    double drop = random.nextDouble();
    // drawn only when asked for, so the sequences of specs without it stay as they were
    double mfa = faults.mfaRequiredRate() > 0 ? random.nextDouble() : 1;

    Duration delay = latency < faults.latencyRate() ? faults.latency() : Duration.ZERO;
    Kind kind;
    if (burstLeft > 0) {
      burstLeft--;
      kind = Kind.THROTTLED;
    } else if (expired < faults.expiredTokenRate()) {
      kind = Kind.EXPIRED_TOKEN;
    } else if (mfa < faults.mfaRequiredRate()) {
      kind = Kind.MFA_REQUIRED;
    } else if (throttle < faults.throttleRate()) {
      burstLeft = faults.throttleBurst() - 1;
      kind = Kind.THROTTLED;
    } else if (serverError < faults.serverErrorRate()) {
      kind = serverErrors++ % 2 == 0 ? Kind.SERVER_ERROR_500 : Kind.SERVER_ERROR_503;
    } else if (malformed < faults.malformedErrorRate()) {
      kind = html ? Kind.MALFORMED_HTML : Kind.BARE_STRING;
    } else {
      kind = Kind.NONE;
    }
    return new Plan(
        delay,
        kind,
        kind == Kind.NONE && drop < faults.dropAfterWriteRate(),
        faults.retryAfterSeconds());
  }
}
