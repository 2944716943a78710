package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.api.DocumentedApi.json;
import static pcsh.api.PartnerCenterClientContract.CORRELATION;
import static pcsh.api.PartnerCenterClientContract.FABRIKAM;
import static pcsh.api.PartnerCenterClientContract.WOODGROVE;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a call carries and what its failure reports, against the documented API on WireMock: its own
 * MS-RequestId and the session's MS-CorrelationId on every call, the service's request id when it
 * sends one, the id a refused connection would have carried, and nothing sent without credentials.
 */
class ClientRequestIdsTest {

  @RegisterExtension static WireMockExtension wm = DocumentedApi.wireMock();

  private PartnerCenterClient client;

  @BeforeEach
  void stubs() {
    client = DocumentedApi.client(wm);
    DocumentedApi.stub(wm);
  }

  @Test
  void everyCallGetsItsOwnRequestIdAndTheSessionsCorrelationId() {
    client.legacyQualification(FABRIKAM);
    client.legacyQualification(FABRIKAM);

    var events = wm.getAllServeEvents();
    assertThat(events.get(0).getRequest().getHeader("MS-RequestId"))
        .isNotEqualTo(events.get(1).getRequest().getHeader("MS-RequestId"));
    assertThat(events)
        .allSatisfy(
            e -> assertThat(e.getRequest().getHeader("MS-CorrelationId")).isEqualTo(CORRELATION));
  }

  @Test
  void theServicesRequestIdIsReportedWhenItSendsOne() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + WOODGROVE))
            .willReturn(
                json("{\"code\":\"20002\",\"description\":\"No relationship between caller and account.\",\"data\":[]}")
                    .withStatus(403)
                    .withHeader("MS-RequestId", "6c1f0e2a-93b4-4d7e-a1c8-5e2f9b0d7a34")));

    assertThatThrownBy(() -> client.customer(WOODGROVE))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.errorCode()).contains("20002");
              assertThat(e.requestId()).isEqualTo("6c1f0e2a-93b4-4d7e-a1c8-5e2f9b0d7a34");
              assertThat(e.url()).endsWith("/v1/customers/" + WOODGROVE);
            });
  }

  @Test
  void noCredentialsMeansNothingIsSent() {
    PartnerCenterClient signedOut =
        new PartnerCenterClient(
            wm::baseUrl,
            Optional::empty,
            () -> CORRELATION,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    assertThatThrownBy(() -> signedOut.customer(FABRIKAM)).isInstanceOf(NotSignedInException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsAFailureWithTheRequestIdItWouldHaveCarried() {
    PartnerCenterClient nowhere =
        new PartnerCenterClient(
            () -> "http://127.0.0.1:1",
            () -> Optional.of("t"),
            () -> CORRELATION,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(() -> nowhere.customer(FABRIKAM))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.CONNECTION);
              assertThat(e.correlationId()).isEqualTo(CORRELATION);
              assertThat(e.requestId()).isNotBlank();
            });
  }
}
