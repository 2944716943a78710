package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Settings;

/**
 * The reliability suite for `qualify bulk`: seeded CSV files (ids and domains, every kind, rows the
 * rules refuse, an exhausted code) run by the real command, with 1 to 4 rows at once, under the
 * same seeded fault schedules as {@link ReliabilityTest}, and run a second time as a user would
 * after failures (resuming from the checkpoint). Each schedule is checked by {@link
 * Reliability#check}, and every failed row of the result CSV names the MS-RequestId of the call
 * that failed, unless the rules refused it before any call. {@code -Preliability} runs the full
 * count.
 */
class BulkReliabilityTest {

  static final int SCHEDULES = Reliability.count("bulk-schedules", 40);
  static final Reliability.Figures FIGURES = new Reliability.Figures("Reliability, bulk runs");
  static final AtomicReference<String> BASE_URL = new AtomicReference<>();
  static CommandsFixture fixture;
  static long nanos;
  static int rows;

  /** Refusals pcsh decides from what it read, before any write: no request of their own. */
  static final List<String> LOCAL_REFUSALS =
      List.of(
          "can only be set on a customer with no qualification",
          "cannot be combined",
          "is not one pcsh knows",
          "has no creates remaining",
          "is not one of the partner's validation codes",
          "the same customer as line");

  @BeforeAll
  static void client() throws Exception {
    fixture = new CommandsFixture(BASE_URL::get, Duration.ofSeconds(10), Reliability.retry(1));
  }

  @Test
  void stateJournalAndResultsAgreeUnderSeededFaults() throws Exception {
    long start = System.nanoTime();
    for (int seed = 1; seed <= SCHEDULES; seed++) {
      long t = System.nanoTime();
      schedule(seed);
      long ms = (System.nanoTime() - t) / 1_000_000;
      if (ms > 2000) FIGURES.slow.add("seed " + seed + ": " + ms + " ms");
    }
    nanos = System.nanoTime() - start;
    assertThat(FIGURES.problems).as("mismatches").isEmpty();
    assertThat(FIGURES.applied).as("writes applied").isGreaterThan(SCHEDULES);
    assertThat(FIGURES.reportedFailed).as("rows failed").isGreaterThan(0);
  }

  @AfterAll
  static void figures() throws Exception {
    FIGURES.print(nanos);
    System.out.println("  rows: " + rows);
    fixture.close();
  }

  private void schedule(long seed) throws Exception {
    Random r = new Random(seed);
    Faults faults = Reliability.faults(seed, r);
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(30))) {
      BASE_URL.set(emulator.baseUrl().toString());
      PartnerCenterClient client = fixture.client;
      Path dir = Files.createTempDirectory(fixture.home, "bulk-" + seed);
      WriteJournal journal = new WriteJournal(dir.resolve("journal.jsonl"));
      QualificationWriter writer = Reliability.writer(client, journal);
      List<Customer> customers = new ArrayList<>(client.customers(30, null).itemsOrEmpty());
      int codesBefore = Reliability.remaining(client);
      List<String> touched = new ArrayList<>();
      Path input = Files.writeString(dir.resolve("input.csv"), csv(r, customers, touched));
      BulkQualifyCommands bulk =
          new BulkQualifyCommands(
              client,
              Settings.from(
                  Map.of(
                          Settings.HOME,
                          dir.toString(),
                          Settings.BULK_RATE_LIMIT,
                          "100000",
                          Settings.BULK_CONCURRENCY,
                          Integer.toString(1 + r.nextInt(4)))
                      ::get),
              fixture.ui,
              writer);
      emulator.setFaults(faults);
      FIGURES.schedules++;
      Path results = dir.resolve("input.results.csv");
      for (int run = 1; run <= 2; run++) {
        try {
          bulk.bulk(input.toString(), null, null, true, false, false);
        } catch (RuntimeException e) {
          // the result CSV says what became of each row; checked below
        }
        failuresNameTheirCall(seed, results);
      }
      emulator.setFaults(Faults.NONE);
      FIGURES.reconciled += writer.reconcile().size();
      Reliability.check(FIGURES, seed, emulator, client, journal, touched, codesBefore);
      appliedRowsAreJournalled(seed, results, journal);
    }
  }

  /**
   * 3 to 8 rows on distinct customers (named ones with qualifications among them), each an id or
   * its domain, of every kind; now and then the exhausted code 731200.
   */
  private static String csv(Random r, List<Customer> customers, List<String> touched) {
    StringBuilder b = new StringBuilder("customer,kind,code,segment,website\n");
    java.util.Collections.shuffle(customers, r);
    int n = 3 + r.nextInt(6);
    for (Customer c : customers.subList(0, n)) {
      touched.add(c.id());
      rows++;
      String who = r.nextBoolean() || c.domain() == null ? c.id() : c.domain();
      b.append(who).append(',');
      switch (r.nextInt(5)) {
        case 0 -> b.append("soe,,,");
        case 1 -> b.append("education,,,");
        case 2 -> b.append("education,,K12,school").append(r.nextInt(100)).append(".example");
        case 3 -> b.append("gcc,").append(Reliability.GCC_CODE).append(",,");
        default -> b.append("gcc,").append(r.nextInt(4) == 0 ? "731200" : Reliability.GCC_CODE);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * Every failed row names the MS-RequestId of the call that failed (in its error or its request
   * id), unless the rules refused it before any call.
   */
  private static void failuresNameTheirCall(long seed, Path file) throws Exception {
    for (List<String> row : rows(file)) {
      if (!row.get(2).equals("failed")) continue;
      FIGURES.reportedFailed++;
      String requestId = row.size() > 4 ? row.get(4) : "";
      String error = row.size() > 5 ? row.get(5) : "";
      boolean local = LOCAL_REFUSALS.stream().anyMatch(error::contains);
      if (!local
          && !Reliability.REQUEST_ID.matcher(error).find()
          && !Reliability.REQUEST_ID.matcher(requestId).matches()) {
        FIGURES.problem(seed, "row failed without its MS-RequestId: " + row);
      }
    }
  }

  /** Once the journal is settled, every applied row's write is journalled as applied. */
  private static void appliedRowsAreJournalled(long seed, Path file, WriteJournal journal)
      throws Exception {
    for (List<String> row : rows(file)) {
      String requestId = row.size() > 4 ? row.get(4) : "";
      if (!row.get(2).equals("applied") || requestId.isEmpty()) continue;
      boolean journalled =
          journal.entries().stream()
              .anyMatch(e -> e.requestId().equals(requestId) && Reliability.applied(e));
      if (!journalled) FIGURES.problem(seed, "applied row not journalled as applied: " + row);
    }
  }

  private static List<List<String>> rows(Path file) throws Exception {
    if (!Files.exists(file)) return List.of();
    List<List<String>> lines = BulkQualifyFixture.results(file);
    return lines.subList(1, lines.size());
  }
}
