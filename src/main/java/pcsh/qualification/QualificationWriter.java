package pcsh.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationValue;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * How every qualification write is sent, by `qualify` and `qualify bulk` alike: journalled before
 * it goes out, its outcome journalled after; the write's answer is the new state, and a write with
 * no answer is read back, never sent again blindly; a journal entry left without an outcome is
 * settled by reading the qualification. {@code seen} hears of every state read or answered (the
 * prompt shows the selected customer's), with {@code null} when a read after a write failed.
 */
public final class QualificationWriter {

  /**
   * Decides whether a write refused with 429 (not applied, spec 9.4) goes out again with the same
   * MS-RequestId.
   */
  @FunctionalInterface
  public interface Throttled {
    boolean resend(PartnerCenterException refusal, int attempt) throws InterruptedException;

    Throttled NEVER = (refusal, attempt) -> false;
  }

  /**
   * A write that took effect: what it answered ({@code sent}, absent when it got no answer and was
   * read back), the qualification afterwards ({@code after}: as answered, or as read back; null
   * when that read failed), and the no-answer failure if any.
   */
  public record Outcome(
      String requestId,
      Optional<QualificationWrite.Sent> sent,
      QualificationState after,
      PartnerCenterException noAnswer) {}

  private final PartnerCenterClient client;
  private final WriteJournal journal;
  private final BiConsumer<String, QualificationState> seen;

  public QualificationWriter(
      PartnerCenterClient client,
      WriteJournal journal,
      BiConsumer<String, QualificationState> seen) {
    this.client = client;
    this.journal = journal;
    this.seen = seen;
  }

  /**
   * Sends {@code write} with {@code requestId}, journalled. Returns when the write took effect
   * (answered, or read back after no answer). A refusal (HTTP status) is journalled FAILED and
   * thrown as it came; a write with no answer that reading back shows did not take effect, or whose
   * read-back failed, is thrown as a {@link Failure}.
   */
  public Outcome send(
      String id,
      QualificationWrite write,
      QualificationState before,
      String requestId,
      Throttled throttled)
      throws InterruptedException {
    journal.intent(requestId, id, write.describe(), Text.oneLine(before.summary()));
    for (int attempt = 1; ; attempt++) {
      try {
        QualificationWrite.Sent sent = write.send(client, id, requestId, before);
        QualificationState after = sent.after();
        if (QualificationRules.alreadyHas(after, write.kind()).isPresent()) {
          seen.accept(id, after);
        } else {
          // an answer that does not show the change (an empty body, say) is checked by reading
          after = readQuietly(id, write);
        }
        journal.outcome(
            requestId,
            WriteJournal.Result.APPLIED,
            after == null ? null : Text.oneLine(after.summary()),
            null);
        return new Outcome(requestId, Optional.of(sent), after, null);
      } catch (PartnerCenterException e) {
        if (e.status() == 429 && throttled.resend(e, attempt)) continue;
        if (e.status() != 0) {
          journal.outcome(
              requestId,
              WriteJournal.Result.FAILED,
              Text.oneLine(before.summary()),
              "HTTP "
                  + e.status()
                  + " "
                  + e.errorCode().orElse("")
                  + " "
                  + Text.oneLine(e.description()));
          throw e;
        }
        return readBack(id, write, e, requestId);
      } catch (RuntimeException e) {
        journal.outcome(requestId, WriteJournal.Result.UNKNOWN, null, e.getClass().getSimpleName());
        throw e;
      }
    }
  }

  /**
   * No answer came back, so the write may or may not have been applied. It is never sent again
   * blindly: the qualification is read back.
   */
  private Outcome readBack(
      String id, QualificationWrite write, PartnerCenterException failure, String requestId) {
    QualificationState after;
    try {
      after = readFor(id, write);
    } catch (RuntimeException e) {
      journal.outcome(
          requestId,
          WriteJournal.Result.UNKNOWN,
          null,
          "no answer (" + failure.description() + "); the read-back failed too");
      throw Failure.failed(
          "The write got no answer ("
              + failure.description()
              + "; MS-RequestId "
              + failure.requestId()
              + ") and reading the qualification back also failed, so whether the change"
              + " took effect is unknown.",
          "run `qualification show` before trying again, so the change is not made twice.",
          failure);
    }
    if (QualificationRules.alreadyHas(after, write.kind()).isPresent()) {
      journal.outcome(
          requestId,
          WriteJournal.Result.APPLIED_AFTER_NO_ANSWER,
          Text.oneLine(after.summary()),
          failure.description());
      return new Outcome(requestId, Optional.empty(), after, failure);
    }
    journal.outcome(
        requestId,
        WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER,
        Text.oneLine(after.summary()),
        failure.description());
    throw Failure.failed(
        "The write got no answer ("
            + failure.description()
            + "; MS-RequestId "
            + failure.requestId()
            + "); reading back shows it did NOT take effect.",
        "it is safe to run the same command again.",
        failure);
  }

  /**
   * Journal entries without an outcome (pcsh stopped between sending a write and recording its
   * answer), or with an unknown one (no answer and the read-back failed), are settled by reading
   * the customer's qualification. Returns one line per entry settled; an entry whose read fails
   * stays pending for the next time.
   */
  public List<String> reconcile() {
    List<String> settled = new ArrayList<>();
    for (WriteJournal.Entry e : journal.pending()) {
      Optional<QualificationKind> kind = QualificationKind.parse(e.change().split(" ", -1)[0]);
      if (kind.isEmpty() || e.customerId() == null) {
        journal.outcome(
            e.requestId(), WriteJournal.Result.UNKNOWN, null, "unreadable journal entry");
        continue;
      }
      QualificationState now;
      try {
        now = read(e.customerId());
      } catch (RuntimeException failure) {
        continue;
      }
      boolean applied = QualificationRules.alreadyHas(now, kind.get()).isPresent();
      journal.outcome(
          e.requestId(),
          applied
              ? WriteJournal.Result.RECONCILED_APPLIED
              : WriteJournal.Result.RECONCILED_NOT_APPLIED,
          Text.oneLine(now.summary()),
          "settled at start by reading the qualification back");
      settled.add(
          "Journal: the write "
              + e.requestId()
              + " ("
              + e.change()
              + " on "
              + e.customerId()
              + ") had no"
              + " known outcome; reading back shows it "
              + (applied ? "took effect." : "did NOT take effect."));
    }
    return settled;
  }

  /** The journal's result for a request id, when it has one. */
  public Optional<String> journalled(String requestId) {
    return journal.entries().stream()
        .filter(e -> e.requestId().equals(requestId))
        .findFirst()
        .map(WriteJournal.Entry::result);
  }

  /** What {@link #readFor} reads, or null when that read failed. */
  private QualificationState readQuietly(String id, QualificationWrite write) {
    try {
      return readFor(id, write);
    } catch (RuntimeException e) {
      seen.accept(id, null);
      return null;
    }
  }

  /**
   * The legacy value and the V2 list. Either API may be missing from a service (404/405 there while
   * the other answers); when both fail, the first failure is the answer (e.g. an unknown customer).
   */
  public QualificationState read(String id) {
    return read(id, true, true);
  }

  /**
   * Only what {@code write} depends on, one request: the legacy value for a legacy write (it holds
   * GCC over Education over StateOwnedEntity, all the rules need), the V2 list for a V2 write. The
   * other API is asked only when that one is not offered.
   */
  public QualificationState readFor(String id, QualificationWrite write) {
    return read(id, write.v2() == null, false);
  }

  private QualificationState read(String id, boolean legacyFirst, boolean both) {
    Optional<QualificationValue> legacy = Optional.empty();
    Optional<List<QualificationRecord>> records = Optional.empty();
    PartnerCenterException first = null;
    for (int i = 0; i < 2 && (i == 0 || both || first != null); i++) {
      try {
        if ((i == 0) == legacyFirst) legacy = Optional.of(client.legacyQualification(id));
        else records = Optional.of(client.qualifications(id));
      } catch (PartnerCenterException e) {
        if (!notOffered(e) || first != null) throw first != null ? first : e;
        first = e;
      }
    }
    QualificationState state = new QualificationState(legacy, records);
    seen.accept(id, state);
    return state;
  }

  private static boolean notOffered(PartnerCenterException e) {
    return e.status() == 404 || e.status() == 405;
  }
}
