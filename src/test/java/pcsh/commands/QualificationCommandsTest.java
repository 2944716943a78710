package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * Qualification commands against a WireMock service that misbehaves in ways the emulator does not.
 */
class QualificationCommandsTest {

  static final String ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String QUALIFICATION = "/v1/customers/" + ID + "/qualification";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private CommandsFixture fixture;
  private QualificationCommands commands;

  @BeforeEach
  void setUp() throws Exception {
    // the read timeout cuts short the write that never answers in time (below), and is long enough
    // for every other answer even on a busy machine
    fixture = new CommandsFixture(wm::baseUrl, Duration.ofSeconds(2));
    commands = fixture.qualification();
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + ID))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + ID
                        + "\",\"companyProfile\":{\"companyName\":\"Northwind Traders\"}}")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/all/validations"))
            .willReturn(
                okJson(
                    "[{\"validationId\":\"448812\",\"organizationName\":\"Fabrikam County Government\",\"maxCreates\":10,"
                        + "\"remainingCreates\":7}]")));
    wm.stubFor(get(urlEqualTo(QUALIFICATION + "s")).willReturn(okJson("[]")));
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  @Test
  void aWriteThatTimesOutButWasAppliedIsReadBackNotRepeated() {
    stubWriteThatTimesOut(true);

    String out = commands.gcc("448812", ID, true, false, null, null);

    assertThat(out).contains("reading back shows the change took effect");
    wm.verify(1, putRequestedFor(urlPathEqualTo(QUALIFICATION)));
  }

  @Test
  void aWriteThatTimesOutAndWasNotAppliedSaysItIsSafeToRetry() {
    stubWriteThatTimesOut(false);

    assertThatThrownBy(() -> commands.gcc("448812", ID, true, false, null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.FAILURE);
              assertThat(e.getMessage()).contains("did NOT take effect").contains("MS-RequestId");
              assertThat(e.nextStep()).contains("safe to run the same command again");
            });
    wm.verify(1, putRequestedFor(urlPathEqualTo(QUALIFICATION)));
  }

  @Test
  void aServiceWithoutTheLegacyApiIsReadThroughV2() {
    wm.stubFor(get(urlEqualTo(QUALIFICATION)).willReturn(aResponse().withStatus(404)));
    // nor the audit log: qualification show then says nothing of a last change
    wm.stubFor(get(urlPathEqualTo("/v1/auditrecords")).willReturn(aResponse().withStatus(403)));
    wm.stubFor(
        get(urlEqualTo(QUALIFICATION + "s"))
            .willReturn(okJson("[{\"qualification\":\"StateOwnedEntity\"}]")));

    String out = commands.show(ID, false, null, null);

    assertThat(out)
        .contains("Qualification:  StateOwnedEntity")
        .contains("legacy qualification API is not offered")
        .doesNotContain("Last change");
  }

  private void stubWriteThatTimesOut(boolean applied) {
    wm.stubFor(
        get(urlEqualTo(QUALIFICATION))
            .inScenario("write")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("\"none\"")));
    wm.stubFor(
        put(urlEqualTo(QUALIFICATION + "?code=448812"))
            .withRequestBody(equalTo("3"))
            .inScenario("write")
            .willSetStateTo("written")
            // far past the read timeout: the client must give up on it, however slow the machine
            .willReturn(okJson("\"government_community_cloud\"").withFixedDelay(60_000)));
    wm.stubFor(
        get(urlEqualTo(QUALIFICATION))
            .inScenario("write")
            .whenScenarioStateIs("written")
            .willReturn(okJson(applied ? "\"government_community_cloud\"" : "\"none\"")));
  }
}
