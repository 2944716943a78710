package pcsh.auth;

import java.util.Optional;

/**
 * Signing in, or getting a token for a request, failed in a way that needs the user. The reason
 * decides the message and the next step (the shell's error report owns the wording); the detail is
 * Entra ID's error code and trace ids, never a token or a secret.
 */
public final class SignInException extends RuntimeException {

  /** Why sign-in failed, one value per distinct next step. */
  public enum Reason {
    /**
     * AADSTS50076 / 50078 / 50079: multi-factor authentication is required, or its proof expired.
     */
    MFA_REQUIRED,
    /** invalid_grant: the refresh token or the session is no longer valid. */
    INVALID_GRANT,
    /** AADSTS7000218: the app is a confidential client and needs its secret (or certificate). */
    CLIENT_SECRET_REQUIRED,
    /** AADSTS7000215 / invalid_client: the secret or certificate was refused. */
    INVALID_CLIENT,
    /** AADSTS65001 / consent_required: nobody consented to the app for the tenant. */
    CONSENT_REQUIRED,
    /** The device code expired before the user finished signing in. */
    DEVICE_CODE_EXPIRED,
    /** The user pressed Ctrl-C while pcsh waited. */
    CANCELLED,
    /** No browser can be opened from this process. */
    NO_BROWSER,
    /** A secret pcsh needs was not given (no environment variable and nobody to ask). */
    SECRET_MISSING,
    /**
     * The settings do not allow this kind of sign-in (e.g. no authority for the embedded
     * environment).
     */
    NOT_POSSIBLE,
    /** Entra ID could not be reached (name lookup, connection, timeout). */
    UNREACHABLE,
    /** Any other refusal from Entra ID. */
    OTHER
  }

  private final Reason reason;
  private final String detail;

  public SignInException(String message) {
    this(Reason.NOT_POSSIBLE, message, null);
  }

  public SignInException(Reason reason, String message, String detail) {
    super(message);
    this.reason = reason;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  /** Entra ID's error code and trace or correlation id, when it answered. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
