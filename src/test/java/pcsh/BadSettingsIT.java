package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings files, environment values and a home pcsh cannot use, through the built jar: each is one
 * clear line (exit 2, before anything starts, or the documented code) and no request leaves pcsh;
 * and on a full disk for the journal (a file-size limit the journal is already past) the write is
 * not sent.
 */
class BadSettingsIT {

  static final String CUSTOMER = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(
            "a base URL that is http to another machine, in shell.properties",
            Map.of(),
            "pcsh.base-url=http://partner.example.com\n",
            2,
            "Setting pcsh.base-url is 'http://partner.example.com', which is not an https URL"),
        Arguments.of(
            "PCSH_BASE_URL that is no URL",
            Map.of("PCSH_BASE_URL", "ftp://partner.example.com"),
            "",
            2,
            "Setting pcsh.base-url is 'ftp://partner.example.com'"),
        Arguments.of(
            "PCSH_HTTP_READ_TIMEOUT that is no duration",
            Map.of("PCSH_HTTP_READ_TIMEOUT", "a while"),
            "",
            2,
            "Setting pcsh.http.read-timeout is 'a while', which is not a duration"),
        Arguments.of(
            "PCSH_HTTP_READ_ATTEMPTS of 0",
            Map.of("PCSH_HTTP_READ_ATTEMPTS", "0"),
            "",
            2,
            "Setting pcsh.http.read-attempts is '0', which is not between 1 and 10"),
        Arguments.of(
            "PCSH_EMULATOR_FAULTS that is no fault spec",
            Map.of("PCSH_EMULATOR_FAULTS", "throttle=2"),
            "",
            2,
            "Fault spec 'throttle=2' is not valid"),
        Arguments.of(
            "an emulator state directory that is a file",
            Map.of(),
            null,
            1,
            "The embedded emulator could not start"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aSettingPcshCannotUseIsOneClearLine(
      String name, Map<String, String> env, String userFile, int exit, String message)
      throws Exception {
    if (userFile == null) Files.writeString(home.resolve("emulator"), "in the way");
    else Files.writeString(home.resolve("shell.properties"), userFile);

    Pcsh.Run r = new Pcsh(home, env).run("customers", "list", "--size", "1");

    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    assertThat(r.err()).as(r.toString()).contains(message).doesNotContain("Exception", "\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aHomeThatIsAFileIsRefusedBeforeAnythingStarts() throws Exception {
    Path file = Files.writeString(home.resolve("not-a-directory"), "x");

    Pcsh.Run r = new Pcsh(home, Map.of("PCSH_HOME", file.toString())).run("customers", "list");

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "Setting pcsh.home (PCSH_HOME) is '" + file + "'",
            "a directory pcsh can read and write");
  }

  /**
   * The journal is already past the file-size limit the process runs under ({@code ulimit -f}, as a
   * full disk fails an append), so the intent cannot be written: the write is not sent.
   */
  @Test
  void onAFullDiskForTheJournalTheWriteIsNotSent() throws Exception {
    wm.stubFor(get(anyUrl()).willReturn(okJson("[]")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + CUSTOMER))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + CUSTOMER
                        + "\",\"companyProfile\":{\"companyName\":\"Northwind\"}}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + CUSTOMER + "/qualification"))
            .willReturn(okJson("\"none\"")));
    StringBuilder settled = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      settled
          .append("{\"event\":\"intent\",\"time\":\"2026-01-01T00:00:00Z\",\"requestId\":\"old-")
          .append(i)
          .append(
              "\",\"customerId\":\"x\",\"change\":\"StateOwnedEntity (V2 POST)\",\"before\":\"None\"}\n")
          .append("{\"event\":\"outcome\",\"time\":\"2026-01-01T00:00:01Z\",\"requestId\":\"old-")
          .append(i)
          .append("\",\"result\":\"APPLIED\"}\n");
    }
    Files.writeString(home.resolve("journal.jsonl"), settled, StandardCharsets.UTF_8);

    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "ulimit -f 256 && exec \"$0\" \"$@\""));
    cmd.addAll(Pcsh.command(home, "qualify", "soe", "--customer", CUSTOMER, "--yes"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
    pb.environment()
        .putAll(
            Map.of(
                "PCSH_HOME", home.toString(),
                "PCSH_BASE_URL", wm.baseUrl(),
                "PCSH_ACCESS_TOKEN", "full-disk-token"));
    Path err = home.resolve("err.txt");
    Process p =
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(home.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS))
        .as("hang guard: pcsh ends within 90 s (it takes a second or two)")
        .isTrue();
    String stderr = Files.readString(err);

    assertThat(p.exitValue()).as(stderr).isEqualTo(1);
    assertThat(stderr)
        .contains(
            "The write journal " + home.resolve("journal.jsonl"),
            "could not be written",
            "NOT sent")
        .doesNotContain("Exception", "\tat ");
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .as("requests that reached the service")
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
  }
}
