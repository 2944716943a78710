package pcsh.failure;

import java.util.Optional;

/**
 * A failure pcsh detects itself, already phrased for the user: what failed and why ({@code
 * message}), what to do next ({@link #nextStep()}), and its {@link Kind}. Features and commands
 * raise it; the shell's one error mapper turns the kind into an exit code and prints the report, so
 * no feature knows about terminals or exit codes.
 */
public class Failure extends RuntimeException {

  /** What kind of failure it is; the shell maps each kind to one documented exit code. */
  public enum Kind {
    /** Invalid input; nothing was sent. */
    USAGE,
    /** The customer (or another resource) does not exist. */
    NOT_FOUND,
    /**
     * What the rules forbid, detected before anything is written, or a request the service refused.
     */
    REFUSED,
    /** Not signed in, or the credentials do not allow it. */
    AUTH,
    /** The service, the network or pcsh failed. */
    FAILED
  }

  private final Kind kind;
  private final String nextStep;

  public Failure(Kind kind, String message, String nextStep) {
    super(message);
    this.kind = kind;
    this.nextStep = nextStep;
  }

  /**
   * A failure that followed a failed call ({@code cause}): the report then also lists that call's
   * ids.
   */
  public Failure(Kind kind, String message, String nextStep, RuntimeException cause) {
    this(kind, message, nextStep);
    initCause(cause);
  }

  /** Invalid input; nothing is sent. */
  public static Failure usage(String message, String nextStep) {
    return new Failure(Kind.USAGE, message, nextStep);
  }

  public static Failure notFound(String message, String nextStep) {
    return new Failure(Kind.NOT_FOUND, message, nextStep);
  }

  /** What the qualification rules forbid, detected before anything is written. */
  public static Failure refused(String message, String nextStep) {
    return new Failure(Kind.REFUSED, message, nextStep);
  }

  public static Failure failed(String message, String nextStep) {
    return new Failure(Kind.FAILED, message, nextStep);
  }

  /** A failure that followed a failed call: the report then also lists that call's ids and time. */
  public static Failure failed(String message, String nextStep, RuntimeException call) {
    return new Failure(Kind.FAILED, message, nextStep, call);
  }

  public Kind kind() {
    return kind;
  }

  public String nextStep() {
    return nextStep;
  }

  /** The call this failure followed, when there was one. */
  public Optional<Throwable> call() {
    return Optional.ofNullable(getCause());
  }
}
