package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pcsh.bench.Bench;

/**
 * The benchmark harness runs end to end on a tiny case and prints every measurement. Its figures
 * are not checked: benchmarks are not timed tests.
 */
class BenchIT {

  @Test
  void theHarnessMeasuresEverythingOnATinyCase() throws Exception {
    String table = Bench.table(Path.of("").toAbsolutePath(), "--quick");

    assertThat(table)
        .contains(
            "start-up: floor, java -version",
            "start-up: whoami, plain fat jar",
            "start-up: whoami, ./pcsh",
            "start-up: az account show",
            "request overhead ratio (Feign / bare)",
            "list: customers list --all -o csv, 2000 customers",
            "bulk: qualify bulk, 6 rows at 500 req/min",
            "bulk: qualify bulk, 20 rows, no rate limit");
    assertThat(table)
        .containsAnyOf(
            "Tab completion: use customer Northw<Tab>",
            "skipped: no `script` (util-linux) for a pty");
    assertThat(table)
        .containsPattern("request overhead ratio \\(Feign / bare\\) +[0-9]+\\.[0-9]{2} x");
    assertThat(table).containsPattern("peak RSS [1-9][0-9]* MB");
  }
}
