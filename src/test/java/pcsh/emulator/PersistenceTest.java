package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

  @TempDir Path dir;

  private static String gcc(String id) {
    return "/v1/customers/" + id + "/qualification?code=" + SeedCustomers.OPEN_CODE;
  }

  private static int remaining(Http http, String code) {
    for (JsonNode c : Http.json(http.get("/v1/customers/all/validations"))) {
      if (c.path("validationId").asText().equals(code)) {
        return c.path("remainingCreates").asInt();
      }
    }
    throw new AssertionError("no code " + code);
  }

  @Test
  void twoEmulatorsOnOneStateDirSeeEachOthersWrites() throws Exception {
    try (Emulator a = Emulator.start(EmulatorConfig.persistent(dir));
        Emulator b = Emulator.start(EmulatorConfig.persistent(dir))) {
      Http ha = new Http(a);
      Http hb = new Http(b);

      assertThat(ha.put(gcc(SeedCustomers.NORTHWIND_ID), "3").statusCode()).isEqualTo(200);
      assertThat(
              hb.post(
                      "/v1/customers/" + Http.generatedId(5) + "/qualifications",
                      "{\"qualification\":\"StateOwnedEntity\"}")
                  .statusCode())
          .isEqualTo(201);

      assertThat(hb.get("/v1/customers/" + SeedCustomers.NORTHWIND_ID + "/qualification").body())
          .isEqualTo("\"government_community_cloud\"");
      assertThat(remaining(hb, SeedCustomers.OPEN_CODE)).isEqualTo(6);
      assertThat(ha.get("/v1/customers/" + Http.generatedId(5) + "/qualifications").body())
          .isEqualTo("[{\"qualification\":\"StateOwnedEntity\"}]");
      assertThat(Http.fault(hb.put(gcc(SeedCustomers.NORTHWIND_ID), "3"))).isEqualTo("409/3000");
    }
  }

  @Test
  void stateSurvivesARestartAndInMemoryEmulatorsShareNothing() throws Exception {
    try (Emulator first = Emulator.start(EmulatorConfig.persistent(dir))) {
      new Http(first).put(gcc(SeedCustomers.LITWARE_ID), "\"GovernmentCommunityCloud\"");
    }
    try (Emulator second = Emulator.start(EmulatorConfig.persistent(dir));
        Emulator memory = Emulator.start(EmulatorConfig.inMemory())) {
      assertThat(remaining(new Http(second), SeedCustomers.OPEN_CODE)).isEqualTo(6);
      assertThat(remaining(new Http(memory), SeedCustomers.OPEN_CODE)).isEqualTo(7);
    }
  }

  @Test
  void theStateFileHoldsOnlyMutableStateAndIsPrivate() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir))) {
      new Http(e).put("/v1/customers/" + Http.generatedId(42) + "/qualification", "1");
    }
    Path file = dir.resolve("state.json");
    JsonNode state = Http.MAPPER.readTree(file.toFile());

    // the 8 named customers plus the one generated customer that now has an entry, not all 1200
    assertThat(state.path("customers").size()).isEqualTo(9);
    assertThat(state.path("customers").has(Http.generatedId(42))).isTrue();
    assertThat(state.path("validationCodes").size()).isEqualTo(3);
    assertThat(Files.readString(file)).doesNotContain("companyName");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void theStateFileIsReplacedAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir))) {
      Http http = new Http(e);
      for (int i = 1; i <= 5; i++) {
        http.post(
            "/v1/customers/" + Http.generatedId(i) + "/qualifications",
            "{\"qualification\":\"StateOwnedEntity\"}");
        Http.MAPPER.readTree(dir.resolve("state.json").toFile()); // always a complete document
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("state.json", "state.lock");
    }
  }

  @Test
  void resetRestoresTheSeed() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir))) {
      Http http = new Http(e);
      http.put(gcc(SeedCustomers.CONTOSO_LTD_ID), "3");
      http.post(
          "/v1/customers/" + SeedCustomers.FABRIKAM_ID + "/qualifications",
          "{\"qualification\":\"StateOwnedEntity\"}");

      Emulator.reset(dir);

      assertThat(remaining(http, SeedCustomers.OPEN_CODE)).isEqualTo(7);
      assertThat(
              http.get("/v1/customers/" + SeedCustomers.CONTOSO_LTD_ID + "/qualification").body())
          .isEqualTo("\"none\"");
      assertThat(
              Http.json(http.get("/v1/customers/" + SeedCustomers.FABRIKAM_ID + "/qualifications")))
          .hasSize(1);
    }
  }

  @Test
  void resetCreatesAMissingDirectoryAndAStartedEmulatorThenServesTheSeed() throws Exception {
    Path fresh = dir.resolve("nested/state");

    Emulator.reset(fresh);

    try (Emulator e = Emulator.start(EmulatorConfig.persistent(fresh))) {
      assertThat(remaining(new Http(e), SeedCustomers.EXHAUSTED_CODE)).isZero();
    }
  }

  @Test
  void parallelGccWritesFromTwoEmulatorsUseASevenRemainingCodeExactlySevenTimes() throws Exception {
    try (Emulator a = Emulator.start(EmulatorConfig.persistent(dir));
        Emulator b = Emulator.start(EmulatorConfig.persistent(dir))) {
      List<Http> clients = List.of(new Http(a), new Http(b));
      ExecutorService pool = Executors.newFixedThreadPool(10);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        Http http = clients.get(i % 2);
        String path = gcc(Http.generatedId(100 + i));
        Callable<Integer> put =
            () -> {
              go.await();
              return http.put(path, "3").statusCode();
            };
        results.add(pool.submit(put));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      pool.shutdown();

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(7);
      assertThat(statuses).filteredOn(s -> s == 400).hasSize(3);
      assertThat(remaining(clients.get(0), SeedCustomers.OPEN_CODE)).isZero();
      long gccCustomers = 0;
      for (int i = 1; i <= 10; i++) {
        HttpResponse<String> r =
            clients.get(0).get("/v1/customers/" + Http.generatedId(100 + i) + "/qualification");
        gccCustomers += r.body().equals("\"government_community_cloud\"") ? 1 : 0;
      }
      assertThat(gccCustomers).isEqualTo(7);
    }
  }

  @Test
  void parallelGccWritesOnOneInMemoryEmulatorNeitherLoseNorDuplicateAUse() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.inMemory())) {
      Http http = new Http(e);
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        String path = gcc(Http.generatedId(200 + i));
        results.add(pool.submit(() -> http.put(path, "3").statusCode()));
      }
      int ok = 0;
      for (Future<Integer> f : results) {
        ok += f.get() == 200 ? 1 : 0;
      }
      pool.shutdown();

      assertThat(ok).isEqualTo(7);
      assertThat(remaining(http, SeedCustomers.OPEN_CODE)).isZero();
    }
  }

  @Test
  void readingTheCustomersOtherResourcesLeavesTheStateFileAsItWas() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.persistent(dir))) {
      Http http = new Http(e);
      assertThat(
              http.put("/v1/customers/" + Http.generatedId(8) + "/qualification", "1").statusCode())
          .isEqualTo(200);
      Path file = dir.resolve("state.json");
      byte[] before = Files.readAllBytes(file);
      String fabrikam = "/v1/customers/" + SeedCustomers.FABRIKAM_ID;

      for (String path :
          List.of(
              fabrikam + "/users",
              fabrikam + "/subscriptions",
              fabrikam + "/subscribedskus",
              fabrikam + "/profiles/company",
              fabrikam + "/relationships",
              fabrikam + "/validationStatus?type=account",
              "/v1/customers/" + Http.generatedId(9) + "/subscriptions",
              "/v1/servicerequests")) {
        assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
      }

      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
  }
}
