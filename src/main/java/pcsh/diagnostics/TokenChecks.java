package pcsh.diagnostics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pcsh.auth.Authenticator;
import pcsh.auth.GraphToken;
import pcsh.auth.SignInException;
import pcsh.auth.TokenClaims;
import pcsh.output.Text;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Settings;

/**
 * The sign-in and its token, read on this machine: who pcsh acts as and how, when the token expires
 * and whether pcsh renews it, and the token's claims (spec 15): the audience, App+User or app-only,
 * and the {@code mfa} in {@code amr} that Partner Center requires of App+User calls since April
 * 2026. The token is never printed and goes nowhere new; an opaque token is "claims not readable".
 */
final class TokenChecks {

  static final String MFA_NEXT =
      "sign in again with MFA: run `login` (or `login --browser`) and complete the MFA prompt; with"
          + " the secure application model, the refresh token must come from a sign-in that used"
          + " MFA.";

  private final Settings settings;
  private final Authenticator auth;
  private final Clock clock;

  TokenChecks(Settings settings, Authenticator auth, Clock clock) {
    this.settings = settings;
    this.auth = auth;
    this.clock = clock;
  }

  List<Check> run(Optional<Principal> principal) {
    List<Check> checks = new ArrayList<>();
    if (principal.isEmpty()) {
      checks.add(Check.fail("sign-in", "not signed in", "run `login`."));
      return checks;
    }
    Principal p = principal.get();
    checks.add(
        Check.ok(
            "sign-in",
            p.kind().label()
                + ", "
                + Text.oneLine(p.user())
                + ", tenant "
                + Text.oneLine(p.tenantId())));
    Authenticator.TokenInspection token;
    try {
      token = auth.inspect();
    } catch (SignInException e) {
      checks.add(
          Check.fail(
              "token",
              "no token: "
                  + Text.oneLine(e.getMessage())
                  + e.detail().map(d -> " (" + d + ")").orElse(""),
              "run `login` again."));
      return checks;
    }
    if (!token.present()) {
      checks.add(Check.fail("token", "no token for the sign-in", "run `login` again."));
      return checks;
    }
    checks.add(expiry(token.claims().flatMap(TokenClaims::expiresOn).or(auth::expiresOn)));
    if (token.claims().isEmpty()) {
      checks.add(
          Check.warn(
              "token claims",
              "not readable (the token is not a JWT), so its audience and MFA are not checked here",
              "nothing to do unless Partner Center refuses the token; then `login` with Entra ID."));
    } else {
      claims(token.claims().get(), checks);
    }
    GraphToken g = auth.graphToken();
    checks.add(
        g.available()
            ? Check.ok("Graph token", "from " + g.source())
            : Check.warn(
                "Graph token",
                "none: " + g.problem() + " (only the GDAP check before a GCC write needs it)",
                g.next()));
    return checks;
  }

  private Check expiry(Optional<Instant> expires) {
    boolean renews = auth.canRefresh();
    if (settings.embedded())
      return Check.ok("token", "the emulator's demo token (it does not expire)");
    String how =
        renews
            ? "pcsh renews it (MSAL, silently)"
            : "pcsh cannot renew it (it was given to pcsh, or its secret is not in this process)";
    if (expires.isEmpty()) return Check.ok("token", "expiry unknown; " + how);
    Duration left = Duration.between(clock.instant(), expires.get());
    String when =
        "expires " + expires.get().truncatedTo(ChronoUnit.SECONDS) + " (" + left(left) + ")";
    if (left.isNegative() && !renews) {
      return Check.fail(
          "token",
          "expired " + left(left) + "; " + how,
          "run `login`, or set a fresh PCSH_ACCESS_TOKEN.");
    }
    if (left.compareTo(Duration.ofMinutes(5)) < 0 && !renews) {
      return Check.warn("token", when + "; " + how, "get a fresh token before it expires.");
    }
    return Check.ok("token", when + "; " + how);
  }

  private void claims(TokenClaims c, List<Check> checks) {
    String expected = expectedAudience();
    String aud = c.audience().orElse("(none)");
    checks.add(
        sameResource(aud, expected)
            ? Check.ok("audience", "aud " + aud)
            : Check.fail(
                "audience",
                "aud is "
                    + aud
                    + ", not the Partner Center resource "
                    + expected
                    + ": Partner Center refuses the token (401)",
                "sign in for Partner Center: `login` asks for "
                    + expected
                    + "/user_impersonation; a PCSH_ACCESS_TOKEN must be issued for "
                    + expected
                    + "."));
    String who =
        ", tenant " + c.tenantId().orElse("(no tid)") + c.upn().map(u -> ", user " + u).orElse("");
    if (c.appOnly()) {
      checks.add(
          Check.warn(
              "App+User",
              "app-only token (roles: "
                  + String.join(", ", c.roles())
                  + who
                  + "): reads work, but"
                  + " Partner Center refuses qualification writes, which need App+User",
              "for writes, sign in as a user: `login`, or `login --refresh-token`."));
      checks.add(Check.ok("MFA", "not required of an app-only token"));
      return;
    }
    checks.add(Check.ok("App+User", "delegated (scp " + String.join(" ", c.scopes()) + who + ")"));
    List<String> amr = c.authMethods();
    checks.add(
        c.mfa()
            ? Check.ok("MFA", "amr " + String.join(", ", amr))
            : Check.fail(
                "MFA",
                "the token's amr claim ("
                    + (amr.isEmpty() ? "absent" : String.join(", ", amr))
                    + ") has no mfa: since April 1, 2026 Partner Center refuses every App+User call"
                    + " whose sign-in did not use MFA (401, error 900421)",
                MFA_NEXT));
  }

  /**
   * The Partner Center resource the base URL belongs to: the cloud whose API host it is, else
   * pcsh.environment's; the emulator imitates the global service.
   */
  private String expectedAudience() {
    if (!settings.embedded()) {
      String host = host(settings.apiBaseUrl());
      for (Cloud c : Cloud.values()) {
        if (c.apiBaseUrl().map(TokenChecks::host).filter(host::equalsIgnoreCase).isPresent()) {
          return c.resource().orElseThrow();
        }
      }
    }
    return settings.environment().resource().orElse(Cloud.GLOBAL.resource().orElseThrow());
  }

  private static boolean sameResource(String aud, String expected) {
    String a = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
    return a.equalsIgnoreCase(expected);
  }

  private static String host(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String left(Duration d) {
    long m = d.abs().toMinutes();
    String amount = m >= 120 ? (m / 60) + " h" : m + " min";
    return d.isNegative() ? amount + " ago" : "in " + amount;
  }
}
