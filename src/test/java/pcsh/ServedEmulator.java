package pcsh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.emulator.Emulator;

/**
 * {@code ./pcsh emulator serve} in a process of its own, as the process-level tests use it: its
 * base URL, its state file read as the truth about which writes it carried out, and its reset.
 */
final class ServedEmulator implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?) ");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PcshProcess process;
  private final Path home;
  final String baseUrl;

  private ServedEmulator(PcshProcess process, Path home, String baseUrl) {
    this.process = process;
    this.home = home;
    this.baseUrl = baseUrl;
  }

  /**
   * Serves the state in {@code home}/emulator with no rate limit, and V2 Education left InReview
   * (so a rerun sees it as held however long the test takes).
   */
  static ServedEmulator start(Path home) throws Exception {
    PcshProcess p =
        PcshProcess.start(
            home,
            Map.of(
                "PCSH_HOME",
                home.toString(),
                "PCSH_HISTORY_DIR",
                home.resolve("history").toString(),
                "PCSH_EMULATOR_RATE_LIMIT",
                "0",
                "PCSH_EMULATOR_VETTING_DELAY",
                "1h"),
            "emulator",
            "serve",
            "--port",
            "0");
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      Matcher m = LISTENING.matcher(p.stdout());
      if (m.find()) return new ServedEmulator(p, home, m.group(1));
      Thread.sleep(50);
    }
    p.kill();
    throw new IllegalStateException("emulator serve did not start:\n" + p.stderr());
  }

  /** The environment of a pcsh that keeps its files in {@code home} and talks to this emulator. */
  Map<String, String> client(Path home, String token) {
    return Map.of(
        "PCSH_HOME",
        home.toString(),
        "PCSH_HISTORY_DIR",
        home.resolve("history").toString(),
        "PCSH_BASE_URL",
        baseUrl,
        "PCSH_ACCESS_TOKEN",
        token);
  }

  /** Restores the seed (qualifications, code counts, remembered writes), as `emulator reset`. */
  void reset() throws Exception {
    Emulator.reset(home.resolve("emulator"));
  }

  /** Customer ids of the first page, named customers excluded (they start with qualifications). */
  List<String> plainCustomers(int n) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v1/customers?size=" + (n + 8)))
                    .header("Authorization", "Bearer process-test")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode c : JSON.readTree(r.body()).path("items")) ids.add(c.path("id").asText());
    return ids.subList(8, ids.size());
  }

  /** The MS-RequestIds of the writes the emulator carried out (answered 2xx), from its state. */
  Set<String> appliedWrites() throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode w : state().path("writes")) {
      if (w.path("status").asInt() / 100 == 2) ids.add(w.path("requestId").asText());
    }
    return ids;
  }

  /** The qualification names the emulator holds for a customer, in order. */
  List<String> qualifications(String customerId) throws Exception {
    List<String> q = new ArrayList<>();
    for (JsonNode e : state().path("customers").path(customerId)) {
      q.add(e.path("qualification").asText());
    }
    return q;
  }

  private JsonNode state() throws Exception {
    Path file = home.resolve("emulator").resolve("state.json");
    return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
  }

  @Override
  public void close() throws Exception {
    process.kill();
  }
}
