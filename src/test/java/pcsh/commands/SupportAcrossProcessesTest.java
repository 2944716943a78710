package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pcsh.api.Exchange;
import pcsh.session.Redactor;
import pcsh.support.LastFailure;

/**
 * What a later process shows of an earlier one's failure: {@code last-error} names the run and its
 * time and, verbose, its request and response; {@code support bundle} packs it, and takes no other
 * session's transcript unless asked.
 */
class SupportAcrossProcessesTest extends SupportFixture {

  void anEarlierRunFailed() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"code\":60003,\"description\":\"Tenant not found\"}")));
    String report;
    Exchange sent;
    try {
      client.customer(ID);
      throw new AssertionError("expected a 404");
    } catch (RuntimeException e) {
      report = pcsh.shell.ErrorReport.of(e).text();
      sent = LastFailure.exchangeOf(e, exchanges).orElseThrow();
    }
    new LastFailure(
            "one-shot run", 31337, Instant.parse("2026-11-25T10:00:00Z"), report, sent.full())
        .save(home, Redactor.shared());
  }

  @Test
  void lastErrorShowsTheFailureOfAnEarlierRunWithWhichRunAndWhen() throws Exception {
    anEarlierRunFailed();
    SupportCommands later = support();

    String brief = later.lastError(false);
    String verbose = later.lastError(true);

    assertThat(brief)
        .startsWith("Last failure, in an earlier one-shot run (pid 31337) at 2026-11-25T10:00:00Z:")
        .contains("HTTP 404", "Partner Center error 60003", "MS-RequestId:");
    assertThat(verbose)
        .contains(
            "Request and response (secrets redacted):",
            "> GET ",
            "< 404",
            "Authorization: [REDACTED]")
        .doesNotContain(CANARY_TOKEN);
  }

  @Test
  void aOneShotBundleHasTheEarlierFailureAndNoTranscriptUnlessAsked() throws Exception {
    anEarlierRunFailed();
    Path history = settings.historyDir();
    Files.createDirectories(history);
    Files.writeString(history.resolve("session-20261125-090000-1a2b.log"), "# someone's session\n");

    String said = support().bundle(null, home.resolve("b1.txt").toString());
    String b1 = Files.readString(home.resolve("b1.txt"));
    support().bundle(null, home.resolve("b2.txt").toString(), true);
    String b2 = Files.readString(home.resolve("b2.txt"));

    assertThat(said).contains("No session transcript in it:", "--latest-session");
    assertThat(b1)
        .contains(
            "(from one-shot run (pid 31337) at 2026-11-25T10:00:00Z)",
            "Partner Center error 60003",
            "< 404",
            "(no transcript: this run is not an interactive session")
        .doesNotContain("someone's session", CANARY_TOKEN);
    assertThat(b2).contains("Session:         20261125-090000-1a2b", "# someone's session");
  }

  @Test
  void withNothingKeptItSaysSo() {
    assertThat(support().lastError(true))
        .isEqualTo(
            "No failure in this session, and none kept from an earlier pcsh run ("
                + LastFailure.file(home)
                + ").");
  }
}
