package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.ApiFixture.CUSTOMER;
import static pcsh.ApiFixture.received;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api} writes: refused without a terminal and without --yes, journalled with their
 * MS-RequestId, method and path before they are sent, never sent twice, read back when their answer
 * is lost on a path pcsh knows and "unknown outcome" where it does not; --dry-run sends nothing.
 * And the token never appears in anything printed.
 */
class ApiWritesTest {

  static final String PATH = "/v1/customers/" + CUSTOMER + "/qualifications";

  static final WireMockServer wm = ApiFixture.partnerCenter();
  static final WireMockServer graph = ApiFixture.graph();

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = ApiFixture.pcsh();
  }

  @BeforeEach
  void reset() throws Exception {
    ApiFixture.reset();
    Files.deleteIfExists(pcsh.home().resolve("journal.jsonl"));
  }

  @Test
  void withoutATerminalAndWithoutYesAWriteIsRefusedAndNothingIsSent() throws Exception {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      InProcessPcsh.Run r = pcsh.run("api", method, "/v1/servicerequests/42", "-f", "a=b");

      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(r.err())
          .contains("Not sending the " + method + " without confirmation")
          .contains("Next: add --yes to confirm, or --dry-run");
    }
    assertThat(received(wm)).isEmpty();
    assertThat(pcsh.home().resolve("journal.jsonl")).doesNotExist();
  }

  @Test
  void aWriteIsJournalledWithItsRequestIdMethodAndPathAndItsOutcome() throws Exception {
    wm.stubFor(
        any(anyUrl())
            .willReturn(okJson("{\"qualification\":\"StateOwnedEntity\"}").withStatus(201)));

    InProcessPcsh.Run r =
        pcsh.run("api", "POST", PATH, "-f", "qualification=StateOwnedEntity", "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    String requestId = ApiFixture.only(wm).getHeader("MS-RequestId");
    List<JsonNode> lines = journal();
    assertThat(lines).hasSize(2);
    JsonNode intent = lines.get(0);
    assertThat(intent.get("event").asText()).isEqualTo("intent");
    assertThat(intent.get("source").asText()).isEqualTo("api");
    assertThat(intent.get("requestId").asText()).isEqualTo(requestId);
    assertThat(intent.get("method").asText()).isEqualTo("POST");
    assertThat(intent.get("path").asText()).isEqualTo(PATH);
    assertThat(intent.get("customerId").asText()).isEqualTo(CUSTOMER);
    assertThat(intent.get("body").asText()).isEqualTo("{\"qualification\":\"StateOwnedEntity\"}");
    assertThat(lines.get(1).get("result").asText()).isEqualTo("APPLIED");
    assertThat(lines.get(1).get("after").asText()).isEqualTo("HTTP 201");

    InProcessPcsh.Run journal = pcsh.run("journal");
    assertThat(journal.out())
        .contains(CUSTOMER + "  api POST " + PATH)
        .contains("APPLIED")
        .contains(requestId);
  }

  @Test
  void aWriteWhoseAnswerIsLostIsReadBackNotSentAgain() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo("/v1/servicerequests/42")).willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        get(urlPathEqualTo("/v1/servicerequests/42"))
            .willReturn(okJson("{\"id\":\"42\",\"status\":\"closed\",\"title\":\"t\"}")));

    InProcessPcsh.Run r =
        pcsh.run("api", "PATCH", "/v1/servicerequests/42", "-f", "status=closed", "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("The PATCH /v1/servicerequests/42 got HTTP 503")
        .contains("reading it back shows it took effect");
    assertThat(received(wm))
        .extracting(q -> q.getMethod().getName())
        .containsExactly("PATCH", "GET");
    assertThat(journal().get(1).get("result").asText()).isEqualTo("APPLIED_AFTER_NO_ANSWER");
  }

  @Test
  void aLostAnswerOnAPathPcshCannotReadBackIsAnUnknownOutcome() throws Exception {
    wm.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));

    InProcessPcsh.Run r = pcsh.run("api", "POST", "/v1/carts/7/checkout", "--yes");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("<html>bad gateway</html>\n");
    assertThat(r.err())
        .contains("The POST /v1/carts/7/checkout got HTTP 502")
        .contains("the journal says unknown outcome")
        .contains("MS-RequestId:");
    assertThat(received(wm)).hasSize(1);
    assertThat(journal().get(1).get("result").asText()).isEqualTo("UNKNOWN_OUTCOME");
    assertThat(pcsh.run("journal").out())
        .contains("api POST /v1/carts/7/checkout", "unknown outcome");
  }

  @Test
  void aDryRunPrintsTheRequestAsCurlRedactedAndSendsNothing() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "PUT",
            "/v1/customers/{customer}/qualification?code=448812",
            "--customer",
            CUSTOMER,
            "-F",
            "validationCode=448812",
            "-H",
            "X-Locale: en-US",
            "--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith(
            "curl -X PUT '"
                + wm.baseUrl()
                + "/v1/customers/"
                + CUSTOMER
                + "/qualification?code=[REDACTED]'")
        .contains("-H \"Authorization: Bearer $PCSH_ACCESS_TOKEN\"")
        .contains("-H 'X-Locale: en-US'")
        .contains("-H 'MS-RequestId: ")
        .contains("--data '{\"validationCode\":\"[REDACTED]\"}'")
        .doesNotContain("448812", ApiFixture.TOKEN);
    assertThat(r.err()).contains("Dry run: nothing was sent.");
    assertThat(received(wm)).isEmpty();
    assertThat(pcsh.home().resolve("journal.jsonl")).doesNotExist();
  }

  @Test
  void theTokensNeverAppearInWhatIsPrintedEvenWhenTheServiceEchoesThem() throws Exception {
    String echo =
        "{\"authorization\":\"Bearer "
            + ApiFixture.TOKEN
            + "\",\"seen\":\""
            + ApiFixture.TOKEN
            + "\",\"graph\":\""
            + ApiFixture.GRAPH_TOKEN
            + "\"}";
    wm.stubFor(any(anyUrl()).willReturn(okJson(echo).withHeader("X-Echo", ApiFixture.TOKEN)));
    graph.stubFor(any(anyUrl()).willReturn(okJson(echo)));
    List<InProcessPcsh.Run> runs = new ArrayList<>();

    // a token from PCSH_*_ACCESS_TOKEN is known to the redactor from the start, one from a sign-in
    // once it is sent; here the tokens come as settings, so each is sent once first
    wm.stubFor(get(urlPathEqualTo("/v1/first")).willReturn(okJson("{}")));
    graph.stubFor(get(urlPathEqualTo("/v1.0/first")).willReturn(okJson("{}")));
    pcsh.run("api", "/v1/first");
    pcsh.run("api", "--graph", "/v1.0/first");
    runs.add(pcsh.run("api", "/v1/echo", "-i"));
    runs.add(pcsh.run("api", "--graph", "/v1.0/echo", "-i", "-o", "json"));
    runs.add(pcsh.run("api", "/v1/echo", "-o", "yaml"));
    runs.add(pcsh.run("api", "POST", "/v1/echo", "-f", "a=b", "--dry-run"));
    runs.add(pcsh.run("api", "--graph", "POST", "/v1.0/echo", "-f", "a=b", "--dry-run"));
    runs.add(pcsh.run("debug", "on"));
    runs.add(pcsh.run("show-request", "on"));
    runs.add(pcsh.run("api", "POST", "/v1/echo", "-f", "a=b", "--yes"));
    runs.add(pcsh.run("debug", "off"));
    runs.add(pcsh.run("show-request", "off"));
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(echo)));
    runs.add(pcsh.run("api", "/v1/echo"));
    runs.add(pcsh.run("last-error", "--verbose"));

    assertThat(received(wm).get(1).getHeader("Authorization"))
        .isEqualTo("Bearer " + ApiFixture.TOKEN);
    for (InProcessPcsh.Run r : runs) {
      assertThat(r.out() + r.err())
          .as(r.toString())
          .doesNotContain(ApiFixture.TOKEN, ApiFixture.GRAPH_TOKEN);
    }
    assertThat(runs.get(0).out()).contains("\"seen\" : \"[REDACTED]\"");
    assertThat(Files.readString(pcsh.home().resolve("journal.jsonl")))
        .doesNotContain(ApiFixture.TOKEN);
  }

  private static List<JsonNode> journal() throws Exception {
    Path file = pcsh.home().resolve("journal.jsonl");
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) out.add(new ObjectMapper().readTree(line));
    return out;
  }
}
