package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcsh.qualification.WriteJournal;
import pcsh.shell.ErrorReport;

/**
 * Requests as the shell sends them: a throttled or failing read is retried, boundedly, with one
 * MS-RequestId; a write is sent once even when the service is busy; Ctrl-C interrupts a running
 * request and reports it as cancelled.
 */
class RequestRetryTest extends SupportFixture {

  @Test
  void aThrottledReadWaitsRetryAfterThenRetriesWithTheSameRequestId() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"))
            .willSetStateTo("503"));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs("503")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(customer())));

    assertThat(client.customer(ID).companyName()).isEqualTo("Fabrikam");

    List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)));
    assertThat(sent).hasSize(3);
    assertThat(sent.stream().map(r -> r.getHeader("MS-RequestId")).distinct()).hasSize(1);
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
    assertThat(exchanges.recent()).extracting(e -> e.status()).containsExactly(429, 503, 200);
  }

  @Test
  void readRetriesAreBoundedAndTheFailureCarriesItsIds() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("MS-CorrelationId", "corr-1")
                    .withBody("{\"code\":800003,\"description\":\"Unexpected\"}")));

    assertThatThrownBy(() -> client.customer(ID))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.text())
                  .contains(
                      "HTTP 500",
                      "800003",
                      "MS-CorrelationId: corr-1",
                      "MS-RequestId:",
                      "Time (UTC):",
                      "Next:");
            });
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)))).hasSize(4);
  }

  @Test
  void aWriteIsSentOnceEvenWhenTheServiceIsBusyAndReadBackToTellWhetherItTookEffect() {
    wm.stubFor(get(urlPathEqualTo("/v1/customers/" + ID)).willReturn(okJson(customer())));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualification"))
            .willReturn(okJson("\"None\"")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualifications")).willReturn(okJson("[]")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> qualification().soe(ID, true, false, null, null))
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("did NOT take effect");

    assertThat(
            wm.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))))
        .hasSize(1);
    // a 5xx says nothing about what the service behind a gateway did: read back, before and after
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))))
        .hasSize(2);
    WriteJournal.Entry e = journal.entries().get(0);
    assertThat(e.result()).isEqualTo("NOT_APPLIED_AFTER_NO_ANSWER");
    assertThat(e.requestId())
        .isEqualTo(
            wm.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + ID + "/qualifications")))
                .get(0)
                .getHeader("MS-RequestId"));
  }

  @Test
  void ctrlCInterruptsARunningRequestAndReportsItAsCancelled() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            // far longer than the test waits: the command ends only if the interrupt stops it
            .willReturn(okJson(customer()).withFixedDelay(120_000)));
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread command =
        new Thread(
            () -> {
              try {
                client.customer(ID);
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    command.start();
    pcsh.HangGuard.await("the request reaches the server")
        .until(() -> !wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID))).isEmpty());
    command.interrupt(); // what Spring Shell does on Ctrl-C
    command.join(pcsh.HangGuard.LIMIT.toMillis());

    assertThat(command.isAlive()).as("hang guard: the interrupted command has ended").isFalse();
    assertThat(failure.get())
        .isInstanceOfSatisfying(
            pcsh.api.PartnerCenterException.class,
            e -> assertThat(e.kind()).isEqualTo(pcsh.api.PartnerCenterException.Kind.CANCELLED));
    assertThat(ErrorReport.of(failure.get()).text()).contains("cancelled", "MS-RequestId");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)))).hasSize(1);
  }
}
