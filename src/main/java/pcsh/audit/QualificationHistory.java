package pcsh.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pcsh.api.AuditRecord;
import pcsh.api.QualificationKind;
import pcsh.output.Progress;
import pcsh.qualification.QualificationState;
import pcsh.qualification.WriteJournal;

/**
 * One customer's qualification timeline: Partner Center's {@value AuditTrail#QUALIFICATION_CHANGE}
 * records merged with pcsh's own write journal, oldest first, and the qualification read now.
 *
 * <p>A journal entry and an audit record are the same change when the record carries the entry's
 * MS-RequestId, or else when they are for the same customer and the same qualification (when the
 * record names one; what a record's values hold is undocumented) and no more than {@link
 * #SAME_CHANGE} apart; each is matched at most once, to the nearest in time.
 */
public final class QualificationHistory {

  /** How far apart a journal entry and an audit record may be and still be one change. */
  public static final Duration SAME_CHANGE = Duration.ofMinutes(5);

  /** Where a change in the timeline comes from. */
  public enum Source {
    /** Written by pcsh (in the journal) and in the audit log. */
    PCSH,
    /** Written by pcsh, not (yet) in the audit log. */
    PCSH_NOT_IN_LOG,
    /** In the audit log, not written by this pcsh: the portal, another tool, an integration. */
    ELSEWHERE
  }

  /**
   * One change: when, from what to what, who and through what, how it ended, and its ids; {@code
   * record} and {@code entry} are what it was read from (either may be null).
   */
  public record Change(
      Instant time,
      String before,
      String after,
      Source source,
      String user,
      String application,
      String session,
      String status,
      String requestId,
      String correlationId,
      AuditRecord record,
      WriteJournal.Entry entry) {}

  /** The changes oldest first, and the qualification now. */
  public record Timeline(
      String customerId, AuditRange range, List<Change> changes, QualificationState now) {}

  private final AuditTrail trail;
  private final WriteJournal journal;
  private final Function<String, QualificationState> current;

  /**
   * @param current reads the customer's qualification now
   */
  public QualificationHistory(
      AuditTrail trail, WriteJournal journal, Function<String, QualificationState> current) {
    this.trail = trail;
    this.journal = journal;
    this.current = current;
  }

  public Timeline of(String customerId, AuditRange range, Progress progress) {
    List<AuditRecord> records =
        new ArrayList<>(
            trail.collect(
                new AuditQuery(range, customerId, null, null, AuditTrail.QUALIFICATION_CHANGE),
                progress));
    List<WriteJournal.Entry> entries =
        journal.entries().stream()
            .filter(e -> customerId.equalsIgnoreCase(e.customerId()))
            .filter(e -> range.contains(e.time()))
            .toList();
    List<Change> changes = new ArrayList<>();
    for (WriteJournal.Entry e : entries) {
      if (e.raw()) {
        // a write sent with `api` is a qualification change only when a record of one carries it
        records.stream()
            .filter(r -> e.requestId().equalsIgnoreCase(requestId(r)))
            .findFirst()
            .ifPresent(
                r -> {
                  records.remove(r);
                  changes.add(matched(r, e));
                });
        continue;
      }
      Optional<AuditRecord> same = sameChange(e, records);
      same.ifPresent(records::remove);
      changes.add(same.map(r -> matched(r, e)).orElseGet(() -> notInLog(e)));
    }
    records.forEach(r -> changes.add(elsewhere(r)));
    changes.sort(Comparator.comparing(Change::time));
    return new Timeline(customerId, range, changes, current.apply(customerId));
  }

  /** The record that is the same change as {@code e}: by request id, else the nearest in time. */
  private static Optional<AuditRecord> sameChange(WriteJournal.Entry e, List<AuditRecord> records) {
    Optional<AuditRecord> byId =
        records.stream().filter(r -> e.requestId().equalsIgnoreCase(requestId(r))).findFirst();
    if (byId.isPresent()) return byId;
    Optional<QualificationKind> target = QualificationKind.parse(kindOf(e));
    return records.stream()
        .filter(r -> r.time().isPresent())
        .filter(r -> distance(e, r).compareTo(SAME_CHANGE) <= 0)
        .filter(
            r ->
                AuditValues.newQualification(r)
                    .map(q -> target.isEmpty() || QualificationKind.parse(q).equals(target))
                    .orElse(true))
        .min(Comparator.comparing(r -> distance(e, r)));
  }

  private static Duration distance(WriteJournal.Entry e, AuditRecord r) {
    return Duration.between(e.time(), r.time().orElseThrow()).abs();
  }

  private static Change matched(AuditRecord r, WriteJournal.Entry e) {
    return new Change(
        r.time().orElse(e.time()),
        AuditValues.oldQualification(r).orElse(e.before()),
        AuditValues.newQualification(r).orElse(kindOf(e)),
        Source.PCSH,
        r.userPrincipalName(),
        r.applicationId(),
        e.session(),
        r.operationStatus(),
        e.requestId(),
        Optional.ofNullable(r.originalCorrelationId()).orElse(e.correlationId()),
        r,
        e);
  }

  private static Change notInLog(WriteJournal.Entry e) {
    return new Change(
        e.time(),
        e.before(),
        kindOf(e),
        Source.PCSH_NOT_IN_LOG,
        null,
        null,
        e.session(),
        e.pending() ? "PENDING (no outcome yet)" : e.result(),
        e.requestId(),
        e.correlationId(),
        null,
        e);
  }

  private static Change elsewhere(AuditRecord r) {
    return new Change(
        r.time().orElse(Instant.EPOCH),
        AuditValues.oldQualification(r).orElse(null),
        AuditValues.newQualification(r).orElse(null),
        Source.ELSEWHERE,
        r.userPrincipalName(),
        r.applicationId(),
        null,
        r.operationStatus(),
        requestId(r),
        r.originalCorrelationId(),
        r,
        null);
  }

  /**
   * The journal's change starts with the qualification's name: "Education (legacy PUT)"; an {@code
   * api} write's is its request.
   */
  private static String kindOf(WriteJournal.Entry e) {
    String change = e.change() == null ? "" : e.change();
    if (e.raw()) return change;
    int space = change.indexOf(' ');
    return space < 0 ? change : change.substring(0, space);
  }

  /**
   * The MS-RequestId a record carries in its {@code customizedData}, if any (no source documents
   * one; the emulator records it there).
   */
  static String requestId(AuditRecord r) {
    return r.customizedData().stream()
        .filter(kv -> kv.getKey().replace("-", "").equalsIgnoreCase("MSRequestId"))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
