package pcsh.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.session.Settings;

/**
 * The in-process emulator behind {@code pcsh.base-url=embedded}. It starts on 127.0.0.1, port 0,
 * only when the first request needs it, so commands that send nothing start no server.
 */
public final class EmbeddedEmulator implements AutoCloseable {

  private final Settings settings;
  private Emulator emulator;
  private Faults faults;

  public EmbeddedEmulator(Settings settings) {
    this.settings = settings;
  }

  /**
   * {@code pcsh.emulator.faults} or an {@code emulator faults} argument, as a usage error when it
   * is wrong.
   */
  public static Faults parseFaults(String spec) {
    try {
      return Faults.parse(spec);
    } catch (IllegalArgumentException e) {
      throw Failure.usage(
          "Fault spec '" + Text.shown(spec) + "' is not valid: " + e.getMessage(),
          "use e.g. seed=42,latency=200ms@0.1,throttle=0.2,retry-after=1,burst=3,5xx=0.1,drop-after-write=0.3,"
              + "malformed=0.05,expired-token=0.02, or none.");
    }
  }

  /** The faults now injected (applied at once if the emulator runs, else when it starts). */
  public synchronized Faults faults() {
    if (faults == null) faults = parseFaults(settings.emulatorFaults());
    return faults;
  }

  public synchronized void faults(Faults f) {
    faults = f;
    if (emulator != null) emulator.setFaults(f);
  }

  public synchronized String baseUrl() {
    if (emulator == null) {
      try {
        emulator =
            Emulator.start(
                EmulatorConfig.persistent(settings.emulatorStateDir())
                    .withSeedCustomers(settings.emulatorCustomers())
                    .withVettingDelay(settings.emulatorVettingDelay())
                    .withFaults(faults())
                    .withRateLimit(settings.emulatorRateLimit(), 0)
                    .withRequireMfa(settings.emulatorRequireMfa()));
      } catch (IOException | UncheckedIOException e) {
        throw Failure.failed(
            "The embedded emulator could not start: it keeps its state in "
                + settings.emulatorStateDir()
                + ", and "
                + why(e)
                + ".",
            "make $PCSH_HOME a directory you can write (or set PCSH_HOME elsewhere), then run"
                + " the command again.");
      }
    }
    return emulator.baseUrl().toString();
  }

  /** What went wrong with the state directory, in words (an exception's name is no message). */
  private static String why(Exception e) {
    Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
    String path = c.getMessage() == null ? "" : Text.oneLine(c.getMessage());
    if (c instanceof java.nio.file.FileAlreadyExistsException)
      return "a file is in the way at " + path;
    if (c instanceof java.nio.file.AccessDeniedException) return "permission was denied at " + path;
    if (c instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return Text.oneLine(f.getReason()) + " at " + Text.oneLine(f.getFile());
    return path;
  }

  public synchronized boolean started() {
    return emulator != null;
  }

  @Override
  public synchronized void close() {
    if (emulator != null) emulator.close();
    emulator = null;
  }
}
