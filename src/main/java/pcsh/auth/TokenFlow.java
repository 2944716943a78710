package pcsh.auth;

import java.util.Optional;
import java.util.function.Function;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * A bearer token pcsh uses as it is: typed at {@code login --token} (kept in this process only) or
 * set in {@code PCSH_ACCESS_TOKEN} (read on every request, never stored). Neither is refreshed.
 */
final class TokenFlow implements SignInFlow {

  private final Function<String, String> env;

  TokenFlow(Function<String, String> env) {
    this.env = env;
  }

  /** With the variable set there is nothing to keep: it already decides every request. */
  @Override
  public SignIn signIn(LoginRequest req, Interaction ui) {
    Optional<String> fromEnv = fromEnvironment();
    if (fromEnv.isPresent())
      return SignIn.nothingKept(describe(fromEnv.get(), AuthKind.ACCESS_TOKEN));
    String t =
        ui.secret("Access token (input hidden): ")
            .map(TokenFlow::bare)
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () -> Secrets.missing("No access token was given.", Authenticator.TOKEN_ENV));
    return SignIn.typed(t, describe(t, AuthKind.BEARER_TOKEN));
  }

  /** {@code PCSH_ACCESS_TOKEN}, read each time so that a changed variable counts at once. */
  Optional<String> fromEnvironment() {
    String t = env.apply(Authenticator.TOKEN_ENV);
    if (t == null) return Optional.empty();
    t = bare(t);
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** The token without blanks around it or a "Bearer " in front. */
  static String bare(String t) {
    t = t.strip();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) t = t.substring(7).strip();
    return t;
  }

  /**
   * Reads the token's claims for display only (tenant, user); nothing is trusted or checked, and a
   * token that is not a JWT is shown as unknown.
   */
  static Principal describe(String token, AuthKind kind) {
    Optional<TokenClaims> claims = TokenClaims.parse(token);
    String tenant = claims.flatMap(TokenClaims::tenantId).orElse("unknown");
    String user = claims.flatMap(TokenClaims::user).orElse("unknown");
    return new Principal(
        kind,
        "partner tenant " + tenant,
        tenant,
        user,
        "unknown",
        claims.flatMap(TokenClaims::expiresOn));
  }
}
