package pcsh.emulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start an {@link Emulator}.
 *
 * @param stateDir directory holding {@code state.json}; {@code null} keeps the state in memory only
 * @param port TCP port on the loopback address; 0 picks a free one
 * @param seedCustomers customers in the directory; the 8 named ones are always present, the rest
 *     are generated
 * @param legacyCasing spelling of the legacy qualification values; {@code null} means {@link
 *     LegacyCasing#SNAKE}
 * @param vettingDelay how long an Education created by the V2 POST stays InReview before it is
 *     decided; zero decides it on the next access; {@code null} means 30 seconds; negative is
 *     refused
 * @param faults faults injected into API requests; {@code null} means {@link Faults#NONE}
 * @param rateLimit requests a minute the partner tenant may send to the Customer resource ({@code
 *     /v1/customers/**}) and, separately, to the Subscription resource ({@code
 *     /v1/customers/{id}/subscriptions/**}) before getting 429 with Retry-After (spec 9.4, 17); 0
 *     turns the limits off
 * @param rateBurst how many requests may come at once within the rate limit; 0 means a tenth of a
 *     minute's worth (at least 1)
 * @param requireMfa refuse Partner Center requests whose App+User JWT has no {@code mfa} in its
 *     {@code amr} claim, as Partner Center does since April 2026 (spec 15); the demo partner's
 *     token passes, app-only tokens are not affected
 */
public record EmulatorConfig(
    Path stateDir,
    int port,
    int seedCustomers,
    LegacyCasing legacyCasing,
    Duration vettingDelay,
    Faults faults,
    int rateLimit,
    int rateBurst,
    boolean requireMfa) {

  static final int DEFAULT_SEED_CUSTOMERS = 1200;
  static final Duration DEFAULT_VETTING_DELAY = Duration.ofSeconds(30);

  public EmulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (seedCustomers < 0) {
      throw new IllegalArgumentException("seedCustomers must not be negative: " + seedCustomers);
    }
    if (legacyCasing == null) {
      legacyCasing = LegacyCasing.SNAKE;
    }
    if (vettingDelay == null) {
      vettingDelay = DEFAULT_VETTING_DELAY;
    }
    if (vettingDelay.isNegative()) {
      throw new IllegalArgumentException("vettingDelay must not be negative: " + vettingDelay);
    }
    if (faults == null) {
      faults = Faults.NONE;
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit must not be negative: " + rateLimit);
    }
    if (rateBurst < 0) {
      throw new IllegalArgumentException("rateBurst must not be negative: " + rateBurst);
    }
    if (rateBurst == 0) {
      rateBurst = Math.max(1, rateLimit / 10);
    }
  }

  /** Without a rate limit. */
  public EmulatorConfig(
      Path stateDir,
      int port,
      int seedCustomers,
      LegacyCasing legacyCasing,
      Duration vettingDelay,
      Faults faults) {
    this(stateDir, port, seedCustomers, legacyCasing, vettingDelay, faults, 0, 0, false);
  }

  public static EmulatorConfig inMemory() {
    return new EmulatorConfig(
        null, 0, DEFAULT_SEED_CUSTOMERS, LegacyCasing.SNAKE, DEFAULT_VETTING_DELAY, Faults.NONE);
  }

  public static EmulatorConfig persistent(Path stateDir) {
    if (stateDir == null) {
      throw new IllegalArgumentException("stateDir is required for a persistent emulator");
    }
    return new EmulatorConfig(
        stateDir,
        0,
        DEFAULT_SEED_CUSTOMERS,
        LegacyCasing.SNAKE,
        DEFAULT_VETTING_DELAY,
        Faults.NONE);
  }

  public EmulatorConfig withPort(int port) {
    return new EmulatorConfig(
        stateDir,
        port,
        seedCustomers,
        legacyCasing,
        vettingDelay,
        faults,
        rateLimit,
        rateBurst,
        requireMfa);
  }

  public EmulatorConfig withSeedCustomers(int n) {
    return new EmulatorConfig(
        stateDir, port, n, legacyCasing, vettingDelay, faults, rateLimit, rateBurst, requireMfa);
  }

  /**
   * The same configuration with another vetting delay (zero allowed, negative or {@code null}
   * refused).
   */
  public EmulatorConfig withVettingDelay(Duration delay) {
    if (delay == null) {
      throw new IllegalArgumentException("vettingDelay is required");
    }
    return new EmulatorConfig(
        stateDir,
        port,
        seedCustomers,
        legacyCasing,
        delay,
        faults,
        rateLimit,
        rateBurst,
        requireMfa);
  }

  /** The same configuration with other faults; {@code null} means {@link Faults#NONE}. */
  public EmulatorConfig withFaults(Faults newFaults) {
    return new EmulatorConfig(
        stateDir,
        port,
        seedCustomers,
        legacyCasing,
        vettingDelay,
        newFaults,
        rateLimit,
        rateBurst,
        requireMfa);
  }

  /**
   * The same configuration with a rate limit of {@code perMinute} requests a minute (0: off) and a
   * burst of {@code burst} (0: a tenth of a minute's worth).
   */
  public EmulatorConfig withRateLimit(int perMinute, int burst) {
    return new EmulatorConfig(
        stateDir,
        port,
        seedCustomers,
        legacyCasing,
        vettingDelay,
        faults,
        perMinute,
        burst,
        requireMfa);
  }

  /** The same configuration with the MFA rule on or off. */
  public EmulatorConfig withRequireMfa(boolean on) {
    return new EmulatorConfig(
        stateDir,
        port,
        seedCustomers,
        legacyCasing,
        vettingDelay,
        faults,
        rateLimit,
        rateBurst,
        on);
  }
}
