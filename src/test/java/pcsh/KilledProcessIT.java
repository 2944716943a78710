package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.qualification.WriteJournal;

/**
 * The real {@code ./pcsh}, killed with SIGKILL at seeded points of its writes and run again:
 * one-shot {@code qualify soe | education | gcc} and {@code qualify bulk} against {@code ./pcsh
 * emulator serve}, stopped (by the hidden test pause, then SIGKILL) before the journal entry,
 * between the journal entry and the send, with the request in flight, after the answer and before
 * its outcome is journalled, and between bulk rows. After the rerun (which settles the journal
 * before it sends; {@code journal} settles it after a rerun with nothing to send), every journal
 * entry is settled, the bulk rerun has every row applied, and the emulator's state says the writes
 * it carried out are exactly those the journal calls applied: none twice, none lost. {@code mvn
 * verify} kills at one seed of each point; {@code -Preliability} at {@code pcsh.reliability.kills}
 * (60) seeds.
 */
class KilledProcessIT {

  static final int KILLS = Integer.getInteger("pcsh.reliability.kills", 5);
  static final List<String> SINGLE_POINTS =
      List.of("before-journal", "journalled", "in-flight", "answered");
  static final List<String> BULK_POINTS =
      List.of("before-journal", "journalled", "in-flight", "answered", "row-done");

  @TempDir static Path dir;
  static ServedEmulator emulator;
  static List<String> customers;
  static final Map<String, Integer> killedAt = new HashMap<>();

  @BeforeAll
  static void serve() throws Exception {
    emulator = ServedEmulator.start(dir.resolve("emulator-home"));
    customers = emulator.plainCustomers(40);
  }

  @AfterAll
  static void stop() throws Exception {
    System.out.println(
        "Killed processes: "
            + KILLS
            + " kills, by command and point "
            + new java.util.TreeMap<>(killedAt));
    if (emulator != null) emulator.close();
  }

  @Test
  void aKilledWriteIsSettledByTheRerunAndNeitherLostNorDoubled() throws Exception {
    for (int seed = 1; seed <= KILLS; seed++) {
      Random r = new Random(seed);
      emulator.reset();
      Set<String> before = emulator.appliedWrites();
      Path home = dir.resolve("client-" + seed);
      Files.createDirectories(home);
      boolean bulk = seed % 5 == 0 || (seed > 5 && r.nextInt(3) == 0);
      // the first five seeds (the quick run) meet each point once
      String point =
          seed <= 4
              ? SINGLE_POINTS.get(seed - 1)
              : seed == 5
                  ? "row-done"
                  : bulk ? BULK_POINTS.get(r.nextInt(5)) : SINGLE_POINTS.get(r.nextInt(4));
      List<String> targets = new ArrayList<>(customers);
      java.util.Collections.shuffle(targets, r);
      String[] command;
      Map<String, String> expected = new HashMap<>();
      int occurrence = 1;
      if (bulk) {
        int rows = 3 + r.nextInt(3);
        StringBuilder csv = new StringBuilder("customer,kind,segment,website\n");
        for (String id : targets.subList(0, rows)) {
          String kind = List.of("soe", "education", "education-v2").get(r.nextInt(3));
          csv.append(id)
              .append(',')
              .append(kind.equals("education-v2") ? "education,K12,school.example" : kind + ",,")
              .append('\n');
          expected.put(id, kind.equals("soe") ? "StateOwnedEntity" : "Education");
        }
        Path input = Files.writeString(home.resolve("rows.csv"), csv.toString());
        occurrence = 1 + r.nextInt(rows - (point.equals("row-done") ? 1 : 0));
        command =
            new String[] {
              "qualify", "bulk", "--from", input.toString(), "--yes", "--concurrency", "1"
            };
      } else {
        String id = targets.get(0);
        switch (r.nextInt(4)) {
          case 0 -> {
            command = new String[] {"qualify", "soe", "--customer", id, "--yes"};
            expected.put(id, "StateOwnedEntity");
          }
          case 1 -> {
            command = new String[] {"qualify", "education", "--customer", id, "--yes"};
            expected.put(id, "Education");
          }
          case 2 -> {
            command =
                new String[] {
                  "qualify", "education", "--segment", "K12", "--customer", id, "--yes"
                };
            expected.put(id, "Education");
          }
          default -> {
            command =
                new String[] {"qualify", "gcc", "--code", "448812", "--customer", id, "--yes"};
            expected.put(id, "GovernmentCommunityCloud");
          }
        }
      }
      String at = point + "#" + occurrence;
      String what = "seed " + seed + ": " + String.join(" ", command) + " killed at " + at;

      Map<String, String> env = emulator.client(home, "kill-test-token");
      Map<String, String> paused = new HashMap<>(env);
      paused.put("PCSH_TEST_PAUSE", at);
      PcshProcess victim = PcshProcess.start(home, paused, command);
      assertThat(victim.paused(Duration.ofSeconds(90))).as(what).isEqualTo(at);
      if (point.equals("in-flight")) Thread.sleep(300); // the write reaches the emulator first
      assertThat(victim.kill()).as(what + ": SIGKILL").isEqualTo(137);
      killedAt.merge((bulk ? "bulk " : "single ") + point, 1, Integer::sum);

      PcshProcess.Run again = PcshProcess.run(home, env, command);
      assertThat(again.exit()).as(what + ", rerun:\n" + again).isZero();
      if (again.out().contains("nothing was sent")) {
        // a rerun with nothing to send leaves the journal to `journal` (one that sends, and a bulk
        // run, settle it first)
        PcshProcess.Run journal = PcshProcess.run(home, env, "journal");
        assertThat(journal.exit()).as(what + ", journal:\n" + journal).isZero();
      }

      List<WriteJournal.Entry> entries = new WriteJournal(home.resolve("journal.jsonl")).entries();
      assertThat(entries).as(what + ": every entry settled").noneMatch(WriteJournal.Entry::pending);
      Set<String> applied =
          entries.stream()
              .filter(
                  e ->
                      List.of("APPLIED", "APPLIED_AFTER_NO_ANSWER", "RECONCILED_APPLIED")
                          .contains(e.result()))
              .map(WriteJournal.Entry::requestId)
              .collect(Collectors.toSet());
      Set<String> carriedOut = new HashSet<>(emulator.appliedWrites());
      carriedOut.removeAll(before);
      assertThat(carriedOut)
          .as(
              what
                  + ": the writes the emulator carried out are those the journal calls applied\n"
                  + entries)
          .isEqualTo(applied);
      for (Map.Entry<String, String> e : expected.entrySet()) {
        assertThat(emulator.qualifications(e.getKey()))
            .as(what + ": " + e.getKey() + " has " + e.getValue() + " once")
            .containsOnlyOnce(e.getValue());
      }
      if (bulk) {
        assertThat(Files.readString(home.resolve("rows.results.csv")))
            .as(what + ": the rerun completed every row")
            .doesNotContain(",failed,", ",not-found,");
      }
    }
  }
}
