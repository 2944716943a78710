package pcsh.emulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults an {@link Emulator} injects into {@code /v1/...} requests (and, for {@code graph},
 * into Graph's {@code /v1.0/...}), each rate a probability (0..1) per request, drawn from one
 * {@code java.util.Random(seed)} so a given seed and request sequence always meet the same faults.
 *
 * <p>Spec grammar ({@link #parse}, {@link #spec}): {@code none}, blank, or comma-separated {@code
 * key=value} parts in any order, each key at most once:
 *
 * <pre>
 *   seed=&lt;long&gt;                 default 0
 *   latency=&lt;n&gt;ms|&lt;n&gt;s[@&lt;rate&gt;]  delay before answering; rate defaults to 1
 *   throttle=&lt;rate&gt;            429 with Retry-After and the gateway body
 *   retry-after=&lt;seconds&gt;      default 1
 *   burst=&lt;n&gt;                  consecutive 429s a throttle starts, default 1
 *   5xx=&lt;rate&gt;                 500 or 503 (alternating) with an ApiFault
 *   drop-after-write=&lt;rate&gt;    a successful write is applied, then the connection is dropped unanswered
 *   malformed=&lt;rate&gt;           500 with an HTML body, or 400 with a bare JSON string
 *   expired-token=&lt;rate&gt;       401 "The access token has expired"
 *   mfa-required=&lt;rate&gt;        401 with code 900421: the token's sign-in did not use MFA (spec 15)
 *   graph=403|503               every Microsoft Graph request (/v1.0/...) gets this status in Graph's
 *                               error envelope: no permission, or Graph down
 * </pre>
 *
 * <p>Longer than most records: the spec's grammar, its parser and its writer stay with the values
 * they describe.
 *
 * @param latency how long a latency fault waits; {@code null} means zero
 * @param retryAfterSeconds the {@code Retry-After} of a 429, 0 or more
 * @param throttleBurst how many consecutive 429s one throttle gives, 1 or more
 * @param graphStatus 0 (Graph answers), 403 or 503
 */
public record Faults(
    long seed,
    double latencyRate,
    Duration latency,
    double throttleRate,
    int retryAfterSeconds,
    int throttleBurst,
    double serverErrorRate,
    double dropAfterWriteRate,
    double malformedErrorRate,
    double expiredTokenRate,
    double mfaRequiredRate,
    int graphStatus) {

  /** No faults at all. */
  public static final Faults NONE = new Faults(0, 0, Duration.ZERO, 0, 1, 1, 0, 0, 0, 0, 0, 0);

  private static final Pattern LATENCY = Pattern.compile("(\\d+)(ms|s)(?:@(.+))?");

  public Faults {
    rate("latency", latencyRate);
    rate("throttle", throttleRate);
    rate("5xx", serverErrorRate);
    rate("drop-after-write", dropAfterWriteRate);
    rate("malformed", malformedErrorRate);
    rate("expired-token", expiredTokenRate);
    rate("mfa-required", mfaRequiredRate);
    if (graphStatus != 0 && graphStatus != 403 && graphStatus != 503) {
      throw new IllegalArgumentException("graph must be 403 or 503: " + graphStatus);
    }
    if (latency == null) {
      latency = Duration.ZERO;
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retry-after must not be negative: " + retryAfterSeconds);
    }
    if (throttleBurst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + throttleBurst);
    }
  }

  /**
   * Reads a spec such as {@code
   * seed=42,latency=200ms@0.1,throttle=0.2,retry-after=1,burst=3,5xx=0.1}; see the class comment
   * for the grammar.
   *
   * @throws IllegalArgumentException naming the part that is unknown, repeated or out of range
   */
  public static Faults parse(String spec) {
    if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
      return NONE;
    }
    long seed = NONE.seed;
    double latencyRate = 0;
    Duration latency = Duration.ZERO;
    double throttle = 0;
    int retryAfter = NONE.retryAfterSeconds;
    int burst = NONE.throttleBurst;
    double serverError = 0;
    double drop = 0;
    double malformed = 0;
    double expired = 0;
    double mfa = 0;
    int graph = 0;
    Set<String> seen = new HashSet<>();
    for (String raw : spec.split(",", -1)) {
      String part = raw.trim();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw bad(part, "expected key=value");
      }
      String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim();
      if (!seen.add(key)) {
        throw bad(part, "'" + key + "' is given twice");
      }
      switch (key) {
        case "seed" -> seed = parseLong(part, value);
        case "latency" -> {
          Matcher m = LATENCY.matcher(value);
          if (!m.matches()) {
            throw bad(
                part, "expected latency=<n>ms or <n>s, optionally @<rate>, e.g. latency=200ms@0.1");
          }
          long n = parseLong(part, m.group(1));
          latency = m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
          latencyRate = m.group(3) == null ? 1 : parseRate(part, m.group(3));
        }
        case "throttle" -> throttle = parseRate(part, value);
        case "retry-after" -> retryAfter = parseInt(part, value, 0);
        case "burst" -> burst = parseInt(part, value, 1);
        case "5xx" -> serverError = parseRate(part, value);
        case "drop-after-write" -> drop = parseRate(part, value);
        case "malformed" -> malformed = parseRate(part, value);
        case "expired-token" -> expired = parseRate(part, value);
        case "mfa-required" -> mfa = parseRate(part, value);
        case "graph" -> {
          if (!value.equals("403") && !value.equals("503")) {
            throw bad(part, "expected graph=403 (no permission) or graph=503 (Graph down)");
          }
          graph = Integer.parseInt(value);
        }
        default ->
            throw bad(
                part,
                "unknown fault '"
                    + key
                    + "'; known: seed, latency, throttle, "
                    + "retry-after, burst, 5xx, drop-after-write, malformed, expired-token,"
                    + " mfa-required, graph");
      }
    }
    return new Faults(
        seed,
        latencyRate,
        latency,
        throttle,
        retryAfter,
        burst,
        serverError,
        drop,
        malformed,
        expired,
        mfa,
        graph);
  }

  /**
   * The canonical spec: {@code none} for {@link #NONE}, otherwise {@code seed} first and then, in
   * the grammar's order, every part that differs from its default; {@code parse(spec())} equals
   * this.
   */
  public String spec() {
    if (equals(NONE)) {
      return "none";
    }
    StringJoiner j = new StringJoiner(",");
    j.add("seed=" + seed);
    if (latencyRate > 0 || !latency.isZero()) {
      j.add("latency=" + latency.toMillis() + "ms@" + number(latencyRate));
    }
    if (throttleRate > 0) {
      j.add("throttle=" + number(throttleRate));
    }
    if (retryAfterSeconds != NONE.retryAfterSeconds) {
      j.add("retry-after=" + retryAfterSeconds);
    }
    if (throttleBurst != NONE.throttleBurst) {
      j.add("burst=" + throttleBurst);
    }
    if (serverErrorRate > 0) {
      j.add("5xx=" + number(serverErrorRate));
    }
    if (dropAfterWriteRate > 0) {
      j.add("drop-after-write=" + number(dropAfterWriteRate));
    }
    if (malformedErrorRate > 0) {
      j.add("malformed=" + number(malformedErrorRate));
    }
    if (expiredTokenRate > 0) {
      j.add("expired-token=" + number(expiredTokenRate));
    }
    if (mfaRequiredRate > 0) {
      j.add("mfa-required=" + number(mfaRequiredRate));
    }
    if (graphStatus != 0) {
      j.add("graph=" + graphStatus);
    }
    return j.toString();
  }

  /** The same faults with another seed. */
  public Faults withSeed(long newSeed) {
    return new Faults(
        newSeed,
        latencyRate,
        latency,
        throttleRate,
        retryAfterSeconds,
        throttleBurst,
        serverErrorRate,
        dropAfterWriteRate,
        malformedErrorRate,
        expiredTokenRate,
        mfaRequiredRate,
        graphStatus);
  }

  @Override
  public String toString() {
    return spec();
  }

  private static void rate(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " rate must be between 0 and 1: " + value);
    }
  }

  private static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static double parseRate(String part, String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw bad(part, "'" + value + "' is not a number");
    }
    if (!(d >= 0 && d <= 1)) {
      throw bad(part, "a rate is a probability between 0 and 1");
    }
    return d;
  }

  private static long parseLong(String part, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw bad(part, "'" + value + "' is not a whole number");
    }
  }

  private static int parseInt(String part, String value, int min) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw bad(part, "'" + value + "' is not a whole number");
    }
    if (n < min) {
      throw bad(part, "must be at least " + min);
    }
    return n;
  }

  private static IllegalArgumentException bad(String part, String why) {
    return new IllegalArgumentException("bad fault spec part '" + part + "': " + why);
  }
}
