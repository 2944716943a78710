package pcsh.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationValue;
import pcsh.api.RetryPolicy;
import pcsh.api.ValidationCode;
import pcsh.emulator.Emulator;
import pcsh.emulator.Faults;
import pcsh.qualification.QualificationRules;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;

/**
 * What the reliability suites ({@link ReliabilityTest}: single writes, {@link BulkReliabilityTest}:
 * bulk runs) share: the seeded fault schedule, the check of the emulator's state against the
 * journal after each schedule, and the figures they print.
 *
 * <p>The check, with the faults off and the journal reconciled: every write the journal calls
 * applied is there and nothing is there that the journal does not call applied (none lost, none
 * applied unseen); the emulator carried out exactly as many writes as the journal calls applied and
 * never got a write it had already applied (none doubled, none sent again); no V2 record twice; the
 * validation code's creates used once per applied GCC write.
 */
final class Reliability {

  static final String GCC_CODE = "448812";
  static final Pattern REQUEST_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The figures of one suite, printed when it ends. */
  static final class Figures {
    final String name;
    int schedules;
    int attempted;
    int applied;
    int reportedFailed;
    int reconciled;
    int doubled;
    final List<String> problems = new ArrayList<>();
    final List<String> slow = new ArrayList<>();

    Figures(String name) {
      this.name = name;
    }

    void problem(long seed, String what) {
      if (Boolean.getBoolean("pcsh.reliability.verbose"))
        System.out.println("seed " + seed + ": " + what);
      problems.add("seed " + seed + ": " + what);
    }

    /** A write applied twice, or sent again after it was applied. */
    void doubled(long seed, String what) {
      doubled++;
      problem(seed, what);
    }

    void print(long nanos) {
      System.out.printf(
          Locale.ROOT,
          "%s: schedules=%d, writes attempted=%d, applied=%d, reported failed=%d,"
              + " settled by reconciliation=%d, mismatches=%d, doubled=%d, %.1f s%n",
          name,
          schedules,
          attempted,
          applied,
          reportedFailed,
          reconciled,
          problems.size(),
          doubled,
          nanos / 1e9);
      problems.stream().limit(20).forEach(p -> System.out.println("  mismatch: " + p));
      if (!slow.isEmpty()) System.out.println("  slow schedules: " + slow);
    }
  }

  private Reliability() {}

  /**
   * Schedules in this run: {@code pcsh.reliability.<key>} (the Maven profile {@code reliability}
   * sets the full counts), else {@code quick} for {@code mvn verify}.
   */
  static int count(String key, int quick) {
    return Integer.getInteger("pcsh.reliability." + key, quick);
  }

  /** The faults of schedule {@code seed}: every kind the emulator injects, at seeded rates. */
  static Faults faults(long seed, Random r) {
    return Faults.parse(
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
  }

  /** Reads retried as the shell retries them, without sleeping. */
  static RetryPolicy retry(long seed) {
    return new RetryPolicy(
        4, Duration.ZERO, Duration.ofSeconds(5), (w, why, n, max) -> {}, new Random(seed));
  }

  /** A journal and its writer for one schedule, on the suite's client. */
  static QualificationWriter writer(PartnerCenterClient client, WriteJournal journal) {
    return new QualificationWriter(client, journal, (id, state) -> {});
  }

  static int remaining(PartnerCenterClient client) {
    return client.validationCodes().stream()
        .filter(v -> v.validationId().equals(GCC_CODE))
        .mapToInt(ValidationCode::remainingCreates)
        .findFirst()
        .orElse(-1);
  }

  /** Compares the emulator's state of {@code customers} with the journal; see the class comment. */
  static void check(
      Figures fig,
      long seed,
      Emulator emulator,
      PartnerCenterClient client,
      WriteJournal journal,
      List<String> customers,
      int codesBefore) {
    List<WriteJournal.Entry> entries = journal.entries();
    if (Boolean.getBoolean("pcsh.reliability.verbose"))
      entries.forEach(e -> System.out.println(seed + " " + e));
    fig.attempted += entries.size();
    Map<String, Integer> appliedBy = new HashMap<>();
    int gccApplied = 0;
    int appliedHere = 0;
    for (WriteJournal.Entry e : entries) {
      if (e.pending()) {
        fig.problem(seed, "journal entry without an outcome after reconciliation: " + e);
        continue;
      }
      if (!applied(e)) continue;
      appliedHere++;
      String kind = e.change().split(" ", -1)[0];
      appliedBy.merge(e.customerId() + "/" + kind, 1, Integer::sum);
      if (kind.equals("GovernmentCommunityCloud")) gccApplied++;
    }
    fig.applied += appliedHere;
    appliedBy.forEach(
        (key, n) -> {
          if (n > 1) fig.doubled(seed, "the journal says " + key + " was applied " + n + " times");
        });
    String counts =
        "the emulator carried out "
            + emulator.writeCount()
            + " writes, the journal calls "
            + appliedHere
            + " applied";
    if (emulator.writeCount() > appliedHere) fig.doubled(seed, counts);
    else if (emulator.writeCount() < appliedHere) fig.problem(seed, counts);
    if (emulator.repeatedWriteCount() != 0) {
      fig.doubled(
          seed,
          "a write the emulator had applied was sent again "
              + emulator.repeatedWriteCount()
              + " times");
    }
    for (String id : customers) {
      QualificationValue legacy = client.legacyQualification(id);
      List<QualificationRecord> records = client.qualifications(id);
      QualificationState now = new QualificationState(Optional.of(legacy), Optional.of(records));
      for (QualificationKind kind :
          List.of(
              QualificationKind.STATE_OWNED_ENTITY,
              QualificationKind.EDUCATION,
              QualificationKind.GOVERNMENT_COMMUNITY_CLOUD)) {
        long copies = records.stream().filter(x -> !x.denied() && x.value().is(kind)).count();
        if (copies > 1) fig.doubled(seed, id + " has " + kind.apiName() + " " + copies + " times");
        boolean journalled = appliedBy.containsKey(id + "/" + kind.apiName());
        boolean has = QualificationRules.alreadyHas(now, kind).isPresent();
        boolean hadBefore =
            entries.stream()
                .anyMatch(
                    e ->
                        e.customerId().equals(id)
                            && e.before() != null
                            && e.before().contains(kind.apiName()));
        if (journalled && !has)
          fig.problem(seed, "write lost: journal says " + kind.apiName() + " on " + id);
        boolean writtenHere =
            entries.stream()
                .anyMatch(e -> e.customerId().equals(id) && e.change().startsWith(kind.apiName()));
        if (has && !journalled && writtenHere && !hadBefore) {
          fig.problem(
              seed,
              "applied unseen: " + id + " has " + kind.apiName() + " but the journal says not");
        }
      }
    }
    int used = codesBefore - remaining(client);
    if (used != gccApplied) {
      fig.problem(
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

  static boolean applied(WriteJournal.Entry e) {
    return e.result().equals("APPLIED")
        || e.result().equals("APPLIED_AFTER_NO_ANSWER")
        || e.result().equals("RECONCILED_APPLIED");
  }
}
