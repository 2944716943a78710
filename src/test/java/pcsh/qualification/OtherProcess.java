package pcsh.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pcsh.qualification.bulk.BulkCheckpoint;

/**
 * Another pcsh process, as far as the shared files go: appends intents to a journal, or holds a
 * bulk run's checkpoint, in a JVM of its own (file locks belong to a process).
 */
public final class OtherProcess {

  private OtherProcess() {}

  /**
   * {@code append <journal> <n>}: n intents, then exits. {@code hold <home> <input>}: takes the
   * checkpoint of input, prints "held", and keeps it until stdin closes.
   */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("append")) {
      WriteJournal journal = new WriteJournal(Path.of(args[1]));
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        journal.intent(
            "other-" + i, "customer-" + i, "StateOwnedEntity (V2 POST)", "x".repeat(3000));
      }
      return;
    }
    Path input = Path.of(args[2]);
    try (BulkCheckpoint held =
        BulkCheckpoint.locked(Path.of(args[1]), input, Files.readAllBytes(input))) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our stdin
      }
    }
  }

  /** Starts {@code OtherProcess args} in a new JVM on this test's class path. */
  public static Process start(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OtherProcess.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static void stop(Process p) throws Exception {
    p.getOutputStream().close();
    if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
  }
}
