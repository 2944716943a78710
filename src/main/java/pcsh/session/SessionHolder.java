package pcsh.session;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The one mutable reference to the current {@link Session}. */
public final class SessionHolder {

  private final AtomicReference<Session> current;

  public SessionHolder(Session initial) {
    this.current = new AtomicReference<>(initial);
  }

  public Session get() {
    return current.get();
  }

  public Session update(UnaryOperator<Session> transition) {
    return current.updateAndGet(transition);
  }
}
