package pcsh.session;

/** Who pcsh acts as: what the prompt and {@code whoami} show. Holds no secret. */
public record Principal(AuthKind kind, String partnerName, String tenantId, String user) {

  /** How the session got its credentials. */
  public enum AuthKind {
    /** Signed in as the embedded emulator's demo partner. */
    EMULATOR_DEMO,
    /** A bearer token from {@code PCSH_ACCESS_TOKEN}. */
    ACCESS_TOKEN
  }
}
