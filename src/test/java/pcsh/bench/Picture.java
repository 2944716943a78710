package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import pcsh.access.AccessCheck;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RateLimiter;
import pcsh.api.RetryPolicy;
import pcsh.audit.AuditTrail;
import pcsh.auth.GraphToken;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.graph.GraphClient;
import pcsh.picture.CustomerPicture;
import pcsh.picture.Overview;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Redactor;

/**
 * The customer's picture: {@code customer overview} of Northwind Traders warm (its reads, in one
 * process, after a warm-up), and {@code users list --all -o csv} of Fabrikam School District
 * through {@code ./pcsh} with its peak resident set size.
 */
final class Picture {

  /**
   * Between two overviews: the session's rate limit (500 a minute, a burst of 16) refills what one
   * overview takes, so the figure is pcsh's time, not a wait for the limit.
   */
  static final Duration SPACING = Duration.ofMillis(1200);

  private Picture() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    List<Bench.Row> rows = new ArrayList<>();
    rows.add(overview(options));
    rows.add(users(options));
    return rows;
  }

  private static Bench.Row overview(Bench.Options options) throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench-overview");
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      String base = emulator.baseUrl().toString();
      ExchangeLog log = new ExchangeLog();
      String correlation = UUID.randomUUID().toString();
      PartnerCenterClient client =
          new PartnerCenterClient(
              () -> base,
              () -> Optional.of("bench-token"),
              () -> correlation,
              Duration.ofSeconds(5),
              Duration.ofSeconds(30),
              () -> false,
              log,
              RetryPolicy.none(),
              Redactor.shared());
      AccessCheck access =
          new AccessCheck(
              new GraphClient(
                  () -> base,
                  () -> Optional.of("bench-graph-token"),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30),
                  log,
                  Redactor.shared()),
              () -> GraphToken.of("bench-graph-token", "the bench"));
      QualificationWriter writer =
          new QualificationWriter(
              client, new WriteJournal(home.resolve("journal.jsonl")), (id, s) -> {});
      AuditTrail audit = new AuditTrail(client);
      Overview overview =
          new Overview(
              new CustomerPicture(client, () -> false),
              writer::read,
              audit::lastQualificationChange,
              access::read,
              client,
              RateLimiter.perMinute(500, 16),
              Clock.systemUTC());
      String id = SeedCustomers.NORTHWIND_ID;
      for (int i = 0; i < 3; i++) { // warm-up: classes loaded, connections open, code compiled
        check(overview.of(id));
        Thread.sleep(SPACING.toMillis());
      }
      List<Double> ms = new ArrayList<>();
      int runs = Math.max(1, options.runs());
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        check(overview.of(id));
        ms.add((System.nanoTime() - start) / 1e6);
        if (i < runs - 1) Thread.sleep(SPACING.toMillis());
      }
      return Bench.Row.goal(
          "picture: customer overview, Northwind, warm (8 parts at once)",
          Bench.stats(ms, "ms"),
          "<= 300 ms median",
          Bench.median(ms) <= 300);
    }
  }

  private static void check(Overview.Result r) {
    if (r.anyFailed()) {
      throw new IllegalStateException(
          "customer overview failed: "
              + r.parts().stream()
                  .filter(Overview.Part::failed)
                  .map(p -> p.key() + ": " + p.error().getMessage())
                  .toList());
    }
  }

  private static Bench.Row users(Bench.Options options) throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench-users");
    Path out = home.resolve("users.csv");
    List<String> command =
        List.of(
            options.root().resolve("pcsh").toString(),
            "users",
            "list",
            "--all",
            "--customer",
            SeedCustomers.FABRIKAM_ID,
            "--output",
            "csv");
    // once before: the first start after a build prepares the launcher's class archive
    Proc.run(command, Map.of("PCSH_HOME", home.toString()), options.root(), out);
    Proc.Result r = Proc.run(command, Map.of("PCSH_HOME", home.toString()), options.root(), out);
    if (r.exit() != 0) throw new IllegalStateException("users list failed: " + r.stderr());
    long lines;
    try (var s = Files.lines(out)) {
      lines = s.count();
    }
    return new Bench.Row(
        "picture: users list --all -o csv, Fabrikam, " + (lines - 1) + " users in 3 pages",
        String.format(Locale.ROOT, "%.2f s, peak RSS %d MB", r.seconds(), r.peakRssKb() / 1024),
        "flat memory (pages streamed)");
  }
}
