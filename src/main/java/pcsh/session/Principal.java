package pcsh.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Who pcsh acts as: what the prompt and {@code whoami} show. Holds no secret.
 *
 * @param environment the {@code pcsh.environment} signed in to ({@code embedded} for the demo
 *     partner)
 * @param expiresOn when the current access token expires, where pcsh knows it
 */
public record Principal(
    AuthKind kind,
    String partnerName,
    String tenantId,
    String user,
    String environment,
    Optional<Instant> expiresOn) {

  public Principal(AuthKind kind, String partnerName, String tenantId, String user) {
    this(
        kind,
        partnerName,
        tenantId,
        user,
        kind == AuthKind.EMULATOR_DEMO ? "embedded" : "unknown",
        Optional.empty());
  }

  public Principal withExpiry(Optional<Instant> e) {
    return new Principal(kind, partnerName, tenantId, user, environment, e);
  }

  /** How the session got its credentials. */
  public enum AuthKind {
    /** Signed in as the embedded emulator's demo partner. */
    EMULATOR_DEMO("embedded emulator demo partner"),
    /** A bearer token from {@code PCSH_ACCESS_TOKEN}. */
    ACCESS_TOKEN("access token from PCSH_ACCESS_TOKEN"),
    /** A bearer token typed or piped to {@code login --token}; kept in memory only. */
    BEARER_TOKEN("bearer token given to login --token (this process only)"),
    /** Entra ID device code flow, public client (App+User). */
    DEVICE_CODE("device code (App+User)"),
    /** Entra ID authorization code flow in a browser (App+User). */
    BROWSER("browser sign-in (App+User)"),
    /** Secure application model: the partner's app and a refresh token (App+User). */
    REFRESH_TOKEN("refresh token, secure application model (App+User)"),
    /** Client credentials (app-only): reads work, qualification writes are refused. */
    SERVICE_PRINCIPAL("service principal (app-only)");

    private final String label;

    AuthKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
