package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qualify bulk} against the embedded emulator with its rate limit on: rows per minute, next
 * to what the limit allows. The customers are generated ones (no qualification yet), each qualified
 * as Education.
 */
final class Bulk {

  private Bulk() {}

  static Bench.Row measure(Bench.Options options) throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench");
    Path root = options.root();
    String pcsh = root.resolve("pcsh").toString();
    Map<String, String> env =
        Map.of(
            "PCSH_HOME",
            home.toString(),
            "PCSH_EMULATOR_RATE_LIMIT",
            Integer.toString(options.rateLimit()),
            "PCSH_BULK_RATE_LIMIT",
            Integer.toString(options.rateLimit()));

    Path listed = home.resolve("customers.csv");
    Proc.Result list =
        Proc.run(
            List.of(pcsh, "customers", "list", "--size", "500", "--output", "csv"),
            env,
            root,
            listed);
    if (list.exit() != 0)
      throw new IllegalStateException("customers list failed: " + list.stderr());
    List<String> lines = Files.readAllLines(listed);
    List<String> ids = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      ids.add(line.substring(0, line.indexOf(',')));
    }
    ids =
        ids.subList(
            8,
            Math.min(ids.size(), 8 + options.bulkRows())); // the 8 named customers are left alone
    StringBuilder csv = new StringBuilder("customer,kind,code,segment,website\n");
    for (String id : ids) csv.append(id).append(",education,,,\n");
    Path input = home.resolve("rows.csv");
    Files.writeString(input, csv);

    Path results = home.resolve("results.csv");
    Proc.Result run =
        Proc.run(
            List.of(
                pcsh,
                "qualify",
                "bulk",
                "--from",
                input.toString(),
                "--yes",
                "--results",
                results.toString()),
            env,
            root,
            home.resolve("bulk.out"));
    if (run.exit() != 0) throw new IllegalStateException("qualify bulk failed: " + run.stderr());
    long applied =
        Files.readAllLines(results).stream().filter(l -> l.contains(",applied,")).count();
    if (applied != ids.size()) {
      throw new IllegalStateException(
          "qualify bulk applied " + applied + " of " + ids.size() + " rows");
    }
    double perMinute = applied / run.seconds() * 60;
    return new Bench.Row(
        "bulk: qualify bulk, "
            + applied
            + " rows, emulator limit "
            + options.rateLimit()
            + " req/min",
        String.format(Locale.ROOT, "%.1f s, %.0f rows/min", run.seconds(), perMinute),
        "within the limit, no failures");
  }
}
