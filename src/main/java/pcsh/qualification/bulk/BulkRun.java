package pcsh.qualification.bulk;

import pcsh.api.Customer;
import pcsh.api.CustomerFilter;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.QualificationKind;
import pcsh.api.RateLimiter;
import pcsh.api.ValidationCode;
import pcsh.failure.Failure;
import pcsh.output.Progress;
import pcsh.output.Text;
import pcsh.qualification.QualificationRules;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWrite;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.qualification.bulk.BulkCheckpoint.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One `qualify bulk` run: {@link #prepare} resolves and reads every open row's customer (nothing is written) and
 * returns the plan; {@link #write} sends the writes a few at a time within the rate limit, each through the
 * {@link QualificationWriter} (journalled, read back when unanswered), checkpointing every finished row so that a
 * rerun of the same file resumes. Ctrl-C (the calling thread interrupted) stops new rows from starting.
 */
public final class BulkRun implements AutoCloseable {

  static final String APPLIED = "applied";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";
  static final String NOT_FOUND = "not-found";

  /** How often one request refused with 429 is sent again (after its Retry-After) before the row fails. */
  private static final int MAX_THROTTLED = 10;

  /** What became of a row in this run: a result, final (checkpointed) or not (tried again next run). */
  record Done(Result result, boolean fin) {}

  /** A row to write: the customer's id and the state read before. */
  record Todo(BulkInput.Row row, String id, QualificationState before) {}

  /** One row after reading: to write ({@code todo}), or decided ({@code done}). */
  private record Step(Todo todo, Done done) {}

  /** What {@link #prepare} found: the writes to send, and the plan as text (with any notes before it). */
  public record Plan(List<Todo> writes, String text) {
    public int size() {
      return writes.size();
    }
  }

  private final PartnerCenterClient client;
  private final QualificationWriter writer;
  private final Progress progress;
  private final List<BulkInput.Row> rows;
  private final Path input;
  private final BulkResults results;
  private final BulkCheckpoint checkpoint;
  private final Map<Integer, Result> earlier;
  private final RateLimiter limiter;
  private final ExecutorService pool;
  private final BulkReport report;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Map<Integer, Done> now = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Opens the run of {@code rows} from {@code input} (whose bytes are {@code content}): its checkpoint under {@code
   * home} ({@code restart} forgets it, except on a dry run), and a rate limit of {@code rateLimit} requests a minute
   * on every request of {@code client} until {@link #close()}.
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
    this.input = input;
    this.results = new BulkResults(resultsFile);
    this.checkpoint = BulkCheckpoint.of(home, input, content);
    if (restart && !dryRun) checkpoint.clear();
    this.earlier = restart ? Map.of() : checkpoint.done();
    this.limiter = RateLimiter.perMinute(rateLimit);
    this.report = new BulkReport(client, rows, input, resultsFile, checkpoint, earlier, now,
        limiter.limit(), workers);
    client.rateLimit(limiter);
    this.pool = pool(workers);
  }

  /** Reads every open row's customer and decides what to write; nothing is written. */
  public Plan prepare(boolean dryRun) {
    List<BulkInput.Row> open = rows.stream().filter(r -> !earlier.containsKey(r.line())).toList();
    if (!earlier.isEmpty()) {
      notes.add("Resuming: " + earlier.size() + " of " + rows.size() + " rows already done (checkpoint "
          + checkpoint.file() + "); --restart starts over.");
    }
    if (!dryRun) notes.addAll(writer.reconcile());
    List<Step> steps = new ArrayList<>();
    boolean stopped = runAll(open.stream().map(r -> (Callable<Step>) () -> stop.get() ? null : prepare(r))
        .toList(), steps::add, "reading");
    if (stopped) {
      throw Failure.failed("Stopped (Ctrl-C) while reading the customers; nothing was written.",
          "run the same command again.");
    }
    List<Todo> todo = new ArrayList<>();
    steps.stream().sorted(Comparator.comparingInt(s -> s.todo() != null ? s.todo().row().line()
        : s.done().result().line())).forEach(s -> {
          if (s.todo() != null) todo.add(s.todo());
          else now.put(s.done().result().line(), s.done());
        });
    List<Todo> writes = preconditions(todo);
    return new Plan(writes, String.join("\n", notes) + (notes.isEmpty() ? "" : "\n")
        + report.plan(writes, dryRun));
  }

  /**
   * Sends the plan's writes and records every row. Returns the summary when every row was applied or skipped;
   * otherwise throws a {@link Failure} whose kind says why (stopped, passing failures, refusals, not found).
   */
  public String write(Plan plan) {
    // files are written on the workers: a Ctrl-C interrupts this thread, and an interrupted file channel closes
    results.start(new TreeMap<>(earlier).values());
    List<Callable<Done>> tasks = new ArrayList<>();
    now.values().forEach(d -> tasks.add(() -> record(d)));
    plan.writes().forEach(t -> tasks.add(() -> stop.get() ? null : record(apply(t))));
    boolean stopped = runAll(tasks, d -> now.put(d.result().line(), d), "writing");
    results.finish(report.all().values());
    return report.summary(stopped, notes);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    client.rateLimit(null);
    progress.progressDone();
  }

  /** Resolves the row's customer and reads its qualification: already there, refused, or to write. */
  private Step prepare(BulkInput.Row row) {
    QualificationKind kind = row.write().kind();
    String id = row.customer();
    try {
      if (!row.isId()) {
        Optional<String> found = resolve(row.customer());
        if (found.isEmpty()) {
          return decided(row.line(), row.customer(), NOT_FOUND, null, null,
              "no customer has the domain " + row.customer(), true);
        }
        id = found.get();
      }
      String customer = id;
      QualificationState state = throttled(() -> writer.read(customer));
      String started = checkpoint.started(row.line());
      if (QualificationRules.alreadyHas(state, kind).isPresent()) {
        if (started != null && startedWriteApplied(started)) {
          return decided(row.line(), id, APPLIED, state, started, "", true);
        }
        return decided(row.line(), id, SKIPPED, state, null, "", true);
      }
      Optional<String> refusal = QualificationRules.refusal(state, kind);
      if (refusal.isPresent()) return decided(row.line(), id, FAILED, state, null, refusal.get(), true);
      return new Step(new Todo(row, id, state), null);
    } catch (PartnerCenterException e) {
      if (e.status() == 404) return decided(row.line(), id, NOT_FOUND, null, null, error(e), true);
      return decided(row.line(), id, FAILED, null, null, error(e), refusedForGood(e));
    } catch (RuntimeException e) {
      return decided(row.line(), id, FAILED, null, null, message(e), false);
    }
  }

  /** A write started in an earlier run that the journal does not call failed or not applied. */
  private boolean startedWriteApplied(String requestId) {
    String r = writer.journalled(requestId).orElse(null);
    return r == null || !List.of(WriteJournal.Result.FAILED.name(),
        WriteJournal.Result.NOT_APPLIED_AFTER_NO_ANSWER.name(),
        WriteJournal.Result.RECONCILED_NOT_APPLIED.name()).contains(r);
  }

  private Optional<String> resolve(String domain) {
    List<Customer> found = throttled(() -> client.customers(50, CustomerFilter.domainStartsWith(domain)))
        .itemsOrEmpty();
    return found.stream().filter(c -> domain.equalsIgnoreCase(c.domain()) && c.id() != null)
        .map(c -> c.id().toLowerCase(Locale.ROOT)).findFirst();
  }

  /**
   * Rules that need every row: one customer reached through a domain and an id (or two domains) is written once;
   * a GCC code must be the partner's, with a create left for each row that uses it.
   */
  private List<Todo> preconditions(List<Todo> todo) {
    List<Todo> ok = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    rows.forEach(r -> {
      if (r.isId()) lineOf.putIfAbsent(r.customer(), r.line());
    });
    Map<String, Integer> remaining = null;
    for (Todo t : todo) {
      Integer first = lineOf.putIfAbsent(t.id(), t.row().line());
      if (first != null && first != t.row().line()) {
        fail(t, "the same customer as line " + first + "; give each customer one row.", true);
        continue;
      }
      QualificationWrite w = t.row().write();
      if (w.kind() == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) {
        if (remaining == null) {
          try {
            remaining = new HashMap<>();
            for (ValidationCode c : throttled(client::validationCodes)) {
              remaining.put(c.validationId(), c.remainingCreates() == null ? Integer.MAX_VALUE
                  : c.remainingCreates());
            }
          } catch (RuntimeException e) {
            remaining = null;
            fail(t, "the validation codes could not be read: " + message(e), false);
            continue;
          }
        }
        Integer left = remaining.get(w.code());
        if (left == null) {
          fail(t, "'" + w.code() + "' is not one of the partner's validation codes (see `validation-codes list`).",
              true);
          continue;
        }
        if (left <= 0) {
          fail(t, "validation code " + w.code() + " has no creates remaining for this row.", true);
          continue;
        }
        remaining.put(w.code(), left == Integer.MAX_VALUE ? left : left - 1);
      }
      ok.add(t);
    }
    return ok;
  }

  private void fail(Todo t, String why, boolean fin) {
    now.put(t.row().line(), decided(t.row().line(), t.id(), FAILED, t.before(), null, why, fin).done());
  }

  /** Sends one row's write; a 429 is waited out and the same write (same MS-RequestId) sent again. */
  private Done apply(Todo t) {
    int line = t.row().line();
    String requestId = PartnerCenterClient.newRequestId();
    checkpoint.started(line, t.id(), requestId);
    try {
      QualificationWriter.Outcome o = writer.send(t.id(), t.row().write(), t.before(), requestId,
          (refusal, attempt) -> attempt < MAX_THROTTLED && !stop.get());
      QualificationState after = o.after();
      if (after == null) {
        try {
          after = throttled(() -> writer.read(t.id()));
        } catch (RuntimeException e) {
          after = null;
        }
      }
      String q = after != null ? Text.oneLine(after.summary())
          : o.sent().map(s -> Text.oneLine(s.display())).orElse(t.row().write().kind().apiName());
      String note = o.noAnswer() == null ? "" : "no answer (" + o.noAnswer().description()
          + "); reading back shows the change took effect";
      return new Done(new Result(line, t.id(), APPLIED, q, requestId, note), true);
    } catch (PartnerCenterException e) {
      return new Done(new Result(line, t.id(), FAILED, Text.oneLine(t.before().summary()), requestId, error(e)),
          refusedForGood(e));
    } catch (InterruptedException e) {
      return new Done(new Result(line, t.id(), FAILED, Text.oneLine(t.before().summary()), requestId,
          "stopped (Ctrl-C) before the write was sent again"), false);
    } catch (RuntimeException e) {
      return new Done(new Result(line, t.id(), FAILED, null, requestId, message(e)), false);
    }
  }

  /** A read (or lookup) that gets 429 is sent again once the rate limiter's pause has passed. */
  private <T> T throttled(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (PartnerCenterException e) {
        if (e.status() != 429 || attempt >= MAX_THROTTLED || stop.get()) throw e;
      }
    }
  }

  /**
   * Runs the tasks on the pool, handing each answer to {@code each} on this thread, with a progress line. Ctrl-C
   * (this thread interrupted) stops new rows from starting and waits for the ones under way; a second Ctrl-C
   * interrupts those too (an unanswered write is then read back). True when stopped.
   */
  private <T> boolean runAll(List<Callable<T>> tasks, Consumer<T> each, String doing) {
    ExecutorCompletionService<T> ecs = new ExecutorCompletionService<>(pool);
    tasks.forEach(ecs::submit);
    long start = System.nanoTime();
    int finished = 0;
    while (finished < tasks.size()) {
      Future<T> f;
      try {
        f = ecs.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        if (stop.getAndSet(true)) {
          pool.shutdownNow();
        } else {
          progress.progress("Stopping: letting the rows under way finish (Ctrl-C again interrupts them)...");
        }
        continue;
      }
      if (f != null) {
        finished++;
        T value = value(f);
        if (value != null) each.accept(value);
      }
      if (!stop.get()) progress(doing, finished, tasks.size(), start);
    }
    progress.progressDone();
    return stop.get();
  }

  private static <T> T value(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (CancellationException e) {
      return null;
    }
  }

  private void progress(String doing, int done, int total, long start) {
    double minutes = (System.nanoTime() - start) / 60e9;
    double rate = minutes > 0 ? done / minutes : 0;
    String eta = rate > 0 && done > 0 ? ", ETA " + human((long) ((total - done) / rate * 60)) : "";
    int width = 20;
    int filled = total == 0 ? width : done * width / total;
    progress.progress("qualify bulk: " + doing + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + done + "/" + total + " rows, " + Math.round(rate) + " rows/min" + eta + " (Ctrl-C stops)");
  }

  private Done record(Done d) {
    if (d.fin()) checkpoint.done(d.result());
    results.append(d.result());
    return d;
  }

  private static Step decided(int line, String customer, String outcome, QualificationState state,
      String requestId, String error, boolean fin) {
    return new Step(null, new Done(new Result(line, customer, outcome,
        state == null ? null : Text.oneLine(state.summary()), requestId, error), fin));
  }

  /** A 4xx refusal will be refused again; throttling, timeouts and 5xx may pass. */
  private static boolean refusedForGood(PartnerCenterException e) {
    int s = e.status();
    return s >= 400 && s < 500 && s != 408 && s != 429;
  }

  /** The Partner Center status, error code and description. */
  static String error(PartnerCenterException e) {
    if (e.status() == 0) return Text.oneLine(e.description()) + " (no HTTP response)";
    return "HTTP " + e.status() + e.errorCode().map(c -> " error " + c).orElse("") + ": "
        + Text.oneLine(String.valueOf(e.description()));
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : Text.oneLine(e.getMessage());
  }

  private static ExecutorService pool(int n) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "pcsh-bulk-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  static String human(long seconds) {
    return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
        : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
