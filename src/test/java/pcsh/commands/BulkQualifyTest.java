package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.emulator.SeedCustomers.CONTOSO_LTD_ID;
import static pcsh.emulator.SeedCustomers.FABRIKAM_ID;
import static pcsh.emulator.SeedCustomers.LITWARE_ID;
import static pcsh.emulator.SeedCustomers.NORTHWIND_ID;
import static pcsh.emulator.SeedCustomers.WOODGROVE_ID;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;
import pcsh.qualification.bulk.BulkCheckpoint;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * `qualify bulk` against the embedded emulator over real HTTP: the result CSV against the
 * emulator's state, resuming after Ctrl-C or a crash without repeating a write, and staying within
 * the service's rate limit. {@link BulkValidationTest} covers what happens before anything is sent.
 */
// hang guard: each test takes about a second; 60 s only stops a run that hangs
@Timeout(60)
class BulkQualifyTest extends BulkQualifyFixture {

  @Test
  void theResultCsvMatchesTheEmulatorsState() throws Exception {
    Path csv =
        file(
            """
        kind,customer,code,segment,website
        gcc,%s,448812,,
        soe,contoso.onmicrosoft.com,,,
        education,%s,,,
        GovernmentCommunityCloud,%s,448812,,
        education,litwarelibrary.onmicrosoft.com,,k12,"https://litwarelibrary.example/a,b"
        soe,nosuch.onmicrosoft.com,,,
        """
                .formatted(NORTHWIND_ID, FABRIKAM_ID, WOODGROVE_ID));

    assertThatThrownBy(() -> bulk(Map.of()).bulk(csv.toString(), null, null, true, false, false))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.REFUSED);
              assertThat(e.getMessage()).contains("applied 3, skipped 1, failed 1, not found 1");
            });

    assertThat(emulator.writeCount()).isEqualTo(3);
    List<List<String>> results = results(dir.resolve("input.results.csv"));
    assertThat(results.get(0))
        .containsExactly("row", "customer", "outcome", "qualification", "request id", "error");
    Map<Integer, List<String>> byRow = new HashMap<>();
    results.subList(1, results.size()).forEach(r -> byRow.put(Integer.parseInt(r.get(0)), r));
    assertThat(byRow.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
    assertThat(byRow.get(2).subList(1, 3)).containsExactly(NORTHWIND_ID, "applied");
    assertThat(byRow.get(3).subList(1, 3)).containsExactly(CONTOSO_LTD_ID, "applied");
    assertThat(byRow.get(4).subList(1, 3)).containsExactly(FABRIKAM_ID, "skipped");
    assertThat(byRow.get(5).subList(1, 3)).containsExactly(WOODGROVE_ID, "failed");
    assertThat(byRow.get(5).get(5))
        .contains("GovernmentCommunityCloud can only be set on a customer with no");
    assertThat(byRow.get(6).subList(1, 3)).containsExactly(LITWARE_ID, "applied");
    assertThat(byRow.get(7).subList(2, 3)).containsExactly("not-found");
    for (int row : List.of(2, 3, 4, 5, 6)) {
      List<String> r = byRow.get(row);
      assertThat(r.get(3)).as("row " + row).isEqualTo(shownQualification(r.get(1)));
    }
    for (int row : List.of(2, 3, 6))
      assertThat(byRow.get(row).get(4)).as("request id").matches("[0-9a-f-]{36}");
    assertThat(byRow.get(2).get(3)).isEqualTo("GovernmentCommunityCloud");
    // every write went through the journal
    assertThat(fixture.journal.entries()).hasSize(3).allMatch(e -> "APPLIED".equals(e.result()));
  }

  @Test
  void aRunStoppedByCtrlCResumesWithoutRepeatingAWrite() throws Exception {
    List<String> ids = plainCustomers(10);
    StringBuilder b = new StringBuilder("customer,kind\n");
    ids.forEach(id -> b.append(id).append(",soe\n"));
    Path csv = file(b.toString());
    emulator.setFaults(Faults.parse("seed=1,latency=40ms@1"));
    Map<String, String> two = Map.of("pcsh.bulk.concurrency", "2", "pcsh.bulk.rate-limit", "60000");

    AtomicReference<Throwable> first = new AtomicReference<>();
    Thread run =
        new Thread(
            () -> {
              try {
                bulk(two).bulk(csv.toString(), null, null, true, false, false);
              } catch (Throwable t) {
                first.set(t);
              }
            });
    run.start();
    while (emulator.writeCount() < 3 && run.isAlive()) Thread.sleep(10);
    run.interrupt();
    run.join(20_000);

    assertThat(first.get())
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.FAILURE);
              assertThat(e.getMessage()).contains("Stopped (Ctrl-C)");
              assertThat(e.nextStep()).contains("run the same command again to resume");
            });
    long writtenBefore = emulator.writeCount();
    assertThat(writtenBefore).isBetween(3L, 9L);
    assertThat(results(dir.resolve("input.results.csv"))).hasSize(1 + (int) writtenBefore);

    emulator.setFaults(Faults.NONE);
    String out = bulk(two).bulk(csv.toString(), null, null, true, false, false);

    assertThat(out)
        .contains("Resuming: " + writtenBefore + " of 10 rows already done")
        .contains("applied 10");
    assertThat(emulator.writeCount()).as("writes carried out in all").isEqualTo(10);
    assertThat(emulator.repeatedWriteCount()).isZero();
    List<List<String>> results = results(dir.resolve("input.results.csv"));
    assertThat(results).hasSize(11);
    assertThat(results.subList(1, 11)).extracting(r -> r.get(0)).doesNotHaveDuplicates();
    assertThat(results.subList(1, 11))
        .allMatch(r -> r.get(2).equals("applied") && r.get(3).contains("StateOwnedEntity"));
    assertThat(fixture.journal.entries()).hasSize(10);

    // and once more: everything is done, nothing is sent
    long requests = emulator.requestCount();
    assertThat(bulk(two).bulk(csv.toString(), null, null, true, false, false))
        .contains("10 of 10 rows already done");
    assertThat(emulator.requestCount()).isEqualTo(requests);
  }

  @Test
  void aWriteUnderWayWhenPcshDiedIsSettledByReadingBackNotSentAgain() throws Exception {
    List<String> ids = plainCustomers(2);
    Path csv = file("customer,kind\n" + ids.get(0) + ",soe\n" + ids.get(1) + ",soe\n");
    // pcsh was killed after sending line 2's write: the checkpoint says started, the journal has
    // only the intent
    String requestId = pcsh.api.PartnerCenterClient.newRequestId();
    BulkCheckpoint.of(fixture.home, csv.toAbsolutePath().normalize(), Files.readAllBytes(csv))
        .started(2, ids.get(0), requestId);
    fixture.journal.intent(requestId, ids.get(0), "StateOwnedEntity (V2 POST)", "None");
    fixture.client.createQualification(
        ids.get(0), pcsh.api.QualificationRequest.stateOwnedEntity(), requestId);
    assertThat(emulator.writeCount()).isEqualTo(1);

    String out =
        bulk(Map.of("pcsh.bulk.rate-limit", "60000"))
            .bulk(csv.toString(), null, null, true, false, false);

    assertThat(out)
        .contains("reading back shows it took effect")
        .contains("applied 2, skipped 0, failed 0");
    assertThat(emulator.writeCount()).as("only line 3 was written now").isEqualTo(2);
    List<List<String>> results = results(dir.resolve("input.results.csv"));
    assertThat(results.get(1))
        .containsExactly("2", ids.get(0), "applied", "StateOwnedEntity", requestId, "");
    assertThat(results.get(2).subList(0, 3)).containsExactly("3", ids.get(1), "applied");
    assertThat(fixture.journal.entries())
        .filteredOn(e -> e.requestId().equals(requestId))
        .extracting(pcsh.qualification.WriteJournal.Entry::result)
        .containsExactly("RECONCILED_APPLIED");
  }

  @Test
  void aRowCostsOneReadOfWhatTheWriteDependsOnAndTheWrite() throws Exception {
    List<String> ids = plainCustomers(6);
    Path csv =
        file(
            "customer,kind,segment\n"
                + ids.get(0)
                + ",soe,\n"
                + ids.get(1)
                + ",education,\n"
                + ids.get(2)
                + ",education,K12\n"
                + ids.get(3)
                + ",soe,\n"
                + ids.get(4)
                + ",education,\n"
                + ids.get(5)
                + ",education,HigherEducation\n");
    List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    fixture.client.exchanges().listen(e -> sent.add(e.method() + " " + e.path()));
    long before = emulator.requestCount();

    String out =
        bulk(Map.of("pcsh.bulk.rate-limit", "60000"))
            .bulk(csv.toString(), null, null, true, false, false);

    assertThat(out).contains("applied 6, skipped 0, failed 0");
    assertThat(emulator.requestCount() - before).as("requests for 6 rows").isEqualTo(12);
    for (int i : List.of(0, 2, 3, 5)) { // V2 writes read the V2 list
      String path = "/v1/customers/" + ids.get(i) + "/qualifications";
      assertThat(sent.stream().filter(s -> s.endsWith(ids.get(i) + "/qualifications")))
          .containsExactly("GET " + path, "POST " + path);
    }
    for (int i : List.of(1, 4)) { // legacy writes read the legacy value
      String path = "/v1/customers/" + ids.get(i) + "/qualification";
      assertThat(sent.stream().filter(s -> s.contains(ids.get(i))))
          .containsExactly("GET " + path, "PUT " + path);
    }
    // the write's answer is the state in the results
    List<List<String>> results = results(dir.resolve("input.results.csv"));
    assertThat(results.get(1).subList(2, 4)).containsExactly("applied", "StateOwnedEntity");
    assertThat(results.get(2).subList(2, 4)).containsExactly("applied", "Education");
    assertThat(results.get(3).subList(2, 4)).containsExactly("applied", "Education");
    assertThat(fixture.journal.entries()).hasSize(6).allMatch(e -> "APPLIED".equals(e.result()));
  }

  @Test
  void throttlingSlowsTheRunDownWithoutFailures() throws Exception {
    start(EmulatorConfig.inMemory().withSeedCustomers(60).withRateLimit(1200, 8));
    List<String> ids = plainCustomers(10);
    StringBuilder b = new StringBuilder("customer,kind\n");
    ids.forEach(id -> b.append(id).append(",soe\n"));
    Path csv = file(b.toString());
    long before = emulator.throttledCount();

    String out =
        bulk(Map.of("pcsh.bulk.rate-limit", "60000", "pcsh.bulk.concurrency", "4"))
            .bulk(csv.toString(), null, null, true, false, false);

    assertThat(out).contains("applied 10, skipped 0, failed 0");
    assertThat(emulator.throttledCount() - before).as("429s the emulator answered").isPositive();
    assertThat(emulator.writeCount()).isEqualTo(10);
    assertThat(emulator.repeatedWriteCount())
        .as("a throttled write was never applied, so never repeated")
        .isZero();
    assertThat(results(dir.resolve("input.results.csv")).subList(1, 11))
        .allMatch(r -> r.get(2).equals("applied"));
    assertThat(fixture.journal.entries())
        .as("one journalled write per row, resent with its MS-RequestId")
        .hasSize(10)
        .allMatch(e -> "APPLIED".equals(e.result()));
  }
}
