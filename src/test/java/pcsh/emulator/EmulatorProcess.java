package pcsh.emulator;

import java.nio.file.Path;

/**
 * Runs an emulator in a separate JVM for the cross-process test: prints its port, stops when stdin
 * closes.
 */
final class EmulatorProcess {

  private EmulatorProcess() {}

  public static void main(String[] args) throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorConfig.persistent(Path.of(args[0])).withSeedCustomers(300))) {
      System.out.println(emulator.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
