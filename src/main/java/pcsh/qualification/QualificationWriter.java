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
import pcsh.session.TestPause;

/**
 * How every qualification write is sent, by `qualify` and `qualify bulk` alike: journalled before
 * it goes out, its outcome journalled after; the write's answer is the new state, and a write with
 * no answer is read back, never sent again blindly; a journal entry left without an outcome is
 * settled by reading the qualification. {@code seen} hears of every state read or answered (the
 * prompt shows the selected customer's), with {@code null} when a read after a write failed. (Past
 * 300 lines: sending, journalling and settling a write share their state and belong together.)
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
   * (answered, or read back after no usable answer). A refusal (a 4xx, a redirect) is journalled
   * FAILED and thrown as it came; a write without a usable answer ({@link
   * PartnerCenterException#mayHaveTakenEffect}) that reading back shows did not take effect, or
   * whose read-back failed, is thrown as a {@link Failure}.
   */
  public Outcome send(
      String id,
      QualificationWrite write,
      QualificationState before,
      String requestId,
      Throttled throttled)
      throws InterruptedException {
    TestPause.at("before-journal");
    journal.intent(requestId, id, write.describe(), Text.oneLine(before.summary()));
    TestPause.at("journalled");
    for (int attempt = 1; ; attempt++) {
      try {
        QualificationWrite.Sent sent = write.send(client, id, requestId, before);
        TestPause.at("answered");
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
        if (!e.mayHaveTakenEffect()) {
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
   * No usable answer came back (none, one pcsh cannot read, or a 5xx that says nothing about the
   * service behind a gateway), so the write may or may not have been applied. It is never sent
   * again blindly: the qualification is read back.
   */
  private Outcome readBack(
      String id, QualificationWrite write, PartnerCenterException failure, String requestId) {
    String got = unanswered(failure);
    QualificationState after;
    try {
      after = readFor(id, write);
    } catch (RuntimeException e) {
      journal.outcome(
          requestId, WriteJournal.Result.UNKNOWN, null, got + "; the read-back failed too");
      throw Failure.failed(
          "The write got "
              + got
              + " (MS-RequestId "
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
          got);
      return new Outcome(requestId, Optional.empty(), after, failure);
    }
    journal.outcome(
        requestId,
        WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER,
        Text.oneLine(after.summary()),
        got);
    throw Failure.failed(
        "The write got "
            + got
            + " (MS-RequestId "
            + failure.requestId()
            + "); reading back shows it did NOT take effect.",
        "it is safe to run the same command again.",
        failure);
  }

  /**
   * What a write got instead of a usable answer, for people: {@code no answer (why)}, or {@code an
   * answer pcsh cannot use (HTTP 502: why)}.
   */
  public static String unanswered(PartnerCenterException failure) {
    return failure.status() == 0
        ? "no answer (" + Text.oneLine(failure.description()) + ")"
        : "an answer pcsh cannot use (HTTP "
            + failure.status()
            + ": "
            + Text.oneLine(failure.description())
            + ")";
  }

  /**
   * Qualification writes in the journal without an outcome (pcsh stopped between sending a write
   * and recording its answer), or with an unknown one (no answer and the read-back failed), are
   * settled by reading the customer's qualification ({@code api} writes are settled by {@code
   * pcsh.raw}). Returns one line per entry settled; an entry whose read fails stays pending for the
   * next time.
   */
  public List<String> reconcile() {
    List<String> settled = new ArrayList<>();
    List<WriteJournal.Entry> all = journal.entries();
    for (WriteJournal.Entry e : WriteJournal.pending(all)) {
      if (e.raw()) continue; // an `api` write: pcsh.raw settles it by reading its path back
      Optional<QualificationKind> kind = QualificationKind.parse(e.change().split(" ", -1)[0]);
      if (kind.isEmpty() || e.customerId() == null) {
        journal.outcome(
            e.requestId(), WriteJournal.Result.UNKNOWN, null, "unreadable journal entry");
        continue;
      }
      Optional<WriteJournal.Entry> later = laterSameChange(all, e);
      if (later.isPresent()) {
        journal.outcome(
            e.requestId(),
            WriteJournal.Result.RECONCILED_NOT_APPLIED,
            null,
            "the same change was written again later ("
                + later.get().requestId()
                + ") from a read without it, so this one had not taken effect");
        settled.add(
            settledLine(
                e,
                "the same change was written again later ("
                    + later.get().requestId()
                    + "), so this one did NOT take effect."));
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
          settledLine(
              e, "reading back shows it " + (applied ? "took effect." : "did NOT take effect.")));
    }
    return settled;
  }

  private static String settledLine(WriteJournal.Entry e, String how) {
    return "Journal: the write "
        + e.requestId()
        + " ("
        + e.change()
        + " on "
        + e.customerId()
        + ") had no known outcome; "
        + how;
  }

  /**
   * A later write of the same change to the same customer that took effect, may have, or is still
   * to be settled (by no live process). It was sent only because the read before it showed the
   * change absent, after this one had ended, and the service holds a qualification once (a
   * duplicate is refused: documented for GCC, and so in the emulator for all), so this one had not
   * taken effect: reading the state alone would credit both with the one change. A later write that
   * was refused or read back as not applied says nothing, and the state decides.
   */
  private static Optional<WriteJournal.Entry> laterSameChange(
      List<WriteJournal.Entry> all, WriteJournal.Entry e) {
    String kind = e.change().split(" ", -1)[0];
    List<String> tookEffect =
        List.of(
            WriteJournal.Result.APPLIED.name(),
            WriteJournal.Result.APPLIED_AFTER_NO_ANSWER.name(),
            WriteJournal.Result.RECONCILED_APPLIED.name(),
            WriteJournal.Result.UNKNOWN.name());
    return all.subList(all.indexOf(e) + 1, all.size()).stream()
        .filter(l -> !l.raw())
        .filter(l -> e.customerId().equals(l.customerId()))
        .filter(l -> l.change() != null && l.change().split(" ", -1)[0].equals(kind))
        .filter(
            l ->
                (l.pending() && !l.inFlightElsewhere())
                    || (l.result() != null && tookEffect.contains(l.result())))
        .findFirst();
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
