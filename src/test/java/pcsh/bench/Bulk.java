package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pcsh.api.Customer;
import pcsh.api.CustomerPage;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;

/**
 * {@code ./pcsh qualify bulk} against an emulator in the harness's JVM, which counts every request
 * it serves: rows a minute at the documented 500 requests a minute (pcsh's own limit set to the
 * same), the requests each row cost, and, on a large file without a rate limit, pcsh's peak
 * resident set size. The rows are generated customers (no qualification yet), each qualified as
 * Education through the legacy API; the launcher reaches the emulator by URL with a token from
 * {@code PCSH_ACCESS_TOKEN}, so pcsh's memory is its own.
 */
final class Bulk {

  private Bulk() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    // one run first, so the launcher's one-time preparation (jar extraction, class archive) is
    // not timed
    Proc.run(
        List.of(options.root().resolve("pcsh").toString(), "whoami"),
        Map.of("PCSH_HOME", Files.createTempDirectory("pcsh-bench").toString()),
        options.root(),
        null);
    List<Bench.Row> rows = new ArrayList<>();
    for (int n : options.bulkRows()) {
      rows.add(run(options, n, options.rateLimit()));
    }
    if (options.bulkMemoryRows() > 0) rows.add(run(options, options.bulkMemoryRows(), 0));
    return rows;
  }

  /** {@code n} rows against an emulator allowing {@code rateLimit} requests a minute (0: any). */
  private static Bench.Row run(Bench.Options options, int n, int rateLimit) throws Exception {
    List<String> ids = generatedCustomers(n);
    Path home = Files.createTempDirectory("pcsh-bench");
    StringBuilder csv = new StringBuilder("customer,kind\n");
    for (String id : ids) csv.append(id).append(",education\n");
    Path input = Files.writeString(home.resolve("rows.csv"), csv);
    Path results = home.resolve("results.csv");
    try (Emulator emulator =
        Emulator.start(
            EmulatorConfig.inMemory().withSeedCustomers(8 + n).withRateLimit(rateLimit, 0))) {
      Proc.Result run =
          Proc.run(
              List.of(
                  options.root().resolve("pcsh").toString(),
                  "qualify",
                  "bulk",
                  "--from",
                  input.toString(),
                  "--yes",
                  "--results",
                  results.toString()),
              Map.of(
                  "PCSH_HOME", home.toString(),
                  "PCSH_BASE_URL", emulator.baseUrl().toString(),
                  "PCSH_ACCESS_TOKEN", "bench",
                  "PCSH_BULK_RATE_LIMIT", Integer.toString(rateLimit == 0 ? 100_000 : rateLimit)),
              options.root(),
              home.resolve("bulk.out"));
      if (run.exit() != 0) throw new IllegalStateException("qualify bulk failed: " + run.stderr());
      long applied;
      try (var lines = Files.lines(results)) {
        applied = lines.filter(l -> l.contains(",applied,")).count();
      }
      if (applied != n || emulator.writeCount() != n) {
        throw new IllegalStateException(
            "qualify bulk applied "
                + applied
                + " of "
                + n
                + " rows, the emulator saw "
                + emulator.writeCount()
                + " writes");
      }
      double perRow = (double) emulator.requestCount() / n;
      String throttled =
          emulator.throttledCount() == 0 ? "" : ", " + emulator.throttledCount() + " got 429";
      if (rateLimit == 0) {
        return Bench.Row.goal(
            String.format(Locale.ROOT, "bulk: qualify bulk, %,d rows, no rate limit", n),
            String.format(
                Locale.ROOT,
                "%.1f s, %.2f req/row%s, peak RSS %d MB",
                run.seconds(),
                perRow,
                throttled,
                run.peakRssKb() / 1024),
            "peak RSS <= 200 MB",
            run.peakRssKb() / 1024 <= 200);
      }
      double rowsPerMinute = n / run.seconds() * 60;
      return Bench.Row.goal(
          String.format(Locale.ROOT, "bulk: qualify bulk, %,d rows at %d req/min", n, rateLimit),
          String.format(
              Locale.ROOT,
              "%.1f s, %.0f rows/min, %.2f req/row%s, peak RSS %d MB",
              run.seconds(),
              rowsPerMinute,
              perRow,
              throttled,
              run.peakRssKb() / 1024),
          ">= 235 rows/min, <= 2.1 req/row",
          rowsPerMinute >= 235 && perRow <= 2.1);
    }
  }

  /**
   * The first {@code n} generated customers, listed from an emulator without a rate limit (the
   * directory is the same in every emulator seeded alike; the 8 named customers come first).
   */
  private static List<String> generatedCustomers(int n) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Emulator lister = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(8 + n))) {
      PartnerCenterClient client =
          new PartnerCenterClient(
              () -> lister.baseUrl().toString(),
              () -> Optional.of("bench"),
              () -> "bench",
              Duration.ofSeconds(5),
              Duration.ofSeconds(30));
      CustomerPage page = client.customers(500, null);
      while (true) {
        page.itemsOrEmpty().stream().map(Customer::id).forEach(ids::add);
        Optional<String> next = page.nextToken();
        if (next.isEmpty() || ids.size() >= 8 + n) break;
        page = client.nextCustomers(next.get());
      }
    }
    return ids.subList(8, 8 + n);
  }
}
