package pcsh.shell;

import pcsh.auth.Authenticator;
import pcsh.auth.SignInException;

/**
 * What to tell the user about each way a sign-in can fail: a headline, when Entra ID's own words
 * ({@code said}) need one, and the next step. {@link ErrorReport} prints them, all with exit code
 * 4.
 */
final class SignInMessages {

  /** The headline and the next step of one sign-in failure. */
  record Message(String headline, String next) {}

  private SignInMessages() {}

  static Message of(SignInException.Reason reason, String said) {
    String headline;
    String next;
    switch (reason) {
      case MFA_REQUIRED -> {
        headline =
            "Entra ID requires multi-factor authentication for this sign-in, or the MFA proof has expired.";
        next =
            "run `login` (or `login --browser`) and complete MFA; for the secure application model, create"
                + " the refresh token with a sign-in that used MFA, then `login --refresh-token`.";
      }
      case INVALID_GRANT -> {
        headline =
            "The sign-in is no longer valid (invalid_grant): the refresh token expired, was revoked, or"
                + " the account's password or policies changed.";
        next =
            "run `login` again (secure application model: get a new refresh token, then"
                + " `login --refresh-token`).";
      }
      case CLIENT_SECRET_REQUIRED -> {
        headline =
            "The app is a confidential client, so Entra ID refuses to sign in with it without its client"
                + " secret (AADSTS7000218).";
        next =
            "for `login` or `login --browser` use a public client id (pcsh.auth.client-id; the default is one);"
                + " with the partner's own app use `login --refresh-token` and give its secret in "
                + Authenticator.CLIENT_SECRET_ENV
                + " or at the prompt.";
      }
      case INVALID_CLIENT -> {
        headline =
            "Entra ID refused the app's credentials (the client secret or certificate, or the client id).";
        next =
            "check "
                + Authenticator.CLIENT_SECRET_ENV
                + " or the certificate and the --client-id,"
                + " then `login` again.";
      }
      case CONSENT_REQUIRED -> {
        headline =
            "Nobody has consented to the app's Partner Center permission for this tenant (AADSTS65001).";
        next =
            "ask an administrator of the partner tenant to grant consent to the app (Partner Center"
                + " user_impersonation), then `login` again.";
      }
      case DEVICE_CODE_EXPIRED -> {
        headline = "The device code expired before the sign-in was finished.";
        next = "run `login` again and enter the new code before its countdown ends.";
      }
      case CANCELLED -> {
        headline = said;
        next = "run `login` when you are ready.";
      }
      case NO_BROWSER -> {
        headline = said;
        next =
            "run `login` without --browser: the device code flow works from any terminal, with a browser on"
                + " any device.";
      }
      case SECRET_MISSING -> {
        headline = said;
        next =
            "set the variable named above (never pass secrets as arguments), or run the command in a"
                + " terminal.";
      }
      case NOT_POSSIBLE -> {
        headline = said;
        next =
            "check pcsh.environment and pcsh.base-url (README, \"Signing in\"), or use `login --token`.";
      }
      case UNREACHABLE -> {
        headline = said;
        next = "check the network (and any proxy), then run `login` again.";
      }
      default -> {
        headline = "Signing in failed.";
        next =
            "run `login` again; if it keeps failing, check pcsh.auth.client-id, pcsh.auth.tenant and"
                + " pcsh.environment.";
      }
    }
    return new Message(headline, next);
  }
}
