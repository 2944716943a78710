package pcsh.picture;

import java.util.function.BooleanSupplier;
import pcsh.auth.Authenticator;
import pcsh.auth.TokenClaims;
import pcsh.session.Principal;
import pcsh.session.SessionHolder;

/** Whether pcsh is signed in app-only, which Partner Center refuses on App+User-only reads. */
public final class SignInKind {

  private SignInKind() {}

  /**
   * App-only: signed in as a service principal, or a token whose claims say so (application roles,
   * no delegated scope). Read when asked (after a 403), so it costs nothing before.
   */
  public static BooleanSupplier appOnly(SessionHolder session, Authenticator auth) {
    return () -> {
      if (session
          .get()
          .principal()
          .map(p -> p.kind() == Principal.AuthKind.SERVICE_PRINCIPAL)
          .orElse(false)) return true;
      try {
        return auth.inspect().claims().map(TokenClaims::appOnly).orElse(false);
      } catch (RuntimeException e) {
        return false; // no token to read: the 403 is reported as it came
      }
    };
  }
}
