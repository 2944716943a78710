package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.qualification.WriteJournal;

/**
 * Two (and three) real {@code ./pcsh} processes writing at once with one {@code $PCSH_HOME}: one
 * journal, one emulator state ({@code ./pcsh emulator serve} on that home). Bulk runs and single
 * writes on the same and on different customers leave a journal of whole JSON lines and no write
 * doubled; a second run of a bulk file under way is refused with the first one's pid; and one
 * process's reconciliation leaves the other's write in flight to it.
 */
class TwoShellsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;
  static ServedEmulator emulator;
  static List<String> customers;
  static Map<String, String> env;

  @BeforeAll
  static void serve() throws Exception {
    emulator = ServedEmulator.start(home);
    customers = emulator.plainCustomers(30);
    env = emulator.client(home, "two-shells-token");
  }

  @AfterAll
  static void stop() throws Exception {
    if (emulator != null) emulator.close();
  }

  @BeforeEach
  void reset() throws Exception {
    emulator.reset();
    Files.deleteIfExists(home.resolve("journal.jsonl"));
  }

  @Test
  void bulkRunsAndSingleWritesAtOnceShareOneWholeJournalAndDoubleNothing() throws Exception {
    Path a = csv("a.csv", customers.subList(0, 10), "soe");
    Path b = csv("b.csv", customers.subList(5, 15), "education");
    StringBuilder script = new StringBuilder();
    for (String id : customers.subList(3, 9)) {
      script.append("qualify soe --customer ").append(id).append(" --yes\n");
    }
    Path singles = Files.writeString(home.resolve("singles.pcsh"), script.toString());

    PcshProcess first = PcshProcess.start(home, env, bulk(a, "2"));
    PcshProcess second = PcshProcess.start(home, env, bulk(b, "3"));
    PcshProcess third =
        PcshProcess.start(home, env, "--file", singles.toString(), "--continue-on-error");
    PcshProcess.Run ra = first.waitFor(Duration.ofMinutes(2));
    PcshProcess.Run rb = second.waitFor(Duration.ofMinutes(2));
    PcshProcess.Run rc = third.waitFor(Duration.ofMinutes(2));
    // a and the singles race for the same customers: the loser is skipped, or refused by the
    // service (409, it has the qualification already): exit 5, never a second write
    for (PcshProcess.Run r : List.of(ra, rb, rc)) {
      assertThat(r.exit()).as(r.toString()).isIn(0, 5);
      assertThat(r.err()).as(r.toString()).doesNotContain("Exception", "\tat ");
    }

    for (String line : Files.readAllLines(home.resolve("journal.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line); // throws on a torn or interleaved line
      assertThat(n.path("event").asText()).isIn("intent", "outcome");
    }
    List<WriteJournal.Entry> entries = new WriteJournal(home.resolve("journal.jsonl")).entries();
    assertThat(entries).noneMatch(WriteJournal.Entry::pending);
    Set<String> applied =
        entries.stream()
            .filter(
                e -> e.result().startsWith("APPLIED") || e.result().equals("RECONCILED_APPLIED"))
            .map(WriteJournal.Entry::requestId)
            .collect(Collectors.toSet());
    assertThat(emulator.appliedWrites())
        .as("writes carried out = journalled applied")
        .isEqualTo(applied);
    for (String id : customers.subList(0, 15)) {
      List<String> held = emulator.qualifications(id);
      assertThat(held).as(id).doesNotHaveDuplicates().isNotEmpty();
    }
  }

  @Test
  void aSecondRunOfABulkFileUnderWayIsRefusedWithThePidOfTheFirst() throws Exception {
    Path a = csv("same.csv", customers.subList(21, 25), "soe");
    Path resume = home.resolve("resume-bulk");
    Map<String, String> pausing = new HashMap<>(env);
    pausing.put("PCSH_TEST_PAUSE", "row-done#1");
    pausing.put("PCSH_TEST_RESUME", resume.toString());
    PcshProcess first = PcshProcess.start(home, pausing, bulk(a, "1"));
    first.paused(Duration.ofSeconds(90));

    PcshProcess.Run second = PcshProcess.run(home, env, bulk(a, "1"));

    assertThat(second.exit()).as(second.toString()).isEqualTo(1);
    assertThat(second.err())
        .contains("qualify bulk is already running on " + a, "pid " + first.pid(), "Next: ")
        .doesNotContain("Exception");
    Files.writeString(resume, "go");
    PcshProcess.Run firstRun = first.waitFor(Duration.ofMinutes(1));
    assertThat(firstRun.exit()).as(firstRun.toString()).isZero();
    PcshProcess.Run again = PcshProcess.run(home, env, bulk(a, "1"));
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("Resuming: 4 of 4 rows already done");
  }

  @Test
  void oneShellsReconciliationLeavesTheOthersWriteInFlightToIt() throws Exception {
    String id = customers.get(26);
    Path resume = home.resolve("resume-single");
    Map<String, String> pausing = new HashMap<>(env);
    pausing.put("PCSH_TEST_PAUSE", "journalled");
    pausing.put("PCSH_TEST_RESUME", resume.toString());
    PcshProcess writing =
        PcshProcess.start(home, pausing, "qualify", "soe", "--customer", id, "--yes");
    writing.paused(Duration.ofSeconds(90));

    PcshProcess.Run other = PcshProcess.run(home, env, "journal");

    assertThat(other.exit()).as(other.toString()).isZero();
    assertThat(other.out())
        .contains("IN FLIGHT (pcsh pid " + writing.pid() + ")")
        .doesNotContain("had no known outcome");
    assertThat(Files.readString(home.resolve("journal.jsonl"))).doesNotContain("\"outcome\"");
    Files.writeString(resume, "go");
    PcshProcess.Run wrote = writing.waitFor(Duration.ofMinutes(1));
    assertThat(wrote.exit()).as(wrote.toString()).isZero();
    assertThat(wrote.out()).contains("is now StateOwnedEntity");
    assertThat(new WriteJournal(home.resolve("journal.jsonl")).entries())
        .singleElement()
        .satisfies(e -> assertThat(e.result()).isEqualTo("APPLIED"));
    assertThat(emulator.qualifications(id)).containsExactly("StateOwnedEntity");
  }

  private static String[] bulk(Path file, String concurrency) {
    return new String[] {
      "qualify", "bulk", "--from", file.toString(), "--yes", "--concurrency", concurrency
    };
  }

  private static Path csv(String name, List<String> ids, String kind) throws Exception {
    StringBuilder b = new StringBuilder("customer,kind\n");
    ids.forEach(id -> b.append(id).append(',').append(kind).append('\n'));
    return Files.writeString(home.resolve(name), b.toString());
  }
}
