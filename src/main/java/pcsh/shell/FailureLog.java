package pcsh.shell;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The failures reported in this process, so a script can stop at the first one and exit with its
 * code. Every report goes through {@link ErrorHandling}, which records it here.
 */
@Component
public class FailureLog {

  private final AtomicReference<ErrorReport> first = new AtomicReference<>();
  private final AtomicReference<ErrorReport> last = new AtomicReference<>();
  private final AtomicReference<Throwable> lastCause = new AtomicReference<>();
  private final java.util.List<java.util.function.BiConsumer<ErrorReport, Throwable>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong count =
      new java.util.concurrent.atomic.AtomicLong();

  public void record(ErrorReport r) {
    record(r, null);
  }

  /**
   * Records a report and what caused it (for {@code last-error --verbose}); listeners (the
   * transcript) hear it.
   */
  public void record(ErrorReport r, Throwable cause) {
    first.compareAndSet(null, r);
    last.set(r);
    lastCause.set(cause);
    count.incrementAndGet();
    for (var l : listeners) l.accept(r, cause);
  }

  public void listen(java.util.function.Consumer<ErrorReport> listener) {
    listeners.add((r, cause) -> listener.accept(r));
  }

  /** A listener that also hears what caused the report (null when nothing threw). */
  public void listen(java.util.function.BiConsumer<ErrorReport, Throwable> listener) {
    listeners.add(listener);
  }

  public Optional<Throwable> lastCause() {
    return Optional.ofNullable(lastCause.get());
  }

  long count() {
    return count.get();
  }

  Optional<ErrorReport> first() {
    return Optional.ofNullable(first.get());
  }

  public Optional<ErrorReport> last() {
    return Optional.ofNullable(last.get());
  }
}
