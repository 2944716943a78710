package pcsh.auth;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Instant;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * What a successful {@code login} leaves behind: an Entra ID sign-in (its record, and the MSAL
 * application whose cache holds its tokens), a token typed in for this process only, or nothing new
 * when the token in the environment decides every request anyway.
 *
 * @param record null unless this is an Entra ID sign-in
 * @param app the MSAL application of {@code record}
 * @param typedToken null unless a token was typed in
 */
record SignIn(
    Principal principal,
    SignInRecord record,
    AbstractClientApplicationBase app,
    String typedToken) {

  static SignIn entra(SignInRecord record, AbstractClientApplicationBase app) {
    return new SignIn(record.principal(), record, app, null);
  }

  static SignIn typed(String token, Principal principal) {
    return new SignIn(principal, null, null, token);
  }

  static SignIn nothingKept(Principal principal) {
    return new SignIn(principal, null, null, null);
  }

  /**
   * The sign-in of the user MSAL returned. One sign-in at a time: any other account {@code app}
   * still has in the cache is removed.
   */
  static SignIn user(
      AuthKind kind,
      LoginRequest req,
      IAuthenticationResult r,
      boolean confidential,
      AbstractClientApplicationBase app) {
    IAccount account = r.account();
    if (account == null) {
      throw new SignInException(
          Reason.OTHER,
          "Entra ID returned a token without an account, so pcsh could not" + " keep the sign-in.",
          null);
    }
    for (IAccount other : app.getAccounts().join()) {
      if (!other.homeAccountId().equals(account.homeAccountId())) app.removeAccount(other).join();
    }
    String home = account.homeAccountId();
    String tenantId = home.contains(".") ? home.substring(home.indexOf('.') + 1) : req.tenant();
    return entra(
        new SignInRecord(
            kind,
            req.environment(),
            req.clientId(),
            req.tenant(),
            home,
            account.username() == null ? "unknown" : account.username(),
            tenantId,
            expiry(r),
            confidential,
            null),
        app);
  }

  /** Without the typed token, which a record's own toString would print. */
  @Override
  public String toString() {
    return "SignIn[" + principal + (typedToken == null ? "" : ", a typed token") + "]";
  }

  static Instant expiry(IAuthenticationResult r) {
    return r.expiresOnDate() == null ? null : r.expiresOnDate().toInstant();
  }
}
