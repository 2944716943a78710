package pcsh.shell;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The failures reported in this process, so a script can stop at the first one and exit with its code. Every
 * report goes through {@link ErrorHandling}, which records it here.
 */
@Component
class Failures {

  private final AtomicReference<ErrorReport> first = new AtomicReference<>();
  private final AtomicReference<ErrorReport> last = new AtomicReference<>();
  private volatile long count;

  void record(ErrorReport r) {
    first.compareAndSet(null, r);
    last.set(r);
    count++;
  }

  long count() {
    return count;
  }

  Optional<ErrorReport> first() {
    return Optional.ofNullable(first.get());
  }

  Optional<ErrorReport> last() {
    return Optional.ofNullable(last.get());
  }
}
