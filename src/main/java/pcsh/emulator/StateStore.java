package pcsh.emulator;

import java.util.function.Function;

/**
 * Serialises access to the {@link EmulatorState}. {@code update} runs the operation on a private
 * copy and keeps it only when the operation returns normally, so a refused write (an {@link
 * ApiException}) changes nothing. Both first decide the InReview entries whose vetting is due
 * ({@link EmulatorState#decideDueVetting}) and keep that decision (a read saves it too, and a
 * refused write does not undo it), so the operation sees the state as of now.
 */
interface StateStore {

  <T> T read(Function<EmulatorState, T> operation);

  <T> T update(Function<EmulatorState, T> operation);
}
