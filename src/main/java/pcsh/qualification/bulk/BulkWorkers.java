package pcsh.qualification.bulk;

import java.util.List;
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
import pcsh.api.PartnerCenterException;
import pcsh.output.Progress;

/**
 * The threads of a `qualify bulk` run and its Ctrl-C: rows are worked on a few at a time while the
 * calling thread collects their answers and shows progress. The first Ctrl-C (the calling thread
 * interrupted) stops new rows from starting; a second interrupts the ones under way.
 */
final class BulkWorkers implements AutoCloseable {

  /**
   * How often one request refused with 429 is sent again (after its Retry-After) before the row
   * fails.
   */
  static final int MAX_THROTTLED = 10;

  private final ExecutorService pool;
  private final Progress progress;
  private final AtomicBoolean stop = new AtomicBoolean();

  BulkWorkers(int n, Progress progress) {
    this.pool = pool(n);
    this.progress = progress;
  }

  /** True once Ctrl-C was pressed: no new row starts. */
  boolean stopped() {
    return stop.get();
  }

  /**
   * Runs the tasks on the pool, handing each answer to {@code each} on this thread, with a progress
   * line. Ctrl-C (this thread interrupted) stops new rows from starting and waits for the ones
   * under way; a second Ctrl-C interrupts those too (an unanswered write is then read back). True
   * when stopped.
   */
  <T> boolean runAll(List<Callable<T>> tasks, Consumer<T> each, String doing) {
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
          progress.progress(
              "Stopping: letting the rows under way finish (Ctrl-C again interrupts them)...");
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
    progress.progress(
        "qualify bulk: "
            + doing
            + " ["
            + "#".repeat(filled)
            + ".".repeat(width - filled)
            + "] "
            + done
            + "/"
            + total
            + " rows, "
            + Math.round(rate)
            + " rows/min"
            + eta
            + " (Ctrl-C stops)");
  }

  private static ExecutorService pool(int n) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        n,
        r -> {
          Thread t = new Thread(r, "pcsh-bulk-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  static String human(long seconds) {
    return seconds < 60
        ? seconds + " s"
        : seconds < 3600
            ? seconds / 60 + " min " + seconds % 60 + " s"
            : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  /** A read (or lookup) that gets 429 is sent again once the rate limiter's pause has passed. */
  <T> T throttled(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (PartnerCenterException e) {
        if (e.status() != 429 || attempt >= MAX_THROTTLED || stop.get()) throw e;
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
