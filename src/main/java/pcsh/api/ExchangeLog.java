package pcsh.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every exchange the client makes is recorded here once, redacted; debug output, --show-request,
 * last-error and the session transcript all listen to it rather than to the wire.
 */
public final class ExchangeLog {

  private static final int KEEP = 50;

  private final Deque<Recorded> recent = new ArrayDeque<>();
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();

  public void listen(Consumer<Exchange> listener) {
    listeners.add(listener);
  }

  /**
   * Records an exchange that {@code redacted} builds, redacting it: that runs only when someone
   * looks at it (a listener, {@link #recent()}, a failure report), because every request passes
   * here and most are never looked at.
   */
  void record(Supplier<Exchange> redacted) {
    Recorded r = new Recorded(redacted);
    synchronized (recent) {
      recent.addLast(r);
      if (recent.size() > KEEP) recent.removeFirst();
    }
    if (listeners.isEmpty()) return;
    Exchange e = r.get();
    for (Consumer<Exchange> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ignored) {
        // a listener (e.g. a transcript on a full disk) never breaks the request itself
      }
    }
  }

  public List<Exchange> recent() {
    synchronized (recent) {
      return recent.stream().map(Recorded::get).toList();
    }
  }

  /** The last exchange sent with this MS-RequestId (the last attempt, when it was retried). */
  public Optional<Exchange> byRequestId(String requestId) {
    if (requestId == null) return Optional.empty();
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext()) {
        Exchange e = it.next().get();
        if (requestId.equals(e.requestId())) return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<Exchange> lastFailed() {
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext()) {
        Exchange e = it.next().get();
        if (e.failed()) return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** One recorded exchange, redacted on first use. */
  private static final class Recorded {
    private Supplier<Exchange> pending;
    private Exchange exchange;

    Recorded(Supplier<Exchange> pending) {
      this.pending = pending;
    }

    synchronized Exchange get() {
      if (exchange == null) {
        exchange = pending.get();
        pending = null;
      }
      return exchange;
    }
  }
}
