package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After a 401 the client asks for fresh credentials once and repeats a read; a write is never
 * repeated.
 */
class UnauthorizedRetryTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String CUSTOMER = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String PATH = "/v1/customers/" + CUSTOMER + "/qualification";

  private final AtomicReference<String> token = new AtomicReference<>("AT-1");
  private final AtomicInteger refreshes = new AtomicInteger();

  private PartnerCenterClient client(boolean canRefresh) {
    return new PartnerCenterClient(
        wm::baseUrl,
        () -> Optional.of(token.get()),
        () -> "corr",
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        () -> {
          refreshes.incrementAndGet();
          if (canRefresh) token.set("AT-2");
          return canRefresh;
        });
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unauthorized() {
    return aResponse()
        .withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":400,\"description\":\"Access denied\"}");
  }

  @Test
  void aReadThatGets401IsRepeatedOnceWithTheRefreshedToken() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(unauthorized())
            .willSetStateTo("refreshed"));
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("refreshed")
            .willReturn(okJson("\"none\"")));

    QualificationValue v = client(true).legacyQualification(CUSTOMER);

    assertThat(v).isEqualTo(QualificationValue.of("none"));
    assertThat(refreshes).hasValue(1);
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer AT-1")));
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer AT-2")));
  }

  @Test
  void aReadIsRepeatedOnlyOnceEvenIfTheSecondAttemptGets401Too() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(unauthorized()));

    assertThatThrownBy(() -> client(true).legacyQualification(CUSTOMER))
        .isInstanceOfSatisfying(
            PartnerCenterException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(refreshes).hasValue(1);
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aWriteThatGets401IsNeverRepeated() {
    wm.stubFor(any(anyUrl()).willReturn(unauthorized()));

    assertThatThrownBy(
            () -> client(true).setLegacyQualification(CUSTOMER, QualificationKind.EDUCATION, null))
        .isInstanceOfSatisfying(
            PartnerCenterException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(refreshes).hasValue(0);
    wm.verify(1, putRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void withoutNewCredentialsTheReadIsNotRepeated() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(unauthorized()));

    assertThatThrownBy(() -> client(false).legacyQualification(CUSTOMER))
        .isInstanceOf(PartnerCenterException.class);
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aRawReadIsRepeatedOnceWithTheRefreshedTokenAndARawWriteNever() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("raw")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(unauthorized())
            .willSetStateTo("refreshed"));
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("raw")
            .whenScenarioStateIs("refreshed")
            .willReturn(okJson("\"none\"")));
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.patch(anyUrl()).willReturn(unauthorized()));
    RawClient raw = client(true).raw();

    RawClient.Answer read = raw.send("GET", wm.baseUrl() + PATH, java.util.Map.of(), null, "r-1");
    RawClient.Answer write =
        raw.send("PATCH", wm.baseUrl() + PATH, java.util.Map.of(), new byte[] {'1'}, "r-2");

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.bodyText()).isEqualTo("\"none\"");
    assertThat(write.status()).isEqualTo(401);
    assertThat(refreshes).hasValue(1);
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer AT-2")));
    wm.verify(
        1, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlPathEqualTo(PATH)));
  }
}
