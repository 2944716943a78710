package pcsh.qualification.bulk;

import static pcsh.qualification.bulk.RowOutcome.APPLIED;
import static pcsh.qualification.bulk.RowOutcome.FAILED;
import static pcsh.qualification.bulk.RowOutcome.NOT_FOUND;
import static pcsh.qualification.bulk.RowOutcome.SKIPPED;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.failure.Failure;
import pcsh.qualification.bulk.BulkCheckpoint.Result;
import pcsh.qualification.bulk.RowOutcome.Done;
import pcsh.qualification.bulk.RowOutcome.Todo;

/**
 * What a `qualify bulk` run tells the user: the plan before the writes (counts, and with a dry run
 * the requests), and the summary after, whose failure kind decides the exit code (passing failures,
 * refusals, not found).
 */
final class BulkReport {

  private final PartnerCenterClient client;
  private final List<BulkInput.Row> rows;
  private final Path input;
  private final Path resultsFile;
  private final BulkCheckpoint checkpoint;
  private final Map<Integer, Result> earlier;
  private final Map<Integer, Done> now;
  private final int limit;
  private final int workers;

  BulkReport(
      PartnerCenterClient client,
      List<BulkInput.Row> rows,
      Path input,
      Path resultsFile,
      BulkCheckpoint checkpoint,
      Map<Integer, Result> earlier,
      Map<Integer, Done> now,
      int limit,
      int workers) {
    this.client = client;
    this.rows = rows;
    this.input = input;
    this.resultsFile = resultsFile;
    this.checkpoint = checkpoint;
    this.earlier = earlier;
    this.now = now;
    this.limit = limit;
    this.workers = workers;
  }

  String plan(List<Todo> writes, boolean dryRun) {
    Map<QualificationKind, Integer> byKind = new EnumMap<>(QualificationKind.class);
    writes.forEach(t -> byKind.merge(t.row().write().kind(), 1, Integer::sum));
    long skipped = count(SKIPPED);
    long failed = count(FAILED);
    long notFound = count(NOT_FOUND);
    long resumedApplied = count(APPLIED);
    StringBuilder b = new StringBuilder("Plan for " + input + " (" + rows.size() + " rows):\n");
    if (!earlier.isEmpty())
      b.append("  ").append(earlier.size()).append(" done in an earlier run\n");
    b.append("  ").append(writes.size()).append(" to qualify");
    if (!byKind.isEmpty()) {
      b.append(": ")
          .append(
              String.join(
                  ", ",
                  byKind.entrySet().stream()
                      .map(e -> e.getValue() + " as " + e.getKey().apiName())
                      .toList()));
    }
    b.append('\n');
    if (resumedApplied > 0) {
      b.append("  ")
          .append(resumedApplied)
          .append(" written before pcsh stopped, confirmed by reading back\n");
    }
    b.append("  ").append(skipped).append(" already qualified (skipped)\n");
    b.append("  ").append(failed).append(" failing a precondition or a read (not sent)\n");
    if (notFound > 0) b.append("  ").append(notFound).append(" not found\n");
    b.append("Up to ")
        .append(limit)
        .append(" requests a minute, ")
        .append(workers)
        .append(" rows at a time. Results: ")
        .append(resultsFile);
    if (dryRun) {
      b.append("\nRequests that would be sent:");
      for (Todo t : writes) {
        PlannedRequest p = t.row().write().plan(client, t.id());
        b.append("\n  line ")
            .append(t.row().line())
            .append(": ")
            .append(p.method())
            .append(' ')
            .append(p.pathAndQuery())
            .append("  body ")
            .append(p.body());
      }
      now.values().stream()
          .filter(d -> !d.result().outcome().equals(SKIPPED))
          .forEach(
              d ->
                  b.append("\n  line ")
                      .append(d.result().line())
                      .append(": ")
                      .append(d.result().outcome())
                      .append(" - ")
                      .append(d.result().error()));
    }
    return b.toString();
  }

  private long count(String outcome) {
    return now.values().stream().filter(d -> d.result().outcome().equals(outcome)).count();
  }

  /** The summary when every row was applied or skipped; a {@link Failure} otherwise. */
  String summary(boolean stopped, List<String> notes) {
    Map<Integer, Result> all = all();
    long applied = all.values().stream().filter(r -> r.outcome().equals(APPLIED)).count();
    long skipped = all.values().stream().filter(r -> r.outcome().equals(SKIPPED)).count();
    long failed = all.values().stream().filter(r -> r.outcome().equals(FAILED)).count();
    long notFound = all.values().stream().filter(r -> r.outcome().equals(NOT_FOUND)).count();
    int notRun = rows.size() - all.size();
    String counts =
        "applied "
            + applied
            + ", skipped "
            + skipped
            + ", failed "
            + failed
            + (notFound > 0 ? ", not found " + notFound : "")
            + (notRun > 0 ? ", not run " + notRun : "")
            + " ("
            + rows.size()
            + " rows"
            + (earlier.isEmpty() ? "" : ", " + earlier.size() + " done in an earlier" + " run")
            + "). Results: "
            + resultsFile;
    String head = String.join("\n", notes) + (notes.isEmpty() ? "" : "\n");
    String tail = notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    if (stopped) {
      throw Failure.failed(
          "Stopped (Ctrl-C): " + counts + tail,
          "run the same command again to resume: finished rows are not sent again (checkpoint "
              + checkpoint.file()
              + ").");
    }
    if (failed + notFound == 0) return head + "Done: " + counts;
    boolean passing = now.values().stream().anyMatch(d -> !d.fin());
    Failure.Kind kind =
        passing
            ? Failure.Kind.FAILED
            : all.values().stream().anyMatch(r -> r.outcome().equals(FAILED))
                ? Failure.Kind.REFUSED
                : Failure.Kind.NOT_FOUND;
    throw new Failure(
        kind,
        (failed + notFound) + " of " + rows.size() + " rows did not succeed: " + counts + tail,
        "see the error column of the results; "
            + (passing
                ? "rows that failed for a passing reason (throttling, 5xx, no answer) are tried again when you"
                    + " run the same command again; "
                : "")
            + "after correcting rows in the file, run it again: customers"
            + " that already have their qualification are skipped.");
  }

  /** Earlier runs' rows and this run's, by line. */
  Map<Integer, Result> all() {
    Map<Integer, Result> all = new TreeMap<>(earlier);
    now.forEach((line, d) -> all.put(line, d.result()));
    return all;
  }
}
