package pcsh.emulator;

import java.util.function.Function;

/** State that lives and dies with one emulator (stateDir == null). */
final class MemoryStateStore implements StateStore {

    private EmulatorState state = EmulatorState.seed();

    @Override
    public synchronized <T> T read(Function<EmulatorState, T> operation) {
        return operation.apply(state);
    }

    @Override
    public synchronized <T> T update(Function<EmulatorState, T> operation) {
        EmulatorState working = state.copy();
        T result = operation.apply(working);
        state = working;
        return result;
    }
}
