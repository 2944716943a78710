package pcsh.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pcsh.api.Exchange;
import pcsh.api.NotSignedInException;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.auth.SignInException;
import pcsh.output.Text;

/**
 * One cheap authenticated read ({@code GET /v1/customers?size=1}): its status and round-trip time,
 * and how far the service's clock ({@code Date}) is from this machine's. Tokens carry times that
 * Entra ID and Partner Center check, so a skew of more than two minutes is worth a warning.
 */
final class ServiceChecks {

  static final Duration MAX_SKEW = Duration.ofMinutes(2);

  private final PartnerCenterClient client;
  private final String target;

  /**
   * @param target where requests go, as the user knows it (for the messages)
   */
  ServiceChecks(PartnerCenterClient client, String target) {
    this.client = client;
    this.target = target;
  }

  List<Check> run() {
    List<Check> checks = new ArrayList<>();
    Instant start = Instant.now();
    try {
      client.customers(1, null);
    } catch (NotSignedInException e) {
      checks.add(
          Check.warn("reachability", "not checked: not signed in", "run `login`, then `doctor`."));
      return checks;
    } catch (SignInException e) {
      checks.add(
          Check.warn(
              "reachability",
              "not checked: no token (" + Text.oneLine(e.getMessage()) + ")",
              "see the sign-in lines below."));
      return checks;
    } catch (PartnerCenterException e) {
      checks.add(failed(e));
      exchange(start).filter(x -> x.status() != 0).ifPresent(x -> checks.add(clock(x)));
      return checks;
    }
    Optional<Exchange> x = exchange(start);
    checks.add(
        Check.ok(
            "reachability",
            x.map(
                    e ->
                        "GET "
                            + e.path()
                            + " answered "
                            + e.status()
                            + " in "
                            + e.duration().toMillis()
                            + " ms (MS-RequestId "
                            + e.requestId()
                            + ")")
                .orElse("GET /v1/customers?size=1 answered")));
    x.ifPresent(e -> checks.add(clock(e)));
    return checks;
  }

  private Check failed(PartnerCenterException e) {
    String ids =
        " (MS-RequestId " + e.requestId() + ", MS-CorrelationId " + e.correlationId() + ")";
    if (e.status() == 0) {
      return Check.fail(
          "reachability",
          e.method() + " " + e.url() + ": " + Text.oneLine(e.description()) + " (no HTTP response)",
          "check pcsh.base-url ("
              + target
              + ") and the network; `whoami` shows where pcsh points.");
    }
    String found =
        e.method()
            + " "
            + e.url()
            + " answered "
            + e.status()
            + e.errorCode().map(c -> ", error " + c).orElse("")
            + ": "
            + Text.oneLine(e.description())
            + ids;
    if (e.status() == 401 || e.status() == 403) {
      return Check.fail(
          "reachability",
          found,
          e.errorCode().filter("900421"::equals).isPresent()
              ? "sign in again with MFA (see the MFA line below)."
              : "sign in again: run `login`; the lines below check the token.");
    }
    if (e.status() == 429 || e.status() >= 500) {
      return Check.warn(
          "reachability", found, "the service is busy or failing; try again in a minute.");
    }
    return Check.fail("reachability", found, "check pcsh.base-url (" + target + ").");
  }

  /** The newest read of the customer list this check made (already redacted). */
  private Optional<Exchange> exchange(Instant start) {
    return client.exchanges().recent().stream()
        .filter(e -> !e.time().isBefore(start) && e.path().startsWith("/v1/customers"))
        .max(Comparator.comparing(Exchange::time));
  }

  static Check clock(Exchange e) {
    Optional<Instant> served = date(e.responseHeaders());
    if (served.isEmpty()) {
      return Check.warn(
          "clock",
          "the answer had no Date header, so the skew is unknown",
          "compare this machine's clock with a reliable one (`date -u`).");
    }
    // the service stamped its answer between sending the request and receiving the response
    Instant local = e.time().plus(e.duration().dividedBy(2));
    Duration skew = Duration.between(local, served.get());
    String how =
        humane(skew.abs()) + (skew.isNegative() ? " behind" : " ahead of") + " this machine's";
    if (skew.abs().compareTo(MAX_SKEW) > 0) {
      return Check.warn(
          "clock",
          "the service's clock is "
              + how
              + ": tokens are checked against the clock, and sign-in or requests fail on skew",
          "set this machine's clock right (NTP), e.g. `timedatectl set-ntp true`.");
    }
    return Check.ok("clock", "within " + humane(skew.abs()) + " of the service's (Date header)");
  }

  private static Optional<Instant> date(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!h.getKey().equalsIgnoreCase("Date")) continue;
      try {
        return Optional.of(
            ZonedDateTime.parse(h.getValue().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant());
      } catch (DateTimeParseException ex) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static String humane(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
  }
}
