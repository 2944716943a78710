package pcsh.shell;

/** pcsh's exit codes, the same for every command and documented in the README. */
public enum ExitCode {
  OK(0),
  /** The service, the network, or pcsh itself failed. */
  FAILURE(1),
  /** Usage error or invalid input; nothing was sent. */
  USAGE(2),
  /** The customer (or another resource) does not exist. */
  NOT_FOUND(3),
  /** Not signed in, or the service refused the credentials (401/403). */
  AUTH(4),
  /**
   * The service refused the request as invalid (another 4xx), or pcsh refused it for the same
   * reason.
   */
  REFUSED(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
