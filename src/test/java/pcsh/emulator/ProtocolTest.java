package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolTest {

  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private Emulator emulator;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private HttpResponse<String> withAuthorization(String value) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/customers?size=1"));
    if (value != null) {
      b.header("Authorization", value);
    }
    return Http.send(b.GET().build());
  }

  @Test
  void aRequestWithoutABearerTokenIs401With800001AndAnOAuthChallenge() {
    HttpResponse<String> response = withAuthorization(null);

    assertThat(Http.fault(response)).isEqualTo("401/800001");
    assertThat(Http.json(response).path("description").asText())
        .isEqualTo("Partner token missing in request context");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("OAuth realm=urn:cpsvc:cpid:");
  }

  @Test
  void anEmptyBearerOrAnotherSchemeIsRefusedAndAnyNonEmptyBearerIsTheDemoPartner() {
    assertThat(withAuthorization("Bearer ").statusCode()).isEqualTo(401);
    assertThat(withAuthorization("Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    assertThat(withAuthorization("Bearer x").statusCode()).isEqualTo(200);
    assertThat(withAuthorization("bearer eyJ0eXAiOi.abc.def").statusCode()).isEqualTo(200);
  }

  @Test
  void correlationAndRequestIdsAreEchoedAndCvAndServerIdAdded() {
    HttpResponse<String> response =
        Http.send(
            http.request("/v1/customers?size=1")
                .header("MS-CorrelationId", "0d9a8b7c-6e5f-4a3b-9c2d-1e0f2a3b4c5d")
                .header("MS-RequestId", "6c1f0e2a-93b4-4d7e-a1c8-5e2f9b0d7a34")
                .GET()
                .build());

    assertThat(response.headers().firstValue("MS-CorrelationId"))
        .hasValue("0d9a8b7c-6e5f-4a3b-9c2d-1e0f2a3b4c5d");
    assertThat(response.headers().firstValue("MS-RequestId"))
        .hasValue("6c1f0e2a-93b4-4d7e-a1c8-5e2f9b0d7a34");
    assertThat(response.headers().firstValue("MS-CV"))
        .hasValueSatisfying(cv -> assertThat(cv).endsWith(".0"));
    assertThat(response.headers().firstValue("MS-ServerId")).isPresent();
  }

  @Test
  void missingCorrelationAndRequestIdsAreGeneratedAfresh() {
    HttpResponse<String> one = http.get("/v1/customers?size=1");
    HttpResponse<String> two = http.get("/v1/customers?size=1");

    assertThat(one.headers().firstValue("MS-CorrelationId").orElseThrow()).matches(GUID);
    assertThat(one.headers().firstValue("MS-RequestId").orElseThrow())
        .matches(GUID)
        .isNotEqualTo(two.headers().firstValue("MS-RequestId").orElseThrow());
  }

  @Test
  void everyResponseIsJsonInUtf8IncludingErrorsWithHeaders() {
    HttpResponse<String> unauthorized = withAuthorization(null);
    HttpResponse<String> notFound = http.get("/v1/nothing");

    for (HttpResponse<String> r :
        new HttpResponse[] {http.get("/v1/customers?size=1"), unauthorized, notFound}) {
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
    }
    assertThat(unauthorized.headers().firstValue("MS-RequestId")).isPresent();
    JsonNode fault = Http.json(notFound);
    assertThat(fault.path("code").isNumber()).isTrue();
    assertThat(fault.path("data").isArray()).isTrue();
    assertThat(fault.path("source").asText()).isEqualTo("PartnerCenterEmulator");
  }

  @Test
  void theServerBindsOnlyToTheLoopbackAddress() throws Exception {
    assertThat(emulator.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());

    Optional<InetAddress> external =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .findFirst();
    assumeTrue(external.isPresent(), "no non-loopback address on this machine");
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), emulator.port()), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void requestCountCountsEveryRequestServed() {
    long before = emulator.requestCount();

    http.get("/v1/customers?size=1");
    withAuthorization(null);
    http.get("/v1/nothing");

    assertThat(emulator.requestCount()).isEqualTo(before + 3);
  }

  @Test
  void closeStopsTheServerAndMayBeRepeated() {
    int port = emulator.port();

    emulator.close();
    emulator.close();

    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void aFixedPortIsHonoured() throws Exception {
    int free;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    try (Emulator fixed = Emulator.start(EmulatorConfig.inMemory().withPort(free))) {
      assertThat(fixed.port()).isEqualTo(free);
      assertThat(new Http(fixed).get("/v1/customers?size=1").statusCode()).isEqualTo(200);
    }
  }
}
