package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.shell.ErrorReport;

/**
 * The reliability suite for single writes: the real qualify commands of every kind (soe, Education
 * by the legacy PUT and by the V2 POST, gcc) with the shell's client, its retries and the write
 * journal, against an in-memory emulator under seeded random fault schedules, each checked by
 * {@link Reliability#check}: none lost, none doubled, and every failure the user saw carries its
 * MS-RequestId. {@code mvn verify} runs a quick subset; {@code -Preliability} the full count (see
 * CONTRIBUTING.md). Retry-After is 0 and the sleeper does not sleep, so it runs fast.
 */
class ReliabilityTest {

  static final int SCHEDULES = Reliability.count("schedules", 120);
  static final Reliability.Figures FIGURES = new Reliability.Figures("Reliability, single writes");
  static final AtomicReference<String> BASE_URL = new AtomicReference<>();
  static CommandsFixture fixture;
  static long nanos;

  /** One client for every schedule (each has its own emulator and journal): it is the slow part. */
  @BeforeAll
  static void client() throws Exception {
    fixture = new CommandsFixture(BASE_URL::get, Duration.ofSeconds(10), Reliability.retry(1));
  }

  @Test
  void stateAndJournalAgreeUnderSeededFaults() throws Exception {
    long start = System.nanoTime();
    for (int seed = 1; seed <= SCHEDULES; seed++) {
      long t = System.nanoTime();
      schedule(seed);
      long ms = (System.nanoTime() - t) / 1_000_000;
      if (ms > 1000) FIGURES.slow.add("seed " + seed + ": " + ms + " ms");
    }
    nanos = System.nanoTime() - start;
    assertThat(FIGURES.problems).as("mismatches between emulator state and journal").isEmpty();
    assertThat(FIGURES.attempted).as("writes attempted").isGreaterThan(SCHEDULES / 2);
    assertThat(FIGURES.applied).as("writes applied").isGreaterThan(0);
    assertThat(FIGURES.reportedFailed).as("failures reported").isGreaterThan(0);
  }

  @AfterAll
  static void figures() throws Exception {
    FIGURES.print(nanos);
    fixture.close();
  }

  private void schedule(long seed) throws Exception {
    Random r = new Random(seed);
    Faults faults = Reliability.faults(seed, r);
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(8))) {
      BASE_URL.set(emulator.baseUrl().toString());
      PartnerCenterClient client = fixture.client;
      WriteJournal journal = new WriteJournal(fixture.home.resolve("journal-" + seed + ".jsonl"));
      QualificationWriter writer = Reliability.writer(client, journal);
      List<Customer> customers = client.customers(8, null).itemsOrEmpty();
      int codesBefore = Reliability.remaining(client);
      emulator.setFaults(faults);
      FIGURES.schedules++;
      QualificationCommands q =
          new QualificationCommands(
              client,
              fixture.session,
              fixture.settings,
              fixture.ui,
              fixture.recent,
              fixture.preference,
              writer);
      int writes = 2 + r.nextInt(3);
      List<String> touched = new ArrayList<>();
      for (int i = 0; i < writes; i++) {
        Customer c = customers.get(r.nextInt(customers.size()));
        if (!touched.contains(c.id())) touched.add(c.id());
        int which = r.nextInt(4);
        try {
          switch (which) {
            case 0 -> q.soe(c.id(), true, false, null, null);
            case 1 -> q.education(null, null, c.id(), true, false, null, null);
            case 2 ->
                q.education("K12", "school" + seed + ".example", c.id(), true, false, null, null);
            default -> q.gcc(Reliability.GCC_CODE, c.id(), true, false, null, null);
          }
        } catch (RuntimeException e) {
          reported(seed, e);
        }
      }
      emulator.setFaults(Faults.NONE);
      FIGURES.reconciled += writer.reconcile().size();
      Reliability.check(FIGURES, seed, emulator, client, journal, touched, codesBefore);
    }
  }

  /** A failure the user saw: when a request was involved, the report names its MS-RequestId. */
  private static void reported(long seed, RuntimeException e) {
    ErrorReport report = ErrorReport.of(e);
    boolean sentNothing =
        report.text().contains("Nothing was sent") || report.text().contains("nothing was sent");
    boolean wire = e instanceof PartnerCenterException || report.text().contains("MS-RequestId");
    if (wire || !sentNothing) {
      FIGURES.reportedFailed++;
      if (!report.text().contains("MS-RequestId")
          || !Reliability.REQUEST_ID.matcher(report.text()).find()) {
        FIGURES.problem(seed, "a failure was reported without its MS-RequestId: " + report.text());
      }
    }
  }
}
