package pcsh.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;

/**
 * The qualification engine on its own, with no terminal and no shell: a plan is decided and sent,
 * journalled before and after, read back when the write got no answer, and refused locally when the
 * rules forbid it.
 */
class QualificationEngineTest {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String FABRIKAM = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String TAILSPIN = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";

  private Emulator emulator;
  private WriteJournal journal;
  private QualificationWriter writer;
  private Qualifier qualifier;
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    PartnerCenterClient client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    journal = new WriteJournal(Files.createTempDirectory("pcsh-engine").resolve("journal.jsonl"));
    writer =
        new QualificationWriter(
            client,
            journal,
            (id, state) -> seen.add(id + "=" + (state == null ? null : state.shortLabel())));
    qualifier = new Qualifier(client, writer);
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void aPlannedGccWriteIsSentOnceAndJournalledBeforeAndAfter() {
    Qualifier.Plan plan =
        qualifier.plan(
            NORTHWIND,
            QualificationWrite.legacy(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "448812"));
    assertThat(plan.alreadyHas()).isEmpty();
    assertThat(plan.request().method()).isEqualTo("PUT");
    assertThat(plan.request().pathAndQuery())
        .isEqualTo("/v1/customers/" + NORTHWIND + "/qualification?code=448812");
    long writesBefore = emulator.writeCount();

    QualificationWriter.Outcome outcome = qualifier.send(plan);

    assertThat(emulator.writeCount()).isEqualTo(writesBefore + 1);
    assertThat(outcome.sent()).isPresent();
    assertThat(outcome.after().shortLabel()).isEqualTo("GCC");
    assertThat(journal.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.requestId()).isEqualTo(outcome.requestId());
              assertThat(e.result()).isEqualTo("APPLIED");
              assertThat(e.change()).doesNotContain("448812");
            });
    assertThat(seen).contains(NORTHWIND + "=GCC");
  }

  @Test
  void theRulesRefuseBeforeAnythingIsSent() {
    long before = emulator.writeCount();
    assertThatThrownBy(
            () ->
                qualifier.plan(
                    FABRIKAM,
                    QualificationWrite.legacy(
                        QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "448812")))
        .isInstanceOfSatisfying(
            Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
        .hasMessageContaining("only be set on a customer with no qualification");
    assertThatThrownBy(
            () ->
                qualifier.plan(
                    NORTHWIND,
                    QualificationWrite.legacy(
                        QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "731200")))
        .isInstanceOf(Failure.class)
        .hasMessageContaining("no creates remaining");
    assertThat(
            qualifier
                .plan(
                    TAILSPIN,
                    QualificationWrite.legacy(
                        QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "448812"))
                .alreadyHas())
        .hasValueSatisfying(v -> assertThat(v).startsWith("GovernmentCommunityCloud"));
    assertThat(emulator.writeCount()).isEqualTo(before);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void aWriteWithNoAnswerIsReadBackNotSentAgain() {
    emulator.setFaults(Faults.parse("seed=1,drop-after-write=1"));
    Qualifier.Plan plan =
        qualifier.plan(NORTHWIND, QualificationWrite.legacy(QualificationKind.EDUCATION, null));

    QualificationWriter.Outcome outcome = qualifier.send(plan);

    assertThat(outcome.sent()).isEmpty();
    assertThat(outcome.noAnswer()).isNotNull();
    assertThat(emulator.writeCount()).isEqualTo(1);
    assertThat(emulator.repeatedWriteCount()).isZero();
    assertThat(journal.entries())
        .extracting(WriteJournal.Entry::result)
        .containsExactly("APPLIED_AFTER_NO_ANSWER");
  }

  @Test
  void anEntryLeftWithoutOutcomeIsSettledByReadingBack() {
    journal.intent(
        "11111111-2222-4333-8444-555555555555",
        TAILSPIN,
        "GovernmentCommunityCloud (legacy PUT)",
        "None");
    journal.intent(
        "66666666-2222-4333-8444-555555555555", NORTHWIND, "Education (legacy PUT)", "None");

    List<String> settled = writer.reconcile();

    assertThat(settled).hasSize(2);
    assertThat(journal.entries())
        .extracting(WriteJournal.Entry::result)
        .containsExactly("RECONCILED_APPLIED", "RECONCILED_NOT_APPLIED");
    assertThat(journal.pending()).isEmpty();
  }
}
