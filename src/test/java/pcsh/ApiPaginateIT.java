package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api --paginate} over 100,000 customers (the emulator seeded with that many) in a JVM whose
 * heap may not grow past 64 MB: collected, the customers alone would take several times that, so
 * finishing proves each page is printed and dropped. (No time is asserted; the bench measures it.)
 */
class ApiPaginateIT {

  static final int CUSTOMERS = 100_000;

  @TempDir Path home;

  @Test
  void aHundredThousandCustomersPageThroughInFlatMemory() throws Exception {
    Path out = home.resolve("customers.csv");
    Path err = home.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(
            Pcsh.command(
                home, "api", "--paginate", "/v1/customers", "-f", "size=500", "-o", "csv"));
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
    pb.environment().put("PCSH_HOME", home.toString());
    pb.environment().put("PCSH_EMULATOR_CUSTOMERS", Integer.toString(CUSTOMERS));
    pb.environment().put("PCSH_EMULATOR_RATE_LIMIT", "0");
    pb.environment().put("JDK_JAVA_OPTIONS", "-Xmx64m");
    pb.redirectInput(new java.io.File("/dev/null")).redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    // a hang guard, far beyond the 10-30 s it takes on two busy cores
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    if (!done) p.destroyForcibly();
    assertThat(done).as("pcsh finished within the hang guard").isTrue();

    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stderr).doesNotContain("OutOfMemoryError");
    try (Stream<String> lines = Files.lines(out)) {
      assertThat(lines.findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("id,"));
    }
    try (Stream<String> lines = Files.lines(out)) {
      assertThat(lines.count()).isEqualTo(CUSTOMERS + 1);
    }
  }
}
