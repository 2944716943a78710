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
import pcsh.values.Values;

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
          """
          Show or set the embedded emulator's fault injection.
          Deterministic for a seed: latency, 429 bursts with Retry-After, 500/503, a connection \
          dropped after a write, malformed error bodies, expired-token 401s; `none` turns them \
          off. The default is pcsh.emulator.faults.
          Example: emulator faults seed=42,throttle=0.2,retry-after=1,burst=2,5xx=0.1,drop-after-write=0.3
          Example: emulator faults none
          See also: emulator serve, emulator reset""")
  String faults(
      @Option(
              longNames = "spec",
              label = "SPEC",
              description =
                  "faults and rates, comma-separated: seed=N, latency=200ms@0.1, throttle=0.2,"
                      + " retry-after=1, burst=3, 5xx=0.1, drop-after-write=0.3, malformed=0.05,"
                      + " expired-token=0.02 (written without blanks); or none")
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
          """
          Run the emulator on 127.0.0.1 for curl or other clients, until Ctrl-C.
          It shares its state with pcsh ($PCSH_HOME/emulator) and accepts any bearer token as the \
          demo partner.
          Example: emulator serve --port 8089
          See also: emulator reset, emulator faults""")
  String serve(
      @Option(
              longNames = "port",
              label = "PORT",
              defaultValue = "0",
              description = "port, 0 to 65535 (0: any free port)")
          String portOption)
      throws IOException {
    int port = Values.integer("--port", portOption, 0, 65535);
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
          """
          Restore the emulator's seed data.
          Its customers, qualifications and validation codes return to what pcsh ships with.
          Example: emulator reset
          See also: emulator serve""")
  String reset() throws IOException {
    Emulator.reset(settings.emulatorStateDir());
    return "Emulator state restored to its seed (" + settings.emulatorStateDir() + ").";
  }
}
