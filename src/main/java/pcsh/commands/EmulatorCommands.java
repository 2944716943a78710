package pcsh.commands;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.CommandAvailability;
import org.springframework.shell.command.annotation.Option;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.Ui;

/** The embedded Partner Center emulator: run it for other clients, or restore its seed data. */
@Command(group = "Emulator")
public class EmulatorCommands {

  private final Settings settings;
  private final Ui ui;
  private final EmbeddedEmulator embedded;

  EmulatorCommands(Settings settings, Ui ui, EmbeddedEmulator embedded) {
    this.settings = settings;
    this.ui = ui;
    this.embedded = embedded;
  }

  @Command(
      command = "emulator faults",
      description =
          "Show or set the embedded emulator's fault injection"
              + " (deterministic for a seed): latency, 429 bursts with Retry-After, 500/503, a connection dropped after a"
              + " write, malformed error bodies, expired-token 401s. `none` turns them off. Default: pcsh.emulator.faults."
              + " Example: emulator faults seed=42,throttle=0.2,retry-after=1,burst=2,5xx=0.1,drop-after-write=0.3")
  String faults(
      @Option(
              longNames = "spec",
              description =
                  "e.g. seed=42,latency=200ms@0.1,throttle=0.2,"
                      + "retry-after=1,burst=3,5xx=0.1,drop-after-write=0.3,malformed=0.05,expired-token=0.02, or none")
          String spec) {
    if (!settings.embedded()) {
      throw Failure.usage(
          "Fault injection is for the embedded emulator, and pcsh.base-url is "
              + settings.apiBaseUrl()
              + ".",
          "run pcsh with pcsh.base-url=embedded to use the emulator.");
    }
    if (spec != null)
      embedded.faults(EmbeddedEmulator.parseFaults(Inputs.cleanValue("--spec", spec)));
    Faults f = embedded.faults();
    return f.equals(Faults.NONE) ? "Emulator faults: none." : "Emulator faults: " + f.spec();
  }

  @Command(
      command = "emulator serve",
      description =
          "Run the emulator on 127.0.0.1 for curl or other clients"
              + " until Ctrl-C; it shares its state with pcsh. Example: emulator serve --port 8089")
  String serve(
      @Option(longNames = "port", defaultValue = "0", description = "port (0: any free port)")
          int port)
      throws IOException {
    if (port < 0 || port > 65535) {
      throw Failure.usage(
          "--port " + port + " is not a port number.", "use 1 to 65535, or 0 for any.");
    }
    try (Emulator emulator =
        Emulator.start(
            EmulatorConfig.persistent(settings.emulatorStateDir())
                .withSeedCustomers(settings.emulatorCustomers())
                .withVettingDelay(settings.emulatorVettingDelay())
                .withPort(port)
                .withFaults(embedded.faults())
                .withRateLimit(settings.emulatorRateLimit(), 0)
                .withRequireMfa(settings.emulatorRequireMfa()))) {
      ui.print(
          "Partner Center emulator listening on "
              + emulator.baseUrl()
              + " (loopback only). Ctrl-C stops it.\n"
              + "Try: curl -H 'Authorization: Bearer demo' "
              + emulator.baseUrl()
              + "/v1/customers?size=2\n");
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.interrupted();
    } catch (java.net.BindException e) {
      throw Failure.usage(
          "Port " + port + " is already in use.", "pick another --port, or 0 for any.");
    }
    return "Emulator stopped.";
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "emulator reset",
      description =
          "Restore the emulator's seed data (customers,"
              + " qualifications, validation codes). Example: emulator reset")
  String reset() throws IOException {
    Emulator.reset(settings.emulatorStateDir());
    return "Emulator state restored to its seed (" + settings.emulatorStateDir() + ").";
  }
}
