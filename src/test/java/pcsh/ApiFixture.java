package pcsh;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the {@code api} tests share: pcsh's one-shot path in this JVM pointed at a WireMock "Partner
 * Center" and a WireMock "Microsoft Graph", each with its own token, and reading what the servers
 * received.
 */
final class ApiFixture {

  static final String TOKEN = "api-test-token-5f2c9a";
  static final String GRAPH_TOKEN = "api-graph-token-81d3e0";
  static final String CUSTOMER = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private ApiFixture() {}

  private static WireMockServer partnerCenter;
  private static WireMockServer graph;
  private static InProcessPcsh pcsh;

  /** The WireMock "Partner Center" the api tests share (reset by each test). */
  static synchronized WireMockServer partnerCenter() {
    if (partnerCenter == null) partnerCenter = server();
    return partnerCenter;
  }

  /** The WireMock "Microsoft Graph" the api tests share (reset by each test). */
  static synchronized WireMockServer graph() {
    if (graph == null) graph = server();
    return graph;
  }

  private static WireMockServer server() {
    WireMockServer s = new WireMockServer(wireMockConfig().dynamicPort());
    s.start();
    Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    return s;
  }

  /**
   * One pcsh on the two servers that the api test classes share (a context takes seconds to start);
   * reads tried twice at most.
   */
  static synchronized InProcessPcsh pcsh() throws Exception {
    if (pcsh == null) {
      Path home = Files.createTempDirectory("pcsh-api");
      pcsh =
          new InProcessPcsh(
              Map.of(
                  "pcsh.base-url", partnerCenter().baseUrl(),
                  "pcsh.graph.base-url", graph().baseUrl(),
                  "PCSH_ACCESS_TOKEN", TOKEN,
                  "PCSH_GRAPH_ACCESS_TOKEN", GRAPH_TOKEN,
                  "pcsh.http.read-attempts", "2",
                  "pcsh.home", home.toString(),
                  "pcsh.history.dir", home.resolve("history").toString()));
      Runtime.getRuntime().addShutdownHook(new Thread(pcsh::close));
    }
    return pcsh;
  }

  /** Both servers with no stub and no request received. */
  static void reset() {
    partnerCenter().resetAll();
    graph().resetAll();
  }

  /** What {@code wm} received, oldest first. */
  static List<LoggedRequest> received(WireMockServer wm) {
    List<LoggedRequest> all =
        new java.util.ArrayList<>(
            wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    java.util.Collections.reverse(all);
    return all;
  }

  /** The one request {@code wm} received. */
  static LoggedRequest only(WireMockServer wm) {
    List<LoggedRequest> all = received(wm);
    assertThat(all).as("requests received").hasSize(1);
    return all.get(0);
  }

  /** pcsh's own headers on a Partner Center request, as every request carries them. */
  static void hasPcshHeaders(LoggedRequest r) {
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getHeader("MS-Contract-Version")).isEqualTo("v1");
    assertThat(r.getHeader("MS-PartnerCenter-Application")).isEqualTo("pcsh");
    assertThat(r.getHeader("MS-CorrelationId")).matches(GUID);
    assertThat(r.getHeader("MS-RequestId")).matches(GUID);
  }
}
