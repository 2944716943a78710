package pcsh.emulator;

import java.time.Clock;
import java.util.function.Function;

/** State that lives and dies with one emulator (stateDir == null). */
final class MemoryStateStore implements StateStore {

  private final Clock clock;
  private EmulatorState state;

  MemoryStateStore(Clock clock) {
    this.clock = clock;
    this.state = EmulatorState.seed(clock.instant());
  }

  @Override
  public synchronized <T> T read(Function<EmulatorState, T> operation) {
    state.decideDueVetting(clock.instant());
    return operation.apply(state);
  }

  @Override
  public synchronized <T> T update(Function<EmulatorState, T> operation) {
    state.decideDueVetting(clock.instant()); // kept even when the operation below is refused
    EmulatorState working = state.copy();
    T result = operation.apply(working);
    state = working;
    return result;
  }
}
