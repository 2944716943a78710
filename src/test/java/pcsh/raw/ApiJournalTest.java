package pcsh.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterClient;
import pcsh.audit.AuditRange;
import pcsh.audit.AuditTrail;
import pcsh.audit.QualificationHistory;
import pcsh.auth.GraphToken;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.emulator.SeedCustomers;
import pcsh.output.Progress;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.support.JournalTable;

/**
 * {@code api} writes in the write journal, against the emulator: a write whose connection drops
 * after the emulator applied it is read back, not sent again; writes left without an outcome are
 * settled by reading their resource back, or marked "unknown outcome" where pcsh knows none; and
 * the journal's other readers (the qualification reconciliation, `qualification history`, the
 * table) take them in their stride.
 */
class ApiJournalTest {

  static final String LITWARE = SeedCustomers.LITWARE_ID;
  static final String TAILSPIN = SeedCustomers.TAILSPIN_ID;

  private Emulator emulator;
  private PartnerCenterClient client;
  private WriteJournal journal;
  private ApiRequests requests;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    journal =
        new WriteJournal(Files.createTempDirectory("pcsh-api-journal").resolve("journal.jsonl"));
    requests =
        new ApiRequests(
            client::raw,
            () -> {
              throw new IllegalStateException("no Graph here");
            },
            () -> GraphToken.unavailable("none", "none"),
            journal);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private ApiCall put(String customer, String body) throws Exception {
    Path file = Files.createTempFile("api-body", ".json");
    Files.writeString(file, body);
    return requests.plan(
        new ApiInput(
            List.of("PUT", "/v1/customers/" + customer + "/qualification"),
            null,
            null,
            null,
            file.toString(),
            null,
            false,
            false,
            false,
            null,
            Optional::empty,
            () -> new ByteArrayInputStream(new byte[0])));
  }

  @Test
  void aWriteWhoseConnectionDropsIsReadBackAndNotSentAgain() throws Exception {
    emulator.setFaults(Faults.parse("seed=1,drop-after-write=1"));

    ApiRequests.Outcome o = requests.write(put(LITWARE, "1"));

    assertThat(o.failure()).isNull();
    assertThat(o.notice()).contains("got no answer", "reading it back shows it took effect");
    assertThat(emulator.writeCount()).isEqualTo(1);
    assertThat(emulator.repeatedWriteCount()).isZero();
    assertThat(journal.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.raw()).isTrue();
              assertThat(e.customerId()).isEqualTo(LITWARE);
              assertThat(e.result()).isEqualTo("APPLIED_AFTER_NO_ANSWER");
            });
  }

  @Test
  void writesWithoutAnOutcomeAreSettledByReadingBackOrMarkedUnknown() throws Exception {
    // as pcsh leaves them when it is killed between sending and the answer
    journal.intent(
        "a0000000-0000-4000-8000-000000000001",
        LITWARE,
        new WriteJournal.ApiWrite(
            "PUT", "/v1/customers/" + LITWARE + "/qualification", false, "3"));
    journal.intent(
        "a0000000-0000-4000-8000-000000000002",
        TAILSPIN,
        new WriteJournal.ApiWrite(
            "PUT", "/v1/customers/" + TAILSPIN + "/qualification?code=[REDACTED]", false, "3"));
    journal.intent(
        "a0000000-0000-4000-8000-000000000003",
        null,
        new WriteJournal.ApiWrite("POST", "/v1/carts/7/checkout", false, null));
    QualificationWriter writer = new QualificationWriter(client, journal, (id, s) -> {});

    assertThat(writer.reconcile()).as("the qualification writes' reconciliation").isEmpty();
    assertThat(journal.entries()).allMatch(WriteJournal.Entry::pending);
    List<String> settled = requests.settle();

    assertThat(settled)
        .containsExactly(
            "Journal: the write a0000000-0000-4000-8000-000000000001 (PUT /v1/customers/"
                + LITWARE
                + "/qualification) had no known outcome; reading it back shows it did NOT take"
                + " effect.",
            "Journal: the write a0000000-0000-4000-8000-000000000002 (PUT /v1/customers/"
                + TAILSPIN
                + "/qualification) had no known outcome; reading it back shows it took effect.",
            "Journal: the write a0000000-0000-4000-8000-000000000003 (POST /v1/carts/7/checkout)"
                + " had no known outcome, and pcsh cannot read its path back: unknown outcome.");
    assertThat(journal.entries())
        .extracting(WriteJournal.Entry::result)
        .containsExactly("RECONCILED_NOT_APPLIED", "RECONCILED_APPLIED", "UNKNOWN_OUTCOME");
    assertThat(journal.pending()).isEmpty();
    assertThat(requests.settle()).isEmpty();
    assertThat(JournalTable.text(journal, 10, 0))
        .contains("api POST /v1/carts/7/checkout", "unknown outcome")
        .contains("api PUT /v1/customers/" + TAILSPIN + "/qualification?code=[REDACTED]");
  }

  @Test
  void aQualificationChangeSentWithApiIsPcshsOwnInTheHistory() throws Exception {
    ApiRequests.Outcome o = requests.write(put(LITWARE, "1"));
    QualificationWriter writer = new QualificationWriter(client, journal, (id, s) -> {});
    requests.write(
        requests.plan(
            new ApiInput(
                List.of("POST", "/v1/customers/" + TAILSPIN + "/orders"),
                null,
                List.of("offer=x"),
                null,
                null,
                null,
                false,
                false,
                false,
                null,
                Optional::empty,
                () -> new ByteArrayInputStream(new byte[0]))));

    QualificationHistory.Timeline t =
        new QualificationHistory(new AuditTrail(client), journal, writer::read)
            .of(LITWARE, AuditRange.lastDays(1, Clock.systemUTC()), Progress.NONE);

    assertThat(o.answer().status()).isEqualTo(200);
    assertThat(t.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.source()).isEqualTo(QualificationHistory.Source.PCSH);
              assertThat(c.after()).isEqualTo("Education");
              assertThat(c.requestId()).isEqualTo(o.answer().requestId());
            });
    assertThat(journal.entries()).hasSize(2);
  }
}
