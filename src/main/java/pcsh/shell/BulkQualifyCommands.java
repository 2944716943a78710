package pcsh.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
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
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.CommandAvailability;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.Customer;
import pcsh.api.CustomerFilter;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.api.RateLimiter;
import pcsh.api.ValidationCode;
import pcsh.output.Text;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.WriteJournal;
import pcsh.shell.BulkCheckpoint.Result;

/**
 * {@code qualify bulk --from FILE}: many customers' qualifications from a CSV file. Every row is checked before
 * anything is sent; then each customer is resolved and read, the plan shown and confirmed, and the writes sent,
 * a few at a time within the rate limit, each through the {@link QualificationWriter} (journalled, read back when
 * unanswered). A checkpoint lets a rerun of the same command resume; a result CSV gets one line per row.
 */
@Command(group = "Qualification")
public class BulkQualifyCommands {

  static final String APPLIED = "applied";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";
  static final String NOT_FOUND = "not-found";

  /** How often one request refused with 429 is sent again (after its Retry-After) before the row fails. */
  private static final int MAX_THROTTLED = 10;

  private final PartnerCenterClient client;
  private final Settings settings;
  private final Ui ui;
  private final QualificationWriter writer;

  BulkQualifyCommands(PartnerCenterClient client, SessionHolder session, Settings settings, Ui ui,
      WriteJournal journal) {
    this.client = client;
    this.settings = settings;
    this.ui = ui;
    this.writer = new QualificationWriter(client, journal,
        (id, state) -> session.update(s -> s.knowingQualification(id, state == null ? null : state.shortLabel())));
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(command = "qualify bulk", description = "Qualify many customers from a CSV file with a header row"
      + " (customer,kind,code,segment,website; customer is an id or a domain, kind education, gcc or soe). Checks"
      + " every row first, skips customers that already have the qualification, shows the plan and asks; resumes"
      + " from a checkpoint when run again; writes a result CSV. Example: qualify bulk --from customers.csv")
  String bulk(
      @Option(longNames = "from", description = "the CSV file") String from,
      @Option(longNames = "results", description = "the result CSV (default: <file>.results.csv beside the input)")
      String results,
      @Option(longNames = "concurrency", description = "rows worked on at once, 1 to 16 (default:"
          + " pcsh.bulk.concurrency)") String concurrency,
      @Option(longNames = "yes", shortNames = 'y', description = "do not ask for confirmation") boolean yes,
      @Option(longNames = "dry-run", description = "show the plan and the requests, and send no write")
      boolean dryRun,
      @Option(longNames = "restart", description = "ignore the checkpoint of an earlier run and start over")
      boolean restart) {
    if (from == null || from.isBlank()) {
      throw PcshException.usage("qualify bulk needs --from FILE: a CSV file with a header row.",
          "see `help qualify bulk`; e.g. a file with the lines customer,kind,code and"
              + " contoso.onmicrosoft.com,soe, then `qualify bulk --from that-file.csv`.");
    }
    Path input = Path.of(Inputs.cleanValue("--from", from)).toAbsolutePath().normalize();
    int workers = concurrency(concurrency);
    byte[] content = BulkInput.bytes(input);
    List<BulkInput.Row> rows = BulkInput.read(input, content);
    Path resultsFile = resultsPath(input, results);
    if (!yes && !dryRun && ui.noTerminal()) {
      throw PcshException.usage("Not changing qualifications without confirmation, and there is no terminal to"
          + " ask on.", "add --yes to confirm, or --dry-run to only see the plan.");
    }
    BulkCheckpoint checkpoint = BulkCheckpoint.of(settings.home(), input, content);
    if (restart && !dryRun) checkpoint.clear();
    Map<Integer, Result> earlier = restart ? Map.of() : checkpoint.done();
    RateLimiter limiter = RateLimiter.perMinute(settings.bulkRateLimit());
    client.rateLimit(limiter);
    ExecutorService pool = pool(workers);
    try {
      return new Run(rows, input, resultsFile, checkpoint, earlier, limiter, pool, workers).go(yes, dryRun);
    } finally {
      pool.shutdownNow();
      client.rateLimit(null);
      ui.progressDone();
    }
  }

  private int concurrency(String option) {
    if (option == null) return settings.bulkConcurrency();
    try {
      int n = Integer.parseInt(option.strip());
      if (n >= 1 && n <= 16) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw PcshException.usage("--concurrency '" + Inputs.shown(option) + "' is not a number from 1 to 16.",
        "use e.g. --concurrency 4 (the default is pcsh.bulk.concurrency).");
  }

  private static Path resultsPath(Path input, String option) {
    Path p;
    if (option == null) {
      String name = input.getFileName().toString();
      String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
      p = input.resolveSibling(base + ".results.csv");
    } else {
      p = Path.of(Inputs.cleanValue("--results", option)).toAbsolutePath().normalize();
    }
    if (p.equals(input)) {
      throw PcshException.usage("--results must not be the input file.", "give another path to --results.");
    }
    if (Files.isDirectory(p)) throw PcshException.usage(p + " is a directory.", "give a file path to --results.");
    return p;
  }

  private static ExecutorService pool(int n) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "pcsh-bulk-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** What became of a row in this run: a result, final (checkpointed) or not (tried again next run). */
  private record Done(Result result, boolean fin) {}

  /** A row to write: the customer's id and the state read before. */
  private record Todo(BulkInput.Row row, String id, QualificationState before) {}

  /** One row after reading: to write ({@code todo}), or decided ({@code done}); null when stopped before. */
  private record Step(Todo todo, Done done) {}

  /** One run of the command. */
  private final class Run {

    private final List<BulkInput.Row> rows;
    private final Path input;
    private final Path resultsFile;
    private final BulkCheckpoint checkpoint;
    private final Map<Integer, Result> earlier;
    private final RateLimiter limiter;
    private final ExecutorService pool;
    private final int workers;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<Integer, Done> now = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    Run(List<BulkInput.Row> rows, Path input, Path resultsFile, BulkCheckpoint checkpoint,
        Map<Integer, Result> earlier, RateLimiter limiter, ExecutorService pool, int workers) {
      this.rows = rows;
      this.input = input;
      this.resultsFile = resultsFile;
      this.checkpoint = checkpoint;
      this.earlier = earlier;
      this.limiter = limiter;
      this.pool = pool;
      this.workers = workers;
    }

    String go(boolean yes, boolean dryRun) {
      List<BulkInput.Row> open = rows.stream().filter(r -> !earlier.containsKey(r.line())).toList();
      if (!earlier.isEmpty()) {
        notes.add("Resuming: " + earlier.size() + " of " + rows.size() + " rows already done (checkpoint "
            + checkpoint.file() + "); --restart starts over.");
      }
      if (!dryRun) notes.addAll(writer.reconcile());

      // read every open row's customer; nothing is written yet
      List<Step> steps = new ArrayList<>();
      boolean stopped = runAll(open.stream().map(r -> (Callable<Step>) () -> stop.get() ? null : prepare(r))
          .toList(), steps::add, "reading");
      if (stopped) {
        throw PcshException.failure("Stopped (Ctrl-C) while reading the customers; nothing was written.",
            "run the same command again.");
      }
      List<Todo> todo = new ArrayList<>();
      steps.stream().sorted(Comparator.comparingInt(s -> s.todo() != null ? s.todo().row().line()
          : s.done().result().line())).forEach(s -> {
            if (s.todo() != null) todo.add(s.todo());
            else now.put(s.done().result().line(), s.done());
          });
      List<Todo> writes = preconditions(todo);

      String plan = plan(writes, dryRun);
      if (dryRun) return String.join("\n", notes) + (notes.isEmpty() ? "" : "\n") + plan
          + "\nDry run: nothing was written.";
      if (!yes && !writes.isEmpty()) {
        ui.print(String.join("\n", notes) + (notes.isEmpty() ? "" : "\n") + plan + "\n");
        if (!ui.confirm("Send " + writes.size() + " qualification write" + (writes.size() == 1 ? "" : "s") + "?")) {
          return "Cancelled; nothing was written.";
        }
      }

      // files are written on the workers: a Ctrl-C interrupts this thread, and an interrupted file channel closes
      startResults();
      List<Callable<Done>> tasks = new ArrayList<>();
      now.values().forEach(d -> tasks.add(() -> record(d)));
      writes.forEach(t -> tasks.add(() -> stop.get() ? null : record(apply(t))));
      stopped = runAll(tasks, d -> now.put(d.result().line(), d), "writing");
      finishResults();
      return summary(stopped);
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
            ui.progress("Stopping: letting the rows under way finish (Ctrl-C again interrupts them)...");
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
      ui.progressDone();
      return stop.get();
    }

    private <T> T value(Future<T> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (java.util.concurrent.CancellationException e) {
        return null;
      }
    }

    private void progress(String doing, int done, int total, long start) {
      double minutes = (System.nanoTime() - start) / 60e9;
      double rate = minutes > 0 ? done / minutes : 0;
      String eta = rate > 0 && done > 0 ? ", ETA " + human((long) ((total - done) / rate * 60)) : "";
      int width = 20;
      int filled = total == 0 ? width : done * width / total;
      ui.progress("qualify bulk: " + doing + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done
          + "/" + total + " rows, " + Math.round(rate) + " rows/min" + eta + " (Ctrl-C stops)");
    }

    private String plan(List<Todo> writes, boolean dryRun) {
      Map<QualificationKind, Integer> byKind = new EnumMap<>(QualificationKind.class);
      writes.forEach(t -> byKind.merge(t.row().write().kind(), 1, Integer::sum));
      long skipped = count(SKIPPED);
      long failed = count(FAILED);
      long notFound = count(NOT_FOUND);
      long resumedApplied = count(APPLIED);
      StringBuilder b = new StringBuilder("Plan for " + input + " (" + rows.size() + " rows):\n");
      if (!earlier.isEmpty()) b.append("  ").append(earlier.size()).append(" done in an earlier run\n");
      b.append("  ").append(writes.size()).append(" to qualify");
      if (!byKind.isEmpty()) {
        b.append(": ").append(String.join(", ", byKind.entrySet().stream()
            .map(e -> e.getValue() + " as " + e.getKey().apiName()).toList()));
      }
      b.append('\n');
      if (resumedApplied > 0) {
        b.append("  ").append(resumedApplied).append(" written before pcsh stopped, confirmed by reading back\n");
      }
      b.append("  ").append(skipped).append(" already qualified (skipped)\n");
      b.append("  ").append(failed).append(" failing a precondition or a read (not sent)\n");
      if (notFound > 0) b.append("  ").append(notFound).append(" not found\n");
      b.append("Up to ").append(limiter.limit()).append(" requests a minute, ").append(workers)
          .append(" rows at a time. Results: ").append(resultsFile);
      if (dryRun) {
        b.append("\nRequests that would be sent:");
        for (Todo t : writes) {
          PlannedRequest p = t.row().write().plan(client, t.id());
          b.append("\n  line ").append(t.row().line()).append(": ").append(p.method()).append(' ')
              .append(p.pathAndQuery()).append("  body ").append(p.body());
        }
        now.values().stream().filter(d -> !d.result().outcome().equals(SKIPPED)).forEach(d -> b.append("\n  line ")
            .append(d.result().line()).append(": ").append(d.result().outcome()).append(" - ")
            .append(d.result().error()));
      }
      return b.toString();
    }

    private long count(String outcome) {
      return now.values().stream().filter(d -> d.result().outcome().equals(outcome)).count();
    }

    private String summary(boolean stopped) {
      Map<Integer, Result> all = all();
      long applied = all.values().stream().filter(r -> r.outcome().equals(APPLIED)).count();
      long skipped = all.values().stream().filter(r -> r.outcome().equals(SKIPPED)).count();
      long failed = all.values().stream().filter(r -> r.outcome().equals(FAILED)).count();
      long notFound = all.values().stream().filter(r -> r.outcome().equals(NOT_FOUND)).count();
      int notRun = rows.size() - all.size();
      String counts = "applied " + applied + ", skipped " + skipped + ", failed " + failed
          + (notFound > 0 ? ", not found " + notFound : "") + (notRun > 0 ? ", not run " + notRun : "")
          + " (" + rows.size() + " rows" + (earlier.isEmpty() ? "" : ", " + earlier.size() + " done in an earlier"
          + " run") + "). Results: " + resultsFile;
      String head = String.join("\n", notes) + (notes.isEmpty() ? "" : "\n");
      String tail = notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
      if (stopped) {
        throw PcshException.failure("Stopped (Ctrl-C): " + counts + tail,
            "run the same command again to resume: finished rows are not sent again (checkpoint "
                + checkpoint.file() + ").");
      }
      if (failed + notFound == 0) return head + "Done: " + counts;
      boolean passing = now.values().stream().anyMatch(d -> !d.fin());
      ExitCode code = passing ? ExitCode.FAILURE
          : all.values().stream().anyMatch(r -> r.outcome().equals(FAILED)) ? ExitCode.REFUSED : ExitCode.NOT_FOUND;
      throw new PcshException(code, (failed + notFound) + " of " + rows.size() + " rows did not succeed: "
          + counts + tail, "see the error column of the results; "
          + (passing ? "rows that failed for a passing reason (throttling, 5xx, no answer) are tried again when you"
          + " run the same command again; " : "") + "after correcting rows in the file, run it again: customers"
          + " that already have their qualification are skipped.");
    }

    /** Earlier runs' rows and this run's, by line. */
    private Map<Integer, Result> all() {
      Map<Integer, Result> all = new TreeMap<>(earlier);
      now.forEach((line, d) -> all.put(line, d.result()));
      return all;
    }

    private Done record(Done d) {
      if (d.fin()) checkpoint.done(d.result());
      appendResult(d.result());
      return d;
    }

    // the result CSV: rewritten from the checkpoint at the start, one line appended per row, sorted at the end

    private void startResults() {
      StringBuilder b = new StringBuilder(header());
      new TreeMap<>(earlier).values().forEach(r -> b.append(csv(r)));
      write(resultsFile, b.toString());
    }

    private synchronized void appendResult(Result r) {
      try (java.io.FileOutputStream out = new java.io.FileOutputStream(resultsFile.toFile(), true)) {
        out.write(csv(r).getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + resultsFile + ": " + e.getMessage(), e);
      }
    }

    private void finishResults() {
      StringBuilder b = new StringBuilder(header());
      all().values().forEach(r -> b.append(csv(r)));
      Path tmp = resultsFile.resolveSibling(resultsFile.getFileName() + ".tmp");
      write(tmp, b.toString());
      try {
        Files.move(tmp, resultsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + resultsFile + ": " + e.getMessage(), e);
      }
    }
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

  static String header() {
    return "row,customer,outcome,qualification,request id,error\n";
  }

  static String csv(Result r) {
    return String.join(",", Integer.toString(r.line()), field(r.customer()), field(r.outcome()),
        field(r.qualification()), field(r.requestId()), field(r.error())) + "\n";
  }

  private static String field(String s) {
    if (s == null) return "";
    String v = pcsh.session.Redactor.shared().text(s);
    if (v.matches("[^\",\\r\\n]*")) return v;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
      try (java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String human(long seconds) {
    return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
        : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
