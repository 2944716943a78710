package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.ApiFixture.only;
import static pcsh.ApiFixture.received;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code api} when the service says no: the body still goes to stdout, the usual report (status,
 * ApiFault code and description or ProblemDetails title and detail, the ids, the next step) to
 * stderr, and the exit code of the existing mapping; a read is retried on 429 as every read is.
 */
class ApiFailuresTest {

  static final String FAULT =
      "{\"code\":1000,\"description\":\"Resource not found\",\"data\":[],\"source\":\"PartnerFD\"}";

  static final WireMockServer wm = ApiFixture.partnerCenter();
  static final WireMockServer graph = ApiFixture.graph();

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = ApiFixture.pcsh();
  }

  @BeforeEach
  void reset() {
    ApiFixture.reset();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(404, 3, "1000"),
        Arguments.of(401, 4, "800001"),
        Arguments.of(403, 4, "1002"),
        Arguments.of(400, 5, "3000"),
        Arguments.of(409, 5, "3000"),
        Arguments.of(500, 1, "800003"));
  }

  @ParameterizedTest(name = "HTTP {0}: exit {1}")
  @MethodSource("statuses")
  void anApiFaultsBodyGoesToStdoutAndTheReportToStderrWithTheExitCodeOfItsStatus(
      int status, int exit, String code) throws Exception {
    String body = "{\"code\":" + code + ",\"description\":\"Refused for the test\",\"data\":[]}";
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("MS-CorrelationId", "c0ffee00-0000-4000-8000-000000000001")
                    .withBody(body)));

    InProcessPcsh.Run r = pcsh.run("api", "/v1/servicerequests/42");

    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    assertThat(r.out()).contains("\"description\" : \"Refused for the test\"");
    String requestId = received(wm).get(0).getHeader("MS-RequestId");
    assertThat(r.err())
        .startsWith(
            "Error: GET " + wm.baseUrl() + "/v1/servicerequests/42 failed with HTTP " + status)
        .contains("Partner Center error " + code + ": Refused for the test")
        .contains("MS-CorrelationId: c0ffee00-0000-4000-8000-000000000001")
        .contains("MS-RequestId:     " + requestId)
        .contains("  Next: ");
    // a 500 is retried as every read (twice in all here), with the same MS-RequestId
    assertThat(received(wm)).hasSize(status == 500 ? 2 : 1);
    assertThat(received(wm)).allMatch(q -> requestId.equals(q.getHeader("MS-RequestId")));
  }

  @Test
  void aProblemDetailsAnswerIsReportedByItsTitleAndDetail() throws Exception {
    wm.stubFor(
        patch(urlPathEqualTo("/v1/servicerequests/42"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\","
                            + "\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                            + "\"detail\":\"The status 'reopened' is not valid.\","
                            + "\"traceId\":\"00-4bf92f3577b34da6-01\"}")));

    InProcessPcsh.Run r =
        pcsh.run("api", "PATCH", "/v1/servicerequests/42", "-f", "status=reopened", "--yes");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).contains("\"title\" : \"One or more validation errors occurred.\"");
    assertThat(r.err())
        .contains(
            "Partner Center error (no code): One or more validation errors occurred.: The status"
                + " 'reopened' is not valid. (traceId 00-4bf92f3577b34da6-01)");
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void aThrottledReadIsSentAgainAfterRetryAfterWithTheSameRequestId() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"))
            .willSetStateTo("open"));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"items\":[]}")));

    InProcessPcsh.Run r = pcsh.run("api", "/v1/customers");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(received(wm)).hasSize(2);
    assertThat(received(wm).get(1).getHeader("MS-RequestId"))
        .isEqualTo(received(wm).get(0).getHeader("MS-RequestId"));
  }

  @Test
  void aThrottledWriteIsNotSentAgain() throws Exception {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}")));

    InProcessPcsh.Run r =
        pcsh.run("api", "POST", "/v1/customers/" + ApiFixture.CUSTOMER + "/orders", "--yes");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("HTTP 429", "Rate limit is exceeded.");
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void aUrlOnAnotherOriginIsRefusedAndTheServerThereReceivesNothing() throws Exception {
    WireMockServer elsewhere = graph; // a server of its own, on another port
    elsewhere.stubFor(any(anyUrl()).willReturn(okJson(FAULT)));

    InProcessPcsh.Run r = pcsh.run("api", elsewhere.baseUrl() + "/v1/customers");
    InProcessPcsh.Run write =
        pcsh.run("api", "DELETE", "http://localhost:" + elsewhere.port() + "/v1/x", "--yes");

    for (InProcessPcsh.Run run : new InProcessPcsh.Run[] {r, write}) {
      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.err())
          .contains("is not on Partner Center's base URL (" + wm.baseUrl() + ")")
          .contains("pcsh sends the token to that origin only, so nothing was sent")
          .contains("Next: ");
      assertThat(run.out()).isEmpty();
    }
    assertThat(received(elsewhere)).as("what reached the other server").isEmpty();
    assertThat(received(wm)).isEmpty();
  }

  @Test
  void aGraphErrorIsReportedWithGraphsIds() throws Exception {
    graph.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("request-id", "9d1f0c2e-0000-4000-8000-0000000000aa")
                    .withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                            + "\"Insufficient privileges to complete the operation.\"}}")));

    InProcessPcsh.Run r = pcsh.run("api", "--graph", "/v1.0/me/transitiveMemberOf");

    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(r.out()).contains("Authorization_RequestDenied");
    LoggedRequest sent = only(graph);
    assertThat(sent.getUrl()).isEqualTo("/v1.0/me/transitiveMemberOf");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + ApiFixture.GRAPH_TOKEN);
    assertThat(r.err())
        .contains("Microsoft Graph: GET " + graph.baseUrl() + "/v1.0/me/transitiveMemberOf")
        .contains("Graph error Authorization_RequestDenied")
        .contains("request-id:        9d1f0c2e-0000-4000-8000-0000000000aa")
        .contains("client-request-id: " + sent.getHeader("client-request-id"));
    assertThat(received(wm)).isEmpty();
  }
}
