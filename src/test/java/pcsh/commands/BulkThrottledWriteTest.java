package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write refused with 429 was not applied: `qualify bulk` sends it again after Retry-After, same
 * MS-RequestId.
 */
class BulkThrottledWriteTest {

  static final String ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String V2 = "/v1/customers/" + ID + "/qualifications";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  @Test
  void aThrottledWriteIsResentWithTheSameRequestIdAndJournalledOnce() throws Exception {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + ID + "/qualification"))
            .willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        get(urlEqualTo(V2))
            .inScenario("w")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("[]")));
    wm.stubFor(
        post(urlEqualTo(V2))
            .inScenario("w")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("throttled")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 0 seconds.\"}")));
    wm.stubFor(
        post(urlEqualTo(V2))
            .inScenario("w")
            .whenScenarioStateIs("throttled")
            .willSetStateTo("written")
            .willReturn(okJson("{\"qualification\":\"StateOwnedEntity\"}").withStatus(201)));
    wm.stubFor(
        get(urlEqualTo(V2))
            .inScenario("w")
            .whenScenarioStateIs("written")
            .willReturn(okJson("[{\"qualification\":\"StateOwnedEntity\"}]")));
    Path dir = Files.createTempDirectory("pcsh-bulk");
    Path csv = Files.writeString(dir.resolve("in.csv"), "customer,kind\n" + ID + ",soe\n");

    try (CommandsFixture fixture = new CommandsFixture(wm::baseUrl)) {
      String out = fixture.bulk(Map.of()).bulk(csv.toString(), null, null, true, false, false);

      assertThat(out).contains("applied 1, skipped 0, failed 0");
      List<String> ids =
          wm.findAll(postRequestedFor(urlEqualTo(V2))).stream()
              .map(r -> r.getHeader("MS-RequestId"))
              .toList();
      assertThat(ids).hasSize(2).doesNotContainNull();
      assertThat(ids.get(1)).isEqualTo(ids.get(0));
      assertThat(fixture.journal.entries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.requestId()).isEqualTo(ids.get(0));
                assertThat(e.result()).isEqualTo("APPLIED");
              });
      assertThat(Files.readAllLines(dir.resolve("in.results.csv")).get(1))
          .isEqualTo("2," + ID + ",applied,StateOwnedEntity," + ids.get(0) + ",");
    }
  }
}
