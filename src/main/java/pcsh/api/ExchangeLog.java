package pcsh.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every exchange the client makes is recorded here once, redacted; debug output, --show-request, last-error
 * and the session transcript all listen to it rather than to the wire.
 */
public final class ExchangeLog {

  private static final int KEEP = 50;

  private final Deque<Exchange> recent = new ArrayDeque<>();
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();

  public void listen(Consumer<Exchange> listener) {
    listeners.add(listener);
  }

  void record(Exchange e) {
    synchronized (recent) {
      recent.addLast(e);
      if (recent.size() > KEEP) recent.removeFirst();
    }
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
      return List.copyOf(recent);
    }
  }

  /** The last exchange sent with this MS-RequestId (the last attempt, when it was retried). */
  public Optional<Exchange> byRequestId(String requestId) {
    if (requestId == null) return Optional.empty();
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext()) {
        Exchange e = it.next();
        if (requestId.equals(e.requestId())) return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<Exchange> lastFailed() {
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext()) {
        Exchange e = it.next();
        if (e.failed()) return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
