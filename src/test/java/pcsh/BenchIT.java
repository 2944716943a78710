package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import pcsh.bench.Bench;

/**
 * The benchmark harness runs end to end on a tiny case and prints every measurement. Its figures
 * are not checked: benchmarks are not timed tests.
 */
// beside the other integration tests (pom.xml, failsafe): it shares nothing with them, and its
// figures are not checked, so their load does not matter
@Execution(ExecutionMode.CONCURRENT)
class BenchIT {

  @Test
  void theHarnessMeasuresEverythingOnATinyCase() throws Exception {
    String table = Bench.table(Path.of("").toAbsolutePath(), "--quick");

    assertThat(table)
        .contains(
            "start-up: floor, java -version",
            "start-up: whoami, plain fat jar",
            "start-up: whoami, ./pcsh",
            "start-up: customers list --size 1, embedded emulator",
            "start-up: customers list --size 1, against emulator serve",
            "start-up: az account show",
            "request overhead ratio (Feign / bare)",
            "list: customers list --all -o csv, 2000 customers",
            "bulk: qualify bulk, 6 rows at 500 req/min",
            "bulk: qualify bulk, 20 rows, no rate limit",
            "emulator: start with 2,000 customers, a filtered page and a lookup",
            "emulator: every page of 500 of 2,000 customers",
            "retry: a read answered 429 with Retry-After: 1, then 200",
            "cancel: Ctrl-C on a request in flight, until the command ends",
            "Tab in bash: use customer alderba<Tab>, 1,300 cached customers, 100 shown",
            "Tab in bash: use customer alder<Tab>, 100,000 cached customers, 300 shown",
            "picture: customer overview, Northwind, warm",
            "picture: users list --all -o csv, Fabrikam, 1240 users in 3 pages");
    assertThat(table)
        .containsPattern(
            "Tab in zsh: use customer alder<Tab>, 1,300 cached customers, 300 shown"
                + "|Tab in zsh +skipped: no `zsh` on the PATH");
    assertThat(table)
        .containsAnyOf(
            "Tab completion: use customer Northw<Tab>",
            "skipped: no `script` (util-linux) for a pty");
    assertThat(table)
        .containsAnyOf(
            "warm shell: both, per command over the emulator's handling",
            "warm shell  skipped: no `script` (util-linux) for a pty");
    assertThat(table).containsPattern("goals: [0-9]+ met, [0-9]+ NOT met");
    assertThat(table)
        .containsPattern("request overhead ratio \\(Feign / bare\\) +[0-9]+\\.[0-9]{2} x");
    assertThat(table).containsPattern("peak RSS [1-9][0-9]* MB");
  }
}
