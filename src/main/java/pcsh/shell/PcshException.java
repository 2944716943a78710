package pcsh.shell;

/**
 * A failure pcsh detects itself, already phrased for the user: what failed and why ({@code message}), what to
 * do next ({@code nextStep}), and the exit code.
 */
public final class PcshException extends RuntimeException {

  private final ExitCode exitCode;
  private final String nextStep;

  PcshException(ExitCode exitCode, String message, String nextStep) {
    super(message);
    this.exitCode = exitCode;
    this.nextStep = nextStep;
  }

  /** Invalid input; nothing is sent. */
  static PcshException usage(String message, String nextStep) {
    return new PcshException(ExitCode.USAGE, message, nextStep);
  }

  static PcshException notFound(String message, String nextStep) {
    return new PcshException(ExitCode.NOT_FOUND, message, nextStep);
  }

  /** What the qualification rules forbid, detected before anything is written. */
  static PcshException refused(String message, String nextStep) {
    return new PcshException(ExitCode.REFUSED, message, nextStep);
  }

  static PcshException failure(String message, String nextStep) {
    return new PcshException(ExitCode.FAILURE, message, nextStep);
  }

  /** A failure that followed a failed call: the report then also lists that call's ids and time. */
  static PcshException failure(String message, String nextStep, pcsh.api.PartnerCenterException call) {
    PcshException e = new PcshException(ExitCode.FAILURE, message, nextStep);
    e.initCause(call);
    return e;
  }

  ExitCode exitCode() {
    return exitCode;
  }

  String nextStep() {
    return nextStep;
  }
}
