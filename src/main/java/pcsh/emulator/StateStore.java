package pcsh.emulator;

import java.util.function.Function;

/**
 * Serialises access to the {@link EmulatorState}. {@code update} runs the operation on a private copy and keeps it
 * only when the operation returns normally, so a refused write (an {@link ApiException}) changes nothing.
 */
interface StateStore {

    <T> T read(Function<EmulatorState, T> operation);

    <T> T update(Function<EmulatorState, T> operation);
}
