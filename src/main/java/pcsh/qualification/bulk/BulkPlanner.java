package pcsh.qualification.bulk;

import static pcsh.qualification.bulk.RowOutcome.APPLIED;
import static pcsh.qualification.bulk.RowOutcome.FAILED;
import static pcsh.qualification.bulk.RowOutcome.NOT_FOUND;
import static pcsh.qualification.bulk.RowOutcome.SKIPPED;
import static pcsh.qualification.bulk.RowOutcome.decided;
import static pcsh.qualification.bulk.RowOutcome.error;
import static pcsh.qualification.bulk.RowOutcome.message;
import static pcsh.qualification.bulk.RowOutcome.refusedForGood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pcsh.api.Customer;
import pcsh.api.CustomerFilter;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.QualificationKind;
import pcsh.api.ValidationCode;
import pcsh.qualification.QualificationRules;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWrite;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.qualification.bulk.RowOutcome.Done;
import pcsh.qualification.bulk.RowOutcome.Todo;

/**
 * Decides each row of a `qualify bulk` run before anything is written: resolves its customer (a
 * domain by exact match), reads the qualification the write depends on (one request: the legacy
 * value or the V2 list, see {@link QualificationWriter#readFor}), and sorts it into already there
 * (skipped, or applied by a run that stopped), refused by the rules, not found, or to write; then
 * the rules that need every row (one row per customer, a validation code's remaining creates).
 */
final class BulkPlanner {

  /** One row after reading: to write ({@code todo}), or decided ({@code done}). */
  record Step(Todo todo, Done done) {
    static Step of(Done done) {
      return new Step(null, done);
    }
  }

  private final PartnerCenterClient client;
  private final QualificationWriter writer;
  private final BulkCheckpoint checkpoint;
  private final List<BulkInput.Row> rows;
  private final BulkWorkers workers;

  BulkPlanner(
      PartnerCenterClient client,
      QualificationWriter writer,
      BulkCheckpoint checkpoint,
      List<BulkInput.Row> rows,
      BulkWorkers workers) {
    this.client = client;
    this.writer = writer;
    this.checkpoint = checkpoint;
    this.rows = rows;
    this.workers = workers;
  }

  /**
   * Resolves the row's customer and reads its qualification: already there, refused, or to write.
   */
  Step step(BulkInput.Row row) {
    QualificationKind kind = row.write().kind();
    String id = row.customer();
    try {
      if (!row.isId()) {
        Optional<String> found = resolve(row.customer());
        if (found.isEmpty()) {
          return Step.of(
              decided(
                  row.line(),
                  row.customer(),
                  NOT_FOUND,
                  null,
                  null,
                  "no customer has the domain " + row.customer(),
                  true));
        }
        id = found.get();
      }
      String customer = id;
      QualificationState state = workers.throttled(() -> writer.readFor(customer, row.write()));
      String started = checkpoint.started(row.line());
      if (QualificationRules.alreadyHas(state, kind).isPresent()) {
        if (started != null && startedWriteApplied(started)) {
          return Step.of(decided(row.line(), id, APPLIED, state, started, "", true));
        }
        return Step.of(decided(row.line(), id, SKIPPED, state, null, "", true));
      }
      Optional<String> refusal = QualificationRules.refusal(state, kind);
      if (refusal.isPresent())
        return Step.of(decided(row.line(), id, FAILED, state, null, refusal.get(), true));
      return new Step(new Todo(row, id, state), null);
    } catch (PartnerCenterException e) {
      // the failed read's MS-RequestId goes in the results, for support
      if (e.status() == 404)
        return Step.of(decided(row.line(), id, NOT_FOUND, null, e.requestId(), error(e), true));
      return Step.of(
          decided(row.line(), id, FAILED, null, e.requestId(), error(e), refusedForGood(e)));
    } catch (RuntimeException e) {
      return Step.of(decided(row.line(), id, FAILED, null, null, message(e), false));
    }
  }

  /** A write started in an earlier run that the journal does not call failed or not applied. */
  private boolean startedWriteApplied(String requestId) {
    String r = writer.journalled(requestId).orElse(null);
    return r == null
        || !List.of(
                WriteJournal.Result.FAILED.name(),
                WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER.name(),
                WriteJournal.Result.RECONCILED_NOT_APPLIED.name())
            .contains(r);
  }

  private Optional<String> resolve(String domain) {
    List<Customer> found =
        workers
            .throttled(() -> client.customers(50, CustomerFilter.domainStartsWith(domain)))
            .itemsOrEmpty();
    return found.stream()
        .filter(c -> domain.equalsIgnoreCase(c.domain()) && c.id() != null)
        .map(c -> c.id().toLowerCase(Locale.ROOT))
        .findFirst();
  }

  /**
   * Rules that need every row: one customer reached through a domain and an id (or two domains) is
   * written once; a GCC code must be the partner's, with a create left for each row that uses it.
   */
  List<Todo> preconditions(List<Todo> todo, Map<Integer, Done> now) {
    List<Todo> ok = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    rows.forEach(
        r -> {
          if (r.isId()) lineOf.putIfAbsent(r.customer(), r.line());
        });
    Map<String, Integer> remaining = null;
    for (Todo t : todo) {
      Integer first = lineOf.putIfAbsent(t.id(), t.row().line());
      if (first != null && first != t.row().line()) {
        fail(now, t, "the same customer as line " + first + "; give each customer one row.", true);
        continue;
      }
      QualificationWrite w = t.row().write();
      if (w.kind() == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) {
        if (remaining == null) {
          try {
            remaining = new HashMap<>();
            for (ValidationCode c : workers.throttled(client::validationCodes)) {
              remaining.put(
                  c.validationId(),
                  c.remainingCreates() == null ? Integer.MAX_VALUE : c.remainingCreates());
            }
          } catch (RuntimeException e) {
            remaining = null;
            fail(now, t, "the validation codes could not be read: " + message(e), false);
            continue;
          }
        }
        Integer left = remaining.get(w.code());
        if (left == null) {
          fail(
              now,
              t,
              "'"
                  + w.code()
                  + "' is not one of the partner's validation codes (see `validation-codes list`).",
              true);
          continue;
        }
        if (left <= 0) {
          fail(
              now,
              t,
              "validation code " + w.code() + " has no creates remaining for this row.",
              true);
          continue;
        }
        remaining.put(w.code(), left == Integer.MAX_VALUE ? left : left - 1);
      }
      ok.add(t);
    }
    return ok;
  }

  private static void fail(Map<Integer, Done> now, Todo t, String why, boolean fin) {
    now.put(t.row().line(), decided(t.row().line(), t.id(), FAILED, t.before(), null, why, fin));
  }
}
