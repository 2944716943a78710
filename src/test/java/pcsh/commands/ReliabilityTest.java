package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterException;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationValue;
import pcsh.api.RetryPolicy;
import pcsh.api.ValidationCode;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.qualification.QualificationRules;
import pcsh.qualification.QualificationState;
import pcsh.qualification.WriteJournal;
import pcsh.shell.ErrorReport;

/**
 * The reliability suite: the real qualify commands (command beans, the shell's client with its
 * retries and the write journal) against an in-memory emulator under seeded random fault schedules.
 * After each schedule, with the faults off, the emulator's state and the journal must agree: every
 * write the journal calls applied is there, nothing is there that the journal does not call applied
 * (no write lost or applied unseen), nothing is applied twice (no duplicate V2 record, validation
 * code creates used once per applied GCC write), and every failure the user saw carries its
 * MS-RequestId. Each schedule also runs a `qualify bulk` file of a few rows under the same faults
 * and once more without them: every row then finished, its result true to the state. Retry-After is
 * 0 and the sleeper does not sleep, so it runs fast.
 */
class ReliabilityTest {

  static final int SCHEDULES = Integer.getInteger("pcsh.reliability.schedules", 200);
  static final String GCC_CODE = "448812";
  private static final Pattern GUID =
      Pattern.compile(
          "MS-RequestId:?\\s+[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static int schedules;
  static int attempted;
  static int applied;
  static int reportedFailed;
  static int reconciled;
  static int mismatches;
  static int bulkRuns;
  static int bulkFailed;
  static final List<String> problems = new ArrayList<>();
  static final List<String> slow = new ArrayList<>();

  @Test
  void stateAndJournalAgreeUnderSeededFaults() throws Exception {
    for (int seed = 1; seed <= SCHEDULES; seed++) {
      long t = System.nanoTime();
      schedule(seed);
      long ms = (System.nanoTime() - t) / 1_000_000;
      if (ms > 1000) slow.add("seed " + seed + ": " + ms + " ms");
    }
    assertThat(problems).as("mismatches between emulator state and journal").isEmpty();
    assertThat(attempted).as("writes attempted").isGreaterThan(SCHEDULES);
    assertThat(applied).as("writes applied").isGreaterThan(0);
    assertThat(reportedFailed).as("failures reported").isGreaterThan(0);
  }

  @AfterAll
  static void figures() {
    System.out.printf(
        Locale.ROOT,
        "Reliability: schedules=%d, writes attempted=%d, applied=%d, reported failed=%d,"
            + " settled by reconciliation=%d, bulk runs=%d (with failed rows: %d), mismatches=%d%n",
        schedules,
        attempted,
        applied,
        reportedFailed,
        reconciled,
        bulkRuns,
        bulkFailed,
        mismatches);
    problems.stream().limit(20).forEach(p -> System.out.println("  mismatch: " + p));
    if (!slow.isEmpty()) System.out.println("  slow schedules: " + slow);
  }

  private void schedule(long seed) throws Exception {
    Random r = new Random(seed);
    Faults faults =
        Faults.parse(
            String.format(
                Locale.ROOT,
                "seed=%d,latency=1ms@0.05,throttle=%.2f,retry-after=0,burst=%d,5xx=%.2f,drop-after-write=%.2f,"
                    + "malformed=%.2f,expired-token=%.2f",
                seed,
                0.05 + r.nextDouble() * 0.2,
                1 + r.nextInt(3),
                r.nextDouble() * 0.2,
                0.1 + r.nextDouble() * 0.4,
                r.nextDouble() * 0.1,
                r.nextDouble() * 0.05));
    RetryPolicy retry =
        new RetryPolicy(
            4, Duration.ZERO, Duration.ofSeconds(5), (w, why, n, max) -> {}, new Random(seed));
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(8));
        CommandsFixture f =
            new CommandsFixture(
                () -> emulator.baseUrl().toString(), Duration.ofSeconds(10), retry)) {
      List<Customer> customers = f.client.customers(8, null).itemsOrEmpty();
      int codesBefore = remaining(f);
      emulator.setFaults(faults);
      schedules++;
      QualificationCommands q = f.qualification();
      int writes = 2 + r.nextInt(3);
      List<Customer> touched = new ArrayList<>();
      for (int i = 0; i < writes; i++) {
        Customer c = customers.get(r.nextInt(customers.size()));
        if (!touched.contains(c)) touched.add(c);
        int which = r.nextInt(4);
        try {
          switch (which) {
            case 0 -> q.soe(c.id(), true, false, null, null);
            case 1 -> q.education(null, null, c.id(), true, false, null, null);
            case 2 ->
                q.education("K12", "school" + seed + ".example", c.id(), true, false, null, null);
            default -> q.gcc(GCC_CODE, c.id(), true, false, null, null);
          }
        } catch (RuntimeException e) {
          ErrorReport report = ErrorReport.of(e);
          boolean sentNothing =
              report.text().contains("Nothing was sent")
                  || report.text().contains("nothing was sent");
          boolean wire =
              e instanceof PartnerCenterException || report.text().contains("MS-RequestId");
          if (wire || !sentNothing) {
            reportedFailed++;
            if (!GUID.matcher(report.text()).find()) {
              problem(seed, "a failure was reported without its MS-RequestId: " + report.text());
            }
          }
        }
      }
      Path bulk = bulkRows(r, f, customers, touched);
      runBulk(f, bulk);
      emulator.setFaults(Faults.NONE);
      reconciled += f.writer().reconcile().size();
      // the same file again, without faults: rows that failed for a passing reason are finished,
      // finished ones are not sent again (a doubled write shows in the check)
      runBulk(f, bulk);
      check(seed, f, touched, codesBefore);
      checkBulkResults(seed, f, bulk);
    }
  }

  /** A `qualify bulk` file of 2 to 4 rows, one kind of write each, on distinct customers. */
  private static Path bulkRows(
      Random r, CommandsFixture f, List<Customer> customers, List<Customer> touched)
      throws Exception {
    List<Customer> shuffled = new ArrayList<>(customers);
    java.util.Collections.shuffle(shuffled, r);
    StringBuilder csv = new StringBuilder("customer,kind,code,segment\n");
    for (Customer c : shuffled.subList(0, 2 + r.nextInt(3))) {
      if (!touched.contains(c)) touched.add(c);
      csv.append(c.id())
          .append(
              switch (r.nextInt(4)) {
                case 0 -> ",soe,,";
                case 1 -> ",education,,";
                case 2 -> ",education,,K12";
                default -> ",gcc," + GCC_CODE + ",";
              })
          .append('\n');
    }
    return Files.writeString(f.home.resolve("bulk.csv"), csv);
  }

  /** A bulk run; its failures are in its results file, checked after the rerun. */
  private static void runBulk(CommandsFixture f, Path input) {
    bulkRuns++;
    try {
      f.bulk(Map.of("pcsh.bulk.rate-limit", "100000"))
          .bulk(input.toString(), null, "2", true, false, false);
    } catch (pcsh.failure.Failure e) { // rows that did not succeed; anything else fails the test
      bulkFailed++;
    }
  }

  /**
   * After the rerun every row is finished: applied or skipped (the customer has the kind), or
   * failed for good with the reason; a row that reached the service names its MS-RequestId.
   */
  private void checkBulkResults(long seed, CommandsFixture f, Path input) throws Exception {
    List<List<String>> rows = BulkQualifyFixture.results(f.home.resolve("bulk.results.csv"));
    List<String> lines = Files.readAllLines(input);
    if (rows.size() != lines.size()) {
      problem(seed, "bulk results have " + (rows.size() - 1) + " rows for " + input);
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      String outcome = row.get(2);
      String kind = lines.get(Integer.parseInt(row.get(0)) - 1).split(",", -1)[1];
      QualificationKind k =
          switch (kind) {
            case "soe" -> QualificationKind.STATE_OWNED_ENTITY;
            case "gcc" -> QualificationKind.GOVERNMENT_COMMUNITY_CLOUD;
            default -> QualificationKind.EDUCATION;
          };
      if (!outcome.equals("failed")
          && QualificationRules.alreadyHas(f.writer().read(row.get(1)), k).isEmpty()) {
        problem(seed, "the bulk results say " + outcome + " but the customer lacks it: " + row);
      }
      if (outcome.equals("failed") && row.get(5).isBlank()) {
        problem(seed, "a failed bulk row gives no reason: " + row);
      }
      if (outcome.equals("failed") && row.get(5).startsWith("HTTP") && row.get(4).isBlank()) {
        problem(seed, "a bulk row refused by the service has no MS-RequestId: " + row);
      }
      if (!List.of("applied", "skipped", "failed").contains(outcome)) {
        problem(seed, "bulk row not finished after the rerun: " + row);
      }
    }
  }

  private void check(long seed, CommandsFixture f, List<Customer> customers, int codesBefore) {
    List<WriteJournal.Entry> entries = f.journal.entries();
    if (Boolean.getBoolean("pcsh.reliability.verbose"))
      entries.forEach(e -> System.out.println(seed + " " + e));
    attempted += entries.size();
    Map<String, Integer> appliedBy = new HashMap<>();
    int gccApplied = 0;
    for (WriteJournal.Entry e : entries) {
      if (e.pending()) {
        problem(seed, "journal entry without an outcome after reconciliation: " + e);
        continue;
      }
      boolean yes =
          e.result().equals("APPLIED")
              || e.result().equals("APPLIED_AFTER_NO_ANSWER")
              || e.result().equals("RECONCILED_APPLIED");
      if (!yes) continue;
      applied++;
      String kind = e.change().split(" ")[0];
      appliedBy.merge(e.customerId() + "/" + kind, 1, Integer::sum);
      if (kind.equals("GovernmentCommunityCloud")) gccApplied++;
    }
    appliedBy.forEach(
        (key, n) -> {
          if (n > 1) problem(seed, "the journal says " + key + " was applied " + n + " times");
        });
    for (Customer c : customers) {
      QualificationValue legacy = f.client.legacyQualification(c.id());
      List<QualificationRecord> records = f.client.qualifications(c.id());
      QualificationState now = new QualificationState(Optional.of(legacy), Optional.of(records));
      for (QualificationKind kind :
          List.of(
              QualificationKind.STATE_OWNED_ENTITY,
              QualificationKind.EDUCATION,
              QualificationKind.GOVERNMENT_COMMUNITY_CLOUD)) {
        long copies = records.stream().filter(x -> !x.denied() && x.value().is(kind)).count();
        if (copies > 1) problem(seed, c.id() + " has " + kind.apiName() + " " + copies + " times");
        boolean journalled = appliedBy.containsKey(c.id() + "/" + kind.apiName());
        boolean has = QualificationRules.alreadyHas(now, kind).isPresent();
        boolean hadBefore =
            entries.stream()
                .anyMatch(
                    e ->
                        e.customerId().equals(c.id())
                            && e.before() != null
                            && e.before().contains(kind.apiName()));
        if (journalled && !has)
          problem(seed, "write lost: journal says " + kind.apiName() + " on " + c.id());
        boolean writtenHere =
            entries.stream()
                .anyMatch(
                    e -> e.customerId().equals(c.id()) && e.change().startsWith(kind.apiName()));
        if (has && !journalled && writtenHere && !hadBefore) {
          problem(
              seed,
              "applied unseen: " + c.id() + " has " + kind.apiName() + " but the journal says not");
        }
      }
    }
    int used = codesBefore - remaining(f);
    if (used != gccApplied) {
      problem(
          seed,
          "validation code "
              + GCC_CODE
              + " was used "
              + used
              + " times for "
              + gccApplied
              + " applied GCC writes");
    }
  }

  private static int remaining(CommandsFixture f) {
    return f.client.validationCodes().stream()
        .filter(v -> v.validationId().equals(GCC_CODE))
        .mapToInt(ValidationCode::remainingCreates)
        .findFirst()
        .orElse(-1);
  }

  private static void problem(long seed, String what) {
    if (Boolean.getBoolean("pcsh.reliability.verbose"))
      System.out.println("seed " + seed + ": " + what);
    mismatches++;
    problems.add("seed " + seed + ": " + what);
  }
}
