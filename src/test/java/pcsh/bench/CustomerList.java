package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming a large list: {@code customers list --all -o csv} over the embedded emulator seeded
 * with that many customers, its time, rows per second and peak resident set size.
 */
final class CustomerList {

  private CustomerList() {}

  static Bench.Row measure(Bench.Options options) throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench");
    Path out = home.resolve("customers.csv");
    Proc.Result r =
        Proc.run(
            List.of(
                options.root().resolve("pcsh").toString(),
                "customers",
                "list",
                "--all",
                "--output",
                "csv"),
            Map.of(
                "PCSH_HOME",
                home.toString(),
                "PCSH_EMULATOR_CUSTOMERS",
                Integer.toString(options.customers())),
            options.root(),
            out);
    if (r.exit() != 0) throw new IllegalStateException("customers list failed: " + r.stderr());
    long lines;
    try (var s = Files.lines(out)) {
      lines = s.count();
    }
    long customers = lines - 1; // the header
    if (customers != options.customers()) {
      throw new IllegalStateException(
          "customers list wrote " + customers + " rows, expected " + options.customers());
    }
    return Bench.Row.goal(
        "list: customers list --all -o csv, " + customers + " customers",
        String.format(
            Locale.ROOT,
            "%.2f s, %,.0f rows/s, peak RSS %d MB",
            r.seconds(),
            customers / r.seconds(),
            r.peakRssKb() / 1024),
        "peak RSS < 200 MB",
        r.peakRssKb() / 1024 < 200);
  }
}
