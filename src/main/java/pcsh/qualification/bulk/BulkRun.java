package pcsh.qualification.bulk;

import static pcsh.qualification.bulk.RowOutcome.APPLIED;
import static pcsh.qualification.bulk.RowOutcome.FAILED;
import static pcsh.qualification.bulk.RowOutcome.error;
import static pcsh.qualification.bulk.RowOutcome.message;
import static pcsh.qualification.bulk.RowOutcome.refusedForGood;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.QualificationKind;
import pcsh.api.RateLimiter;
import pcsh.failure.Failure;
import pcsh.output.Progress;
import pcsh.output.Text;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.bulk.BulkCheckpoint.Result;
import pcsh.qualification.bulk.RowOutcome.Done;
import pcsh.qualification.bulk.RowOutcome.Todo;
import pcsh.session.TestPause;

/**
 * One `qualify bulk` run: {@link #prepare} resolves and reads every open row's customer (nothing is
 * written) and returns the plan; {@link #write} sends the writes a few at a time within the rate
 * limit, each through the {@link QualificationWriter} (journalled, read back when unanswered),
 * checkpointing every finished row so that a rerun of the same file resumes. Ctrl-C (the calling
 * thread interrupted) stops new rows from starting.
 */
public final class BulkRun implements AutoCloseable {

  /**
   * What {@link #prepare} found: the writes to send, and the plan as text (with any notes before
   * it).
   */
  public record Plan(List<Todo> writes, String text) {
    public int size() {
      return writes.size();
    }

    /** The customers of the writes of {@code kind}, in row order. */
    public List<String> customers(QualificationKind kind) {
      return writes.stream().filter(t -> t.row().write().kind() == kind).map(Todo::id).toList();
    }
  }

