package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts from --file and from stdin, their exit codes, and read-only mode, through the built jar.
 */
class ScriptsIT {

  static final String LITWARE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  @TempDir Path home;

  @Test
  void aScriptRunsInOrderAndStopsAtTheFirstFailureWithItsExitCode() throws Exception {
    Path script =
        Files.writeString(
            home.resolve("s.pcsh"),
            """
        # select, look, fail, and never get to the write
        use customer litware

        qualification show --customer %s \\
            --output json
        customer show --customer 00000000-0000-4000-8000-000000000000
        qualify soe --customer %s --yes
        """
                .formatted(LITWARE, LITWARE));
    Pcsh pcsh = new Pcsh(home, Map.of());

    Pcsh.Run run = pcsh.run("--file", script.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.out())
        .contains("Using customer Litware County Library", "\"qualification\" : \"none\"")
        .doesNotContain("StateOwnedEntity");
    assertThat(run.err()).contains("HTTP 404").doesNotContain("pcsh>");
    assertThat(pcsh.run("qualification", "show", "--customer", LITWARE).out())
        .contains("Qualification:  None");
  }

  @Test
  void stdinIsAScriptAndContinueOnErrorRunsEveryLine() throws Exception {
    Path script =
        Files.writeString(
            home.resolve("s.pcsh"),
            """
        nosuchcommand
        qualify soe --customer %s --yes
        """
                .formatted(LITWARE));
    Pcsh pcsh = new Pcsh(home, Map.of());

    Pcsh.Run run = pcsh.runWithStdin(script, "--continue-on-error");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("No command 'nosuchcommand'");
    assertThat(run.out()).contains("Done: Litware County Library is now StateOwnedEntity");
  }

  @Test
  void stacktraceShowsTheLastFailuresTraceAndExitEndsTheScript() throws Exception {
    Path script =
        Files.writeString(
            home.resolve("s.pcsh"),
            """
        stacktrace
        use customer nosuchcustomer
        stacktrace
        help
        exit
        version
        """);
    Pcsh pcsh = new Pcsh(home, Map.of());

    Pcsh.Run run = pcsh.run("--file", script.toString(), "--continue-on-error");
    Pcsh.Run oneShot = pcsh.run("stacktrace");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.out())
        .contains("No failure in this session. `last-error` shows the last one of any pcsh run.")
        .contains("pcsh.failure.Failure: No customer has the id, domain or a company name")
        .contains("\tat pcsh.customers.CustomerFinder.find(")
        .doesNotContain("Spring Shell:");
    // pcsh's own exit replaces Spring Shell's quit, listed once with its alias
    assertThat(run.out().lines().filter(l -> l.matches("  (exit|quit|clear|stacktrace) .*")))
        .containsExactly(
            "  stacktrace             Print the Java stack trace of this session's last failure, redacted.",
            "  clear                  Clear the screen (Ctrl-L does the same).",
            "  exit                   Leave the interactive shell (Ctrl-D does the same).");
    assertThat(oneShot.exit()).isEqualTo(2);
    assertThat(oneShot.err()).contains("No command 'stacktrace'");
  }

  @Test
  void readOnlyRefusesWritesWithTheReasonAndStillReads() throws Exception {
    Pcsh pcsh = new Pcsh(home, Map.of());

    Pcsh.Run write = pcsh.run("--read-only", "qualify", "soe", "--customer", LITWARE, "--yes");
    Pcsh.Run read =
        new Pcsh(home, Map.of("PCSH_READ_ONLY", "true")).run("validation-codes", "list");

    assertThat(write.exit()).as(write.toString()).isEqualTo(2);
    assertThat(write.err())
        .contains("'qualify soe' is not available: pcsh is read-only")
        .doesNotContain("\tat ");
    assertThat(read.exit()).as(read.toString()).isZero();
  }
}
