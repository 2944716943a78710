package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.ApiFixture.received;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api --paginate}: Partner Center's pages followed through {@code links.next} with its
 * {@code MS-ContinuationToken} header and {@code seekOperation=Next}, Graph's through {@code
 * @odata.nextLink}; the items of every page printed as one list; a failing page or a link to
 * another origin ends the list printed so far and is reported.
 */
class ApiPagingTest {

  static final WireMockServer wm = ApiFixture.partnerCenter();
  static final WireMockServer graph = ApiFixture.graph();

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = ApiFixture.pcsh();
  }

  @BeforeEach
  void threePages() {
    ApiFixture.reset();
    wm.stubFor(
        get(urlEqualTo("/v1/customers/x/users?size=2"))
            .withHeader("MS-ContinuationToken", absent())
            .willReturn(okJson(page(List.of("u1", "u2"), "t-1"))));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/x/users?size=2&seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("t-1"))
            .willReturn(okJson(page(List.of("u3", "u4"), "t-2"))));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/x/users?size=2&seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("t-2"))
            .willReturn(okJson(page(List.of("u5"), null))));
  }

  /** A page as Partner Center sends it: its links omit /v1, the token is a header pair. */
  static String page(List<String> ids, String next) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      if (items.length() > 0) items.append(',');
      items.append("{\"id\":\"").append(id).append("\",\"state\":\"active\"}");
    }
    return "{\"totalCount\":"
        + ids.size()
        + ",\"items\":["
        + items
        + "],\"links\":{\"self\":{\"uri\":\"/customers/x/users?size=2\",\"method\":\"GET\","
        + "\"headers\":[]}"
        + (next == null
            ? ""
            : ",\"next\":{\"uri\":\"/customers/x/users?size=2&seekOperation=Next\",\"method\":"
                + "\"GET\",\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\""
                + next
                + "\"}]}")
        + "},\"attributes\":{\"objectType\":\"Collection\"}}";
  }

  @Test
  void threePagesAreFollowedWithTheirContinuationTokensAndPrintedAsOneArray() throws Exception {
    InProcessPcsh.Run r = pcsh.run("api", "--paginate", "/v1/customers/x/users", "-f", "size=2");

    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode array = new ObjectMapper().readTree(r.out());
    List<String> ids = new ArrayList<>();
    array.forEach(u -> ids.add(u.get("id").asText()));
    assertThat(ids).containsExactly("u1", "u2", "u3", "u4", "u5");
    List<LoggedRequest> sent = received(wm);
    assertThat(sent).extracting(LoggedRequest::getUrl).hasSize(3);
    assertThat(sent)
        .extracting(q -> q.getHeader("MS-ContinuationToken"))
        .containsExactly(null, "t-1", "t-2");
    sent.forEach(ApiFixture::hasPcshHeaders);
  }

  @Test
  void theItemsOfEveryPageMakeOneTableOneCsvAndOneCompactArray() throws Exception {
    assertThat(pcsh.run("api", "--paginate", "/v1/customers/x/users?size=2", "-o", "table").out())
        .isEqualTo("ID  STATE\nu1  active\nu2  active\nu3  active\nu4  active\nu5  active\n");
    assertThat(pcsh.run("api", "--paginate", "/v1/customers/x/users?size=2", "-o", "csv").out())
        .isEqualTo("id,state\nu1,active\nu2,active\nu3,active\nu4,active\nu5,active\n");
    assertThat(pcsh.run("api", "--paginate", "/v1/customers/x/users?size=2", "-o", "json").out())
        .isEqualTo(
            "[{\"id\":\"u1\",\"state\":\"active\"},{\"id\":\"u2\",\"state\":\"active\"},"
                + "{\"id\":\"u3\",\"state\":\"active\"},{\"id\":\"u4\",\"state\":\"active\"},"
                + "{\"id\":\"u5\",\"state\":\"active\"}]\n");
    assertThat(
            pcsh.run("api", "--paginate", "/v1/customers/x/users?size=2", "--query", "[].id").out())
        .isEqualTo("[ \"u1\", \"u2\", \"u3\", \"u4\", \"u5\" ]\n");
  }

  @Test
  void aPageWithOnlyAContinuationTokenGetsTheSdksSeekRequest() throws Exception {
    wm.resetAll();
    wm.stubFor(
        get(urlEqualTo("/v1/auditrecords?size=1"))
            .willReturn(okJson("{\"items\":[{\"id\":\"a1\"}],\"continuationToken\":\"c-1\"}")));
    wm.stubFor(
        get(urlEqualTo("/v1/auditrecords?seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("c-1"))
            .willReturn(okJson("{\"items\":[{\"id\":\"a2\"}]}")));

    InProcessPcsh.Run r = pcsh.run("api", "--paginate", "/v1/auditrecords?size=1", "-o", "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("id\na1\na2\n");
  }

  @Test
  void aFailingPageEndsTheArrayAndIsReported() throws Exception {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/x/users?size=2&seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("t-2"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"code\":1002,\"description\":\"Authorization Failed\"}")));

    InProcessPcsh.Run r = pcsh.run("api", "--paginate", "/v1/customers/x/users?size=2");

    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(new ObjectMapper().readTree(r.out())).hasSize(4);
    assertThat(r.err()).contains("HTTP 403", "Partner Center error 1002: Authorization Failed");
  }

  @Test
  void aNextLinkToAnotherOriginStopsTheListingAndNothingIsSentThere() throws Exception {
    wm.resetAll();
    String elsewhere = graph.baseUrl(); // another server, another port
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .willReturn(
                okJson(
                    "{\"items\":[{\"id\":\"c1\"}],\"links\":{\"next\":{\"uri\":\""
                        + elsewhere
                        + "/v1/customers?seekOperation=Next\",\"headers\":[]}}}")));

    InProcessPcsh.Run r = pcsh.run("api", "--paginate", "/v1/customers", "-o", "csv");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("id\nc1\n");
    assertThat(r.err()).contains("The next page's link points at", "nothing was sent there");
    assertThat(received(graph)).isEmpty();
  }

  @Test
  void graphsPagesFollowItsNextLinkWithTheGraphToken() throws Exception {
    String path = "/v1.0/tenantRelationships/delegatedAdminRelationships";
    graph.stubFor(
        get(urlEqualTo(path + "?$top=1"))
            .willReturn(
                okJson(
                    "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"r1\"}],\"@odata.nextLink\":\""
                        + graph.baseUrl()
                        + path
                        + "?$top=1&$skiptoken=s2\"}")));
    graph.stubFor(
        get(urlEqualTo(path + "?$top=1&$skiptoken=s2"))
            .willReturn(okJson("{\"@odata.context\":\"x\",\"value\":[{\"id\":\"r2\"}]}")));

    InProcessPcsh.Run r =
        pcsh.run("api", "--graph", "--paginate", path, "-F", "$top=1", "-o", "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("id\nr1\nr2\n");
    assertThat(received(graph))
        .allSatisfy(
            q -> {
              assertThat(q.getHeader("Authorization"))
                  .isEqualTo("Bearer " + ApiFixture.GRAPH_TOKEN);
              assertThat(q.getHeader("client-request-id")).matches(ApiFixture.GUID);
              assertThat(q.getHeader("MS-RequestId")).isNull();
            });
    assertThat(received(wm)).isEmpty();
  }

  @Test
  void aPaginatedAnswerThatIsNoCollectionIsPrintedAsItIs() throws Exception {
    wm.stubFor(
        any(urlPathEqualTo("/v1/profiles/organization")).willReturn(okJson("{\"id\":\"p\"}")));

    InProcessPcsh.Run r = pcsh.run("api", "--paginate", "/v1/profiles/organization");

    assertThat(r.out()).isEqualTo("{\n  \"id\" : \"p\"\n}\n");
    assertThat(received(wm)).hasSize(1);
  }
}