  private final PartnerCenterClient client;
  private final QualificationWriter writer;
  private final Progress progress;
  private final List<BulkInput.Row> rows;
  private final BulkResults results;
  private final BulkCheckpoint checkpoint;
  private final Map<Integer, Result> earlier;
  private final RateLimiter limiter;
  private final BulkWorkers workers;
  private final BulkReport report;
  private final BulkPlanner planner;
  private final Map<Integer, Done> now = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Opens the run of {@code rows} from {@code input} (whose bytes are {@code content}): its
   * checkpoint under {@code home} ({@code restart} forgets it, except on a dry run), and a rate
   * limit of {@code rateLimit} requests a minute on every request of {@code client} until {@link
   * #close()}.
   */
  public BulkRun(
      PartnerCenterClient client,
      QualificationWriter writer,
      Progress progress,
      Path home,
      int rateLimit,
      Path input,
      byte[] content,
      List<BulkInput.Row> rows,
      Path resultsFile,
      int workers,
      boolean restart,
      boolean dryRun) {
    this.client = client;
    this.writer = writer;
    this.progress = progress;
    this.rows = rows;
    this.results = new BulkResults(resultsFile);
    // a dry run writes nothing, so it neither takes the run's lock nor waits for it
    this.checkpoint =
        dryRun
            ? BulkCheckpoint.of(home, input, content)
            : BulkCheckpoint.locked(home, input, content);
    try {
      if (restart && !dryRun) checkpoint.clear();
    } catch (RuntimeException e) {
      checkpoint.close();
      throw e;
    }
    this.earlier = restart ? Map.of() : checkpoint.done();
    this.limiter = RateLimiter.perMinute(rateLimit);
    this.report =
        new BulkReport(
            client, rows, input, resultsFile, checkpoint, earlier, now, limiter.limit(), workers);
    client.rateLimit(limiter);
    this.workers = new BulkWorkers(workers, progress);
    this.planner = new BulkPlanner(client, writer, checkpoint, rows, this.workers);
  }

  /** Reads every open row's customer and decides what to write; nothing is written. */
  public Plan prepare(boolean dryRun) {
    List<BulkInput.Row> open = rows.stream().filter(r -> !earlier.containsKey(r.line())).toList();
    if (!earlier.isEmpty()) {
      notes.add(
          "Resuming: "
              + earlier.size()
              + " of "
              + rows.size()
              + " rows already done (checkpoint "
              + checkpoint.file()
              + "); --restart starts over.");
    }
    if (!dryRun) notes.addAll(writer.reconcile());
    List<BulkPlanner.Step> steps = new ArrayList<>();
    boolean stopped =
        workers.runAll(
            open.stream()
                .map(
                    r ->
                        (Callable<BulkPlanner.Step>)
                            () -> workers.stopped() ? null : planner.step(r))
                .toList(),
            steps::add,
            "reading");
    if (stopped) {
      throw Failure.failed(
          "Stopped (Ctrl-C) while reading the customers; nothing was written.",
          "run the same command again.");
    }
    List<Todo> todo = new ArrayList<>();
    steps.stream()
        .sorted(
            Comparator.comparingInt(
                s -> s.todo() != null ? s.todo().row().line() : s.done().result().line()))
        .forEach(
            s -> {
              if (s.todo() != null) todo.add(s.todo());
              else now.put(s.done().result().line(), s.done());
            });
    List<Todo> writes = planner.preconditions(todo, now);
    return new Plan(
        writes,
        String.join("\n", notes) + (notes.isEmpty() ? "" : "\n") + report.plan(writes, dryRun));
  }

  /**
   * Sends the plan's writes and records every row. Returns the summary when every row was applied
   * or skipped; otherwise throws a {@link Failure} whose kind says why (stopped, passing failures,
   * refusals, not found).
   */
  public String write(Plan plan) {
    // files are written on the workers: a Ctrl-C interrupts this thread, and an interrupted file
    // channel closes
    results.start(new TreeMap<>(earlier).values());
    List<Callable<Done>> tasks = new ArrayList<>();
    now.values().forEach(d -> tasks.add(() -> record(d)));
    plan.writes().forEach(t -> tasks.add(() -> workers.stopped() ? null : record(apply(t))));
    boolean stopped = workers.runAll(tasks, d -> now.put(d.result().line(), d), "writing");
    results.finish(report.all().values());
    return report.summary(stopped, notes);
  }

  @Override
  public void close() {
    workers.close();
    client.rateLimit(null);
    checkpoint.close();
    progress.progressDone();
  }

  /**
   * Sends one row's write; a 429 is waited out and the same write (same MS-RequestId) sent again.
   */
  private Done apply(Todo t) {
    int line = t.row().line();
    String requestId = PartnerCenterClient.newRequestId();
    checkpoint.started(line, t.id(), requestId);
    try {
      QualificationWriter.Outcome o =
          writer.send(
              t.id(),
              t.row().write(),
              t.before(),
              requestId,
              (refusal, attempt) -> attempt < BulkWorkers.MAX_THROTTLED && !workers.stopped());
      QualificationState after = o.after();
      String q =
          after != null
              ? Text.oneLine(after.summary())
              : o.sent()
                  .map(s -> Text.oneLine(s.display()))
                  .orElse(t.row().write().kind().apiName());
      String note =
          o.noAnswer() == null
              ? ""
              : QualificationWriter.unanswered(o.noAnswer())
                  + "; reading back shows the change took effect";
      return new Done(new Result(line, t.id(), APPLIED, q, requestId, note), true);
    } catch (PartnerCenterException e) {
      return new Done(
          new Result(line, t.id(), FAILED, Text.oneLine(t.before().summary()), requestId, error(e)),
          refusedForGood(e));
    } catch (InterruptedException e) {
      return new Done(
          new Result(
              line,
              t.id(),
              FAILED,
              Text.oneLine(t.before().summary()),
              requestId,
              "stopped (Ctrl-C) before the write was sent again"),
          false);
    } catch (RuntimeException e) {
      return new Done(new Result(line, t.id(), FAILED, null, requestId, message(e)), false);
    }
  }

  private Done record(Done d) {
    if (d.fin()) checkpoint.done(d.result());
    results.append(d.result());
    TestPause.at("row-done");
    return d;
  }
}
