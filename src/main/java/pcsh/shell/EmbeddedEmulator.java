package pcsh.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.session.Settings;

/**
 * The in-process emulator behind {@code pcsh.base-url=embedded}. It starts on 127.0.0.1, port 0, only when
 * the first request needs it, so commands that send nothing start no server.
 */
final class EmbeddedEmulator implements AutoCloseable {

  private final Settings settings;
  private Emulator emulator;

  EmbeddedEmulator(Settings settings) {
    this.settings = settings;
  }

  synchronized String baseUrl() {
    if (emulator == null) {
      try {
        emulator = Emulator.start(EmulatorConfig.persistent(settings.emulatorStateDir())
            .withSeedCustomers(settings.emulatorCustomers())
            .withVettingDelay(settings.emulatorVettingDelay()));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded emulator: " + e.getMessage(), e);
      }
    }
    return emulator.baseUrl().toString();
  }

  synchronized boolean started() {
    return emulator != null;
  }

  @Override
  public synchronized void close() {
    if (emulator != null) emulator.close();
    emulator = null;
  }
}
