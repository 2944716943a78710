package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, one process per command as a user's shell starts it: arguments with quotes,
 * apostrophes, backslashes and leading dashes reach Partner Center as typed; help and version exit
 * 0; pcsh makes its home under $HOME, readable by its owner only.
 */
class OneShotQuotingIT {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  @Test
  void quotesApostrophesBackslashesAndDashesReachTheServiceAsTyped() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"totalCount\":0,\"items\":[]}")));
    Pcsh pcsh =
        new Pcsh(
            home, Map.of("PCSH_BASE_URL", wm.baseUrl(), "PCSH_ACCESS_TOKEN", "token-for-tests"));
    List<List<String>> runs =
        List.of(
            List.of("--name", "say \"hi\""),
            List.of("--name", "O'Brien"),
            List.of("--name", "back\\slash $HOME #1; ok"),
            List.of("--name", "-x"),
            List.of("--name=-x"),
            List.of("--domain", "日本.example"));
    for (List<String> options : runs) {
      wm.resetRequests();
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of("customers", "list"), options.stream())
              .toArray(String[]::new);
      Pcsh.Run r = pcsh.run(args);

      assertThat(r.exit()).as(r.toString()).isZero();
      String value =
          options.size() == 2 ? options.get(1) : options.get(0).substring("--name=".length());
      JsonNode filter =
          new ObjectMapper()
              .readTree(
                  wm.getAllServeEvents().get(0).getRequest().queryParameter("filter").firstValue());
      assertThat(filter.get("Value").asText()).as(String.join(" ", args)).isEqualTo(value);
    }
  }

  @Test
  void helpAndVersionExitZeroAndPcshMakesItsHomeForItsOwnerOnly() throws Exception {
    Pcsh pcsh = new Pcsh(home, Map.of("PCSH_HOME", "", "HOME", home.toString()));

    Pcsh.Run help = pcsh.run("qualify", "gcc", "--help");
    Pcsh.Run version = pcsh.run("--version");
    Pcsh.Run json = pcsh.run("--version", "--output", "json");

    assertThat(help.exit()).as(help.toString()).isZero();
    assertThat(help.out()).contains("USAGE", "--code VALIDATION-ID", "EXAMPLES");
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.out())
        .startsWith("pcsh 0.1.0-SNAPSHOT")
        .containsPattern("Commit: +[0-9a-f]{7,} \\(")
        .containsPattern("Built: +20[0-9]{2}-")
        .contains("Base URL:     embedded (the emulator)");
    JsonNode v = new ObjectMapper().readTree(json.out());
    assertThat(v.get("commit").asText()).matches("[0-9a-f]{7,}");
    // the checkout this was built in, a worktree too (not the main checkout's HEAD)
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes()).strip();
    if (git.waitFor() == 0) assertThat(head).startsWith(v.get("commit").asText());
    assertThat(v.get("jline").asText()).isEqualTo("3.30.6");
    Path pcshHome = home.resolve(".pcsh");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pcshHome)))
        .isEqualTo("rwx------");
  }
}
