package pcsh.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.CommandAvailability;
import org.springframework.shell.command.annotation.Option;
import pcsh.access.AccessCheck;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.failure.Failure;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.bulk.BulkInput;
import pcsh.qualification.bulk.BulkRun;
import pcsh.session.Settings;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/**
 * {@code qualify bulk --from FILE}: many customers' qualifications from a CSV file. The command
 * reads its options and the file, and confirms the plan; the run itself ({@link BulkRun}: reading,
 * rules, writes within the rate limit, checkpoint, results) is in {@code pcsh.qualification.bulk}.
 */
@Command(group = "Qualification")
public class BulkQualifyCommands {

  private final PartnerCenterClient client;
  private final Settings settings;
  private final Ui ui;
  private final QualificationWriter writer;
  private AccessCheck access;

  /** The GDAP check of the GCC rows; without it (tests that build commands by hand) none runs. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void accessCheck(AccessCheck check) {
    this.access = check;
  }

  BulkQualifyCommands(
      PartnerCenterClient client, Settings settings, Ui ui, QualificationWriter writer) {
    this.client = client;
    this.settings = settings;
    this.ui = ui;
    this.writer = writer;
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify bulk",
      description =
          """
          Qualify many customers from a CSV file.
          The file has a header row: customer (an id or a domain), kind (education, gcc or soe), \
          code (gcc), segment and website (education). Every row is checked first; customers that \
          already have the qualification are skipped; GCC rows get the GDAP check of `qualify gcc`; \
          the plan is shown and confirmed; writes stay within the rate limit; a result CSV is \
          written, and running it again resumes from a checkpoint. The README's "Bulk \
          qualification" has the details.
          Usage: qualify bulk --from FILE [--results FILE] [--concurrency N] [--yes] [--dry-run]
          Example: qualify bulk --from customers.csv --dry-run
          Example: qualify bulk --from customers.csv --yes --concurrency 8
          See also: qualify education, qualify gcc, qualify soe, journal""")
  String bulk(
      @Option(longNames = "from", label = "FILE", description = "the CSV file") String from,
      @Option(
              longNames = "results",
              label = "FILE",
              description = "the result CSV (default: <file>.results.csv beside the input)")
          String results,
      @Option(
              longNames = "concurrency",
              label = "N",
              description = "rows worked on at once, 1 to 16 (default: pcsh.bulk.concurrency)")
          String concurrency,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(
              longNames = SharedOptions.DRY_RUN,
              description = "show the plan and the requests, and send no write")
          boolean dryRun,
      @Option(
              longNames = "restart",
              description = "ignore the checkpoint of an earlier run and start over")
          boolean restart,
      @Option(
              longNames = "skip-access-check",
              description = "do not check the GCC rows' GDAP roles in Microsoft Graph first")
          boolean skipAccessCheck) {
    if (from == null || from.isBlank()) {
      throw Failure.usage(
          "qualify bulk needs --from FILE: a CSV file with a header row.",
          "see `help qualify bulk`; e.g. a file with the lines customer,kind,code and"
              + " contoso.onmicrosoft.com,soe, then `qualify bulk --from that-file.csv`.");
    }
    Path input = Values.path("--from", from).toAbsolutePath().normalize();
    int workers =
        concurrency == null
            ? settings.bulkConcurrency()
            : Values.integer("--concurrency", concurrency, 1, 16);
    byte[] content = BulkInput.bytes(input);
    List<BulkInput.Row> rows = BulkInput.read(input, content);
    Path resultsFile = resultsPath(input, results);
    if (!yes && !dryRun && ui.noTerminal()) {
      throw Failure.usage(
          "Not changing qualifications without confirmation, and there is no terminal to"
              + " ask on.",
          "add --yes to confirm, or --dry-run to only see the plan.");
    }
    try (BulkRun run =
        new BulkRun(
            client,
            writer,
            ui,
            settings.home(),
            settings.bulkRateLimit(),
            input,
            content,
            rows,
            resultsFile,
            workers,
            restart,
            dryRun)) {
      BulkRun.Plan plan = run.prepare(dryRun);
      if (!skipAccessCheck && access != null) {
        List<String> gcc = plan.customers(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD);
        if (!gcc.isEmpty()) access.beforeGcc(gcc).forEach(l -> ui.notice(l + "\n"));
      }
      if (dryRun) return plan.text() + "\nDry run: nothing was written.";
      if (!yes && plan.size() > 0) {
        ui.print(plan.text() + "\n");
        if (!ui.confirm(
            "Send " + plan.size() + " qualification write" + (plan.size() == 1 ? "" : "s") + "?")) {
          return "Cancelled; nothing was written.";
        }
      }
      return run.write(plan);
    }
  }

  /** {@code qualify bulk} as typed without --skip-access-check. */
  String bulk(
      String from,
      String results,
      String concurrency,
      boolean yes,
      boolean dryRun,
      boolean restart) {
    return bulk(from, results, concurrency, yes, dryRun, restart, false);
  }

  private static Path resultsPath(Path input, String option) {
    Path p;
    if (option == null) {
      String name = input.getFileName().toString();
      String base =
          name.toLowerCase(Locale.ROOT).endsWith(".csv")
              ? name.substring(0, name.length() - 4)
              : name;
      p = input.resolveSibling(base + ".results.csv");
    } else {
      p = Values.fileToWrite("--results", option).toAbsolutePath().normalize();
    }
    if (p.equals(input)) {
      throw Failure.usage(
          "--results must not be the input file.", "give another path to --results.");
    }
    if (Files.isDirectory(p))
      throw Failure.usage(p + " is a directory.", "give a file path to --results.");
    return p;
  }
}
