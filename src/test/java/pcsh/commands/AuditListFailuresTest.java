package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * `audit list` against a service that pages and fails as the real one may: output streams page by
 * page, a failure on a later page leaves a valid document, and each failure is reported with its
 * ids and exit code.
 */
class AuditListFailuresTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger requests = new AtomicInteger();
  private volatile int requestsAtFirstWrite = -1;
  private ByteArrayOutputStream output;
  private CommandsFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    output =
        new ByteArrayOutputStream() {
          @Override
          public synchronized void write(byte[] b, int off, int len) {
            if (len > 0 && requestsAtFirstWrite < 0) requestsAtFirstWrite = requests.get();
            super.write(b, off, len);
          }
        };
    fixture = new CommandsFixture(wm::baseUrl, output);
    fixture.exchanges.listen(e -> requests.incrementAndGet());
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  @Test
  void a503OnPageThreeOfFiveLeavesAValidJsonArrayOfWhatCameBefore() throws Exception {
    stubPages(5, 3, 2);

    assertThatThrownBy(() -> list("1d", false, "json"))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
              assertThat(r.text())
                  .contains("/v1/auditrecords failed with HTTP 503")
                  .contains("MS-CorrelationId: ")
                  .contains("MS-RequestId:     ");
            });

    JsonNode printed = JSON.readTree(output.toString(UTF_8));
    assertThat(printed)
        .extracting(n -> n.path("id").asText())
        .containsExactly("p1-r1", "p1-r2", "p2-r1", "p2-r2");
    assertThat(requestsAtFirstWrite)
        .as("the first page was printed before the second was asked for")
        .isEqualTo(1);
    wm.verify(
        getRequestedFor(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("page", equalTo("3"))
            .withHeader("MS-ContinuationToken", equalTo("token-3")));
  }

  @Test
  void everyPageIsReadWithAllAndTheTableStreams() {
    stubPages(5, 0, 2);

    assertThat(list("1d", true, "table")).isNull();

    List<String> lines = output.toString(UTF_8).lines().toList();
    assertThat(lines).hasSize(11);
    assertThat(lines.get(10)).contains("teleport_customer", "starship_user@contoso.example");
    assertThat(requestsAtFirstWrite).isEqualTo(1);
  }

  @Test
  void withoutAllTheNewestHundredArePrintedAndNoMoreIsAskedFor() {
    stubPages(3, 0, 60);

    list("1d", false, null);

    List<String> lines = output.toString(UTF_8).lines().toList();
    assertThat(lines.stream().filter(l -> l.contains("teleport_customer"))).hasSize(100);
    assertThat(lines.get(lines.size() - 1)).contains("Showing the newest 100 records", "--all");
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  void aRangeRefusedWith400IsARefusalWithTheIds() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":800002,\"description\":\"startDate is out of range\"}")));

    assertThatThrownBy(() -> list("30d", false, "json"))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
              assertThat(r.text())
                  .contains("Partner Center refused the audit records of " + TODAY.minusDays(29))
                  .contains("HTTP 400): startDate is out of range")
                  .contains("MS-RequestId:     ")
                  .contains("Next: the audit log keeps 90 days");
            });
    assertThat(output.toString(UTF_8).strip()).isEqualTo("[ ]");
  }

  @ParameterizedTest(name = "HTTP {0} gives exit {1}")
  @CsvSource({"401, 4", "403, 4", "429, 1", "500, 1"})
  void serviceFailuresKeepTheirIdsAndExitCodes(int status, int exit) {
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "30")
                    .withBody("{\"code\":1002,\"description\":\"Authorization Failed\"}")));

    assertThatThrownBy(() -> list("7d", false, null))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode().code()).isEqualTo(exit);
              assertThat(r.text())
                  .contains("HTTP " + status, "MS-CorrelationId: ", "MS-RequestId:     ");
            });
  }

  private String list(String since, boolean all, String output) {
    return fixture.audit().list(null, since, null, null, null, null, all, output, null);
  }

  /**
   * {@code pages} pages of {@code perPage} records for today, linked by next links; page {@code
   * failing} (0: none) answers 503.
   */
  private static void stubPages(int pages, int failing, int perPage) {
    for (int p = 1; p <= pages; p++) {
      List<String> items = new ArrayList<>();
      for (int i = 1; i <= perPage; i++) {
        items.add(
            "{\"id\":\"p"
                + p
                + "-r"
                + i
                + "\",\"operationType\":\"teleport_customer\",\"resourceType\":\"starship\","
                + "\"operationStatus\":\"succeeded\",\"userPrincipalName\":\"starship_user@contoso.example\","
                + "\"operationDate\":\""
                + Instant.now().minusSeconds(p * 1000L + i)
                + "\"}");
      }
      String next =
          p == pages
              ? ""
              : ",\"links\":{\"next\":{\"uri\":\"/auditrecords?page="
                  + (p + 1)
                  + "\",\"method\":\"GET\",\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"token-"
                  + (p + 1)
                  + "\"}]}}";
      var request =
          p == 1
              ? get(urlPathEqualTo("/v1/auditrecords"))
                  .withQueryParam("startDate", equalTo(TODAY.toString()))
                  .withQueryParam("endDate", equalTo(TODAY.toString()))
                  .withQueryParam("size", equalTo("500"))
              : get(urlPathEqualTo("/v1/auditrecords"))
                  .withQueryParam("page", equalTo(Integer.toString(p)))
                  .withHeader("MS-ContinuationToken", equalTo("token-" + p));
      wm.stubFor(
          request.willReturn(
              p == failing
                  ? aResponse()
                      .withStatus(503)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"code\":800003,\"description\":\"The service is busy\"}")
                  : okJson("{\"items\":[" + String.join(",", items) + "]" + next + "}")));
    }
  }
}
