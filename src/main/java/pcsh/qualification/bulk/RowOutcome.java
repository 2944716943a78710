package pcsh.qualification.bulk;

import pcsh.api.PartnerCenterException;
import pcsh.output.Text;
import pcsh.qualification.QualificationState;
import pcsh.qualification.bulk.BulkCheckpoint.Result;

/**
 * What became of a row: its outcome words in the results, and how a failure is told and classed.
 */
final class RowOutcome {

  static final String APPLIED = "applied";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";
  static final String NOT_FOUND = "not-found";

  private RowOutcome() {}

  /**
   * What became of a row in this run: a result, final (checkpointed) or not (tried again next run).
   */
  record Done(Result result, boolean fin) {}

  /** A row to write: the customer's id and the state read before. */
  record Todo(BulkInput.Row row, String id, QualificationState before) {}

  static Done decided(
      int line,
      String customer,
      String outcome,
      QualificationState state,
      String requestId,
      String error,
      boolean fin) {
    return new Done(
        new Result(
            line,
            customer,
            outcome,
            state == null ? null : Text.oneLine(state.summary()),
            requestId,
            error),
        fin);
  }

  /** A 4xx refusal will be refused again; throttling, timeouts and 5xx may pass. */
  static boolean refusedForGood(PartnerCenterException e) {
    int s = e.status();
    return s >= 400 && s < 500 && s != 408 && s != 429;
  }

  /** The Partner Center status, error code and description, and the MS-RequestId of the call. */
  static String error(PartnerCenterException e) {
    String what =
        e.status() == 0
            ? Text.oneLine(e.description()) + " (no complete answer came)"
            : "HTTP "
                + e.status()
                + e.errorCode().map(c -> " error " + c).orElse("")
                + ": "
                + Text.oneLine(String.valueOf(e.description()));
    return what + (e.requestId() == null ? "" : " (MS-RequestId " + e.requestId() + ")");
  }

  static String message(RuntimeException e) {
    if (e instanceof PartnerCenterException p) return error(p);
    return e.getMessage() == null ? e.getClass().getSimpleName() : Text.oneLine(e.getMessage());
  }
}
