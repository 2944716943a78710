package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.shell.ErrorReport;
import pcsh.shell.SecretFilteringHistory;

/**
 * Nothing leaks: a canary access token, refresh token and client secret through a whole session
 * with debug on, searched for in every output and file; the transcript, journal and support bundle
 * readable by their owner only; the emulator reachable on loopback only.
 */
class SupportSecretsTest extends SupportFixture {

  @Test
  void canarySecretsNeverAppearInAnyOutputOrFile() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String echo =
        "{\"code\":800003,\"description\":\"token "
            + CANARY_TOKEN
            + " and Bearer "
            + CANARY_TOKEN
            + " refused\",\"refresh_token\":\""
            + CANARY_REFRESH
            + "\",\"client_secret\":\""
            + CANARY_SECRET
            + "\",\"validationCode\":\"448812\"}";
    List<String> printed = new ArrayList<>();
    try {
      transcript.start("test session");
      new SecretFilteringHistory(home.resolve("history/pcsh_history"), transcript::command)
          .add(Instant.now(), "login --refresh-token " + CANARY_REFRESH);
      SupportCommands support = support();
      printed.add(support.debug("on"));
      printed.add(support.showRequest("on"));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID))
              .willReturn(okJson(customer()).withHeader("Set-Cookie", "session=" + CANARY_SECRET)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID + "/qualification"))
              .willReturn(aResponse().withStatus(400).withBody(echo)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))
              .willReturn(aResponse().withStatus(400).withBody(echo)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/all/validations"))
              .willReturn(
                  okJson(
                      "[{\"validationId\":\""
                          + "448812\",\"organizationName\":\"x\",\"refreshToken\":\""
                          + CANARY_REFRESH
                          + "\"}]")));
      printed.add(client.customer(ID).companyName());
      transcript.command("qualification show --customer " + ID);
      try {
        qualification().show(ID, false, null, null);
      } catch (RuntimeException e) {
        ErrorReport r = ErrorReport.of(e);
        failures.record(r, e);
        printed.add(r.text());
      }
      client.validationCodes();
      printed.add(support.lastError(true));
      printed.add(support.sessionsShow(null));
      printed.add(support.sessionsList());
      printed.add(support.bundle(null, home.resolve("bundle.txt").toString()));
      printed.add(support.journal("10"));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(String.join("\n", printed)).contains("Authorization: [REDACTED]", "MS-RequestId");
    Written written = Written.of(printed, home, screen, stdout, stderr);
    assertThat(written.fileNames())
        .contains("bundle.txt", transcript.file().getFileName().toString());
    List<String> outputs = written.texts();
    for (String o : outputs) {
      assertThat(o).doesNotContain(CANARY_TOKEN, CANARY_REFRESH, CANARY_SECRET);
    }
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains("curl -X GET", "$PCSH_ACCESS_TOKEN", "< 400", "[REDACTED]");
    assertThat(Files.readString(home.resolve("bundle.txt")))
        .contains("MS-RequestId", "Last error", "qualification show");
    assertThat(Files.readString(transcript.file()))
        .contains(
            "> qualification show",
            "GET /v1/customers/" + ID,
            "! error",
            "(a line that looked as if it held a secret; not recorded)");
  }

  @Test
  void transcriptJournalAndBundleAreOwnerOnly() throws Exception {
    transcript.start("x");
    transcript.command("whoami");
    journal.intent(
        "11111111-2222-4333-8444-555555555555", ID, "StateOwnedEntity (V2 POST)", "None");
    support().bundle(null, home.resolve("b.txt").toString());
    for (Path p : List.of(transcript.file(), journal.file(), home.resolve("b.txt"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
          .as(p.toString())
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.historyDir())))
        .isEqualTo("rwx------");
  }

  @Test
  void theEmulatorListensOnLoopbackOnly() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      assertThat(emulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
      for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        for (var addr : java.util.Collections.list(nic.getInetAddresses())) {
          if (addr.isLoopbackAddress() || !(addr instanceof java.net.Inet4Address)) continue;
          try (java.net.Socket s = new java.net.Socket()) {
            assertThatThrownBy(
                    () -> s.connect(new java.net.InetSocketAddress(addr, emulator.port()), 500))
                .as("connect via " + addr)
                .isInstanceOf(java.io.IOException.class);
          }
        }
      }
    }
  }
}
