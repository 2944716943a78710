package pcsh.qualification.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;
import pcsh.output.Progress;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;

/**
 * The bulk engine without a shell: plan, writes, results and checkpoint, with progress as plain
 * lines.
 */
class BulkRunTest {

  private Emulator emulator;
  private PartnerCenterClient client;
  private Path home;
  private QualificationWriter writer;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    home = Files.createTempDirectory("pcsh-bulk-run");
    writer =
        new QualificationWriter(
            client, new WriteJournal(home.resolve("journal.jsonl")), (id, s) -> {});
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  private BulkRun run(Path input, boolean dryRun) throws Exception {
    byte[] content = Files.readAllBytes(input);
    return new BulkRun(
        client,
        writer,
        new Progress() {
          @Override
          public void progress(String line) {
            progress.add(line);
          }

          @Override
          public void progressDone() {}
        },
        home,
        60000,
        input,
        content,
        BulkInput.read(input, content),
        home.resolve("results.csv"),
        2,
        false,
        dryRun);
  }

  @Test
  void aRunPlansWritesAndRecordsEveryRowAndARerunSendsNothing() throws Exception {
    Path input =
        Files.writeString(
            home.resolve("in.csv"),
            "customer,kind,code\n"
                + "northwindtraders.onmicrosoft.com,gcc,448812\n"
                + "contoso.onmicrosoft.com,soe,\n"
                + "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13,gcc,448812\n");

    try (BulkRun run = run(input, false)) {
      BulkRun.Plan plan = run.prepare(false);
      assertThat(plan.size()).isEqualTo(2);
      assertThat(plan.text()).contains("2 to qualify", "1 already qualified (skipped)");
      assertThat(run.write(plan)).contains("Done: applied 2, skipped 1, failed 0");
    }
    assertThat(emulator.writeCount()).isEqualTo(2);
    assertThat(Files.readAllLines(home.resolve("results.csv"), StandardCharsets.UTF_8))
        .hasSize(4)
        .anySatisfy(
            l -> assertThat(l).startsWith("4,8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13,skipped"));
    assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("qualify bulk: writing"));

    try (BulkRun again = run(input, false)) {
      BulkRun.Plan plan = again.prepare(false);
      assertThat(plan.size()).isZero();
      assertThat(plan.text()).contains("Resuming: 3 of 3 rows already done");
    }
    assertThat(emulator.writeCount()).isEqualTo(2);
  }

  @Test
  void aRowTheRulesRefuseFailsWithoutAWriteAndTheRunSaysRefused() throws Exception {
    Path input =
        Files.writeString(
            home.resolve("in.csv"),
            "customer,kind,code\n3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11,gcc,448812\n");

    try (BulkRun run = run(input, false)) {
      BulkRun.Plan plan = run.prepare(false);
      assertThat(plan.size()).isZero();
      assertThatThrownBy(() -> run.write(plan))
          .isInstanceOfSatisfying(
              Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.REFUSED))
          .hasMessageContaining("1 of 1 rows did not succeed");
    }
    assertThat(emulator.writeCount()).isZero();
  }
}
