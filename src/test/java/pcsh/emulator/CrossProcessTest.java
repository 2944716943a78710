package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Two JVMs share one state directory: only the FileChannel lock on state.lock keeps them apart.
class CrossProcessTest {

  @TempDir Path dir;

  private static HttpRequest.Builder builder(int i, Http here, URI childBase, String path) {
    return i % 2 == 0
        ? here.request(path)
        : HttpRequest.newBuilder(URI.create(childBase + path))
            .header("Authorization", "Bearer child")
            .timeout(Duration.ofSeconds(10));
  }

  @Test
  void anEmulatorInAnotherProcessSharesStateAndNeverOverspendsACode() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorProcess.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (Emulator local = Emulator.start(EmulatorConfig.persistent(dir))) {
      int childPort =
          Integer.parseInt(
              new BufferedReader(new InputStreamReader(child.getInputStream())).readLine().trim());
      URI childBase = URI.create("http://127.0.0.1:" + childPort);
      Http here = new Http(local);

      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> gcc = new ArrayList<>();
      List<Future<Integer>> soe = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        String path =
            "/v1/customers/"
                + Http.generatedId(i)
                + "/qualification?code="
                + SeedCustomers.OPEN_CODE;
        HttpRequest request =
            builder(i, here, childBase, path).PUT(HttpRequest.BodyPublishers.ofString("3")).build();
        gcc.add(pool.submit(() -> Http.send(request).statusCode()));
      }
      // many small read-modify-write cycles from both processes: without the file lock some get
      // lost
      for (int i = 11; i <= 70; i++) {
        String path = "/v1/customers/" + Http.generatedId(i) + "/qualifications";
        HttpRequest request =
            builder(i, here, childBase, path)
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"qualification\":\"StateOwnedEntity\"}"))
                .build();
        soe.add(pool.submit(() -> Http.send(request).statusCode()));
      }
      int ok = 0;
      for (Future<Integer> f : gcc) {
        ok += f.get() == 200 ? 1 : 0;
      }
      for (Future<Integer> f : soe) {
        assertThat(f.get()).isEqualTo(201);
      }
      pool.shutdown();

      assertThat(ok).isEqualTo(7);
      JsonNode codes = Http.json(here.get("/v1/customers/all/validations"));
      assertThat(codes.get(0).path("remainingCreates").asInt()).isZero();
      JsonNode state = Http.MAPPER.readTree(dir.resolve("state.json").toFile());
      assertThat(state.path("customers").size()).isEqualTo(8 + 7 + 60);
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }
}
