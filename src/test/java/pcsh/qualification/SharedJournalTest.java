package pcsh.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationRequest;
import pcsh.api.QualificationValue;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;

/**
 * One journal shared by several pcsh processes: appends never interleave (threads of one JVM and
 * another JVM at once), another live process's write in flight is left to it, a dead one's is
 * settled (and a reused pid does not pass for the live owner), an entry followed by the same change
 * applied later is not credited with it, and a journal that cannot be written stops the write
 * before it is sent.
 */
class SharedJournalTest {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  Emulator emulator;
  PartnerCenterClient client;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(8));
    client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void linesAppendedByThreadsAndAnotherProcessAtOnceAreEachWhole() throws Exception {
    Path file = home.resolve("journal.jsonl");
    Process other = OtherProcess.start("append", file.toString(), "300");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      WriteJournal journal = new WriteJournal(file); // two instances per file, as two shells have
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  journal.intent(
                      "t" + thread + "-" + i, "c", "Education (legacy PUT)", "y".repeat(3000));
                }
                return null;
              }));
    }
    for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).isZero();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(300 + 4 * 150);
    for (String line : lines) {
      JsonNode n = JSON.readTree(line); // throws on a torn or interleaved line
      assertThat(n.path("event").asText()).isEqualTo("intent");
      assertThat(n.path("before").asText()).matches("x{3000}|y{3000}");
    }
    assertThat(new WriteJournal(file).entries()).hasSize(900);
  }

  @Test
  void anotherLiveProcessesWriteInFlightIsLeftToItAndSettledOnceItIsGone() throws Exception {
    Process owner = new ProcessBuilder("sleep", "120").start();
    Path file = home.resolve("journal.jsonl");
    intentOf(file, "in-flight-elsewhere", owner.toHandle());
    WriteJournal journal = new WriteJournal(file);
    QualificationWriter writer = new QualificationWriter(client, journal, (id, s) -> {});

    assertThat(journal.entries())
        .singleElement()
        .satisfies(e -> assertThat(e.inFlightElsewhere()).isTrue());
    assertThat(journal.pending()).isEmpty();
    assertThat(writer.reconcile()).isEmpty();
    assertThat(Files.readAllLines(file)).hasSize(1).noneMatch(l -> l.contains("outcome"));

    owner.destroyForcibly().waitFor();

    assertThat(journal.pending()).hasSize(1);
    assertThat(writer.reconcile())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("in-flight-elsewhere", "did NOT take effect"));
    assertThat(journal.entries())
        .singleElement()
        .satisfies(e -> assertThat(e.result()).isEqualTo("RECONCILED_NOT_APPLIED"));
  }

  @Test
  void aLiveProcessThatStartedAfterTheWriteIsNotItsOwner() throws Exception {
    Process reused = new ProcessBuilder("sleep", "120").start();
    try {
      Path file = home.resolve("journal.jsonl");
      Files.writeString(
          file,
          "{\"event\":\"intent\",\"time\":\""
              + Instant.now()
              + "\",\"requestId\":\"reused-pid\",\"customerId\":\""
              + NORTHWIND
              + "\",\"change\":\"StateOwnedEntity (V2 POST)\",\"before\":\"None\",\"pid\":"
              + reused.pid()
              + ",\"pidStart\":\"2001-01-01T00:00:00Z\"}\n");

      assertThat(new WriteJournal(file).pending()).hasSize(1);
    } finally {
      reused.destroyForcibly();
    }
  }

  @Test
  void anEntryFollowedByTheSameChangeWrittenAndAppliedLaterDidNotTakeEffect() throws Exception {
    client.createQualification(NORTHWIND, QualificationRequest.stateOwnedEntity(), "later");
    Path file = home.resolve("journal.jsonl");
    String intent =
        "{\"event\":\"intent\",\"time\":\"%s\",\"requestId\":\"%s\",\"customerId\":\""
            + NORTHWIND
            + "\",\"change\":\"StateOwnedEntity (V2 POST)\",\"before\":\"None\"}\n";
    Files.writeString(
        file,
        String.format(intent, Instant.now(), "earlier")
            + String.format(intent, Instant.now(), "later")
            + "{\"event\":\"outcome\",\"time\":\""
            + Instant.now()
            + "\",\"requestId\":\"later\",\"result\":\"APPLIED\"}\n");
    QualificationWriter writer =
        new QualificationWriter(client, new WriteJournal(file), (id, s) -> {});

    assertThat(writer.reconcile())
        .singleElement()
        .satisfies(
            l -> assertThat(l).contains("earlier", "written again later (later)", "did NOT"));
    assertThat(new WriteJournal(file).entries())
        .extracting(WriteJournal.Entry::requestId, WriteJournal.Entry::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("earlier", "RECONCILED_NOT_APPLIED"),
            org.assertj.core.groups.Tuple.tuple("later", "APPLIED"));
  }

  @Test
  void aWriteWhoseJournalEntryCannotBeWrittenIsNotSent() throws Exception {
    Path file = home.resolve("journal.jsonl");
    Files.createDirectories(file); // the journal cannot be appended to, as on a full disk
    QualificationWriter writer =
        new QualificationWriter(client, new WriteJournal(file), (id, s) -> {});
    long requests = emulator.requestCount();

    assertThatThrownBy(
            () ->
                writer.send(
                    NORTHWIND,
                    QualificationWrite.v2(QualificationRequest.stateOwnedEntity()),
                    new QualificationState(
                        Optional.of(QualificationValue.of("none")), Optional.of(List.of())),
                    PartnerCenterClient.newRequestId(),
                    QualificationWriter.Throttled.NEVER))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.FAILED);
              assertThat(f.getMessage())
                  .contains("The write journal " + file, "could not be written", "NOT sent");
              assertThat(f.nextStep()).contains("free space");
            });
    assertThat(emulator.requestCount()).as("requests sent").isEqualTo(requests);
    assertThat(emulator.writeCount()).isZero();
  }

  /** An intent line as the process {@code owner} would have written it. */
  private static void intentOf(Path file, String requestId, ProcessHandle owner) throws Exception {
    Files.writeString(
        file,
        "{\"event\":\"intent\",\"time\":\""
            + Instant.now()
            + "\",\"requestId\":\""
            + requestId
            + "\",\"customerId\":\""
            + NORTHWIND
            + "\",\"change\":\"StateOwnedEntity (V2 POST)\",\"before\":\"None\",\"pid\":"
            + owner.pid()
            + ",\"pidStart\":\""
            + owner.info().startInstant().orElseThrow()
            + "\"}\n");
  }
}
