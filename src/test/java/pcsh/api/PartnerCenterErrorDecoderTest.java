package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error shape becomes one exception with status, code, description and ids. */
class PartnerCenterErrorDecoderTest {

  private final PartnerCenterErrorDecoder decoder =
      new PartnerCenterErrorDecoder(
          PartnerCenterClient.mapper(),
          Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(
            404,
            "{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}",
            "60003",
            "Tenant not found"),
        Arguments.of(
            403,
            "{\"code\":\"20002\",\"description\":\"No relationship between caller and account.\"}",
            "20002",
            "No relationship between caller and account."),
        Arguments.of(
            429,
            "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 57 seconds.\"}",
            null,
            "Rate limit is exceeded. Try again in 57 seconds."),
        Arguments.of(400, "\"Customer tagging denied.\"", null, "Customer tagging denied."),
        Arguments.of(
            502,
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            null,
            "the answer is an HTML page (no Content-Type): \"502 Bad Gateway\""),
        Arguments.of(500, "", null, "HTTP 500"));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void errorBodyBecomesOneException(int status, String body, String code, String description) {
    Map<String, Collection<String>> headers =
        Map.of(
            "MS-CorrelationId",
            List.of("corr-1"),
            "MS-RequestId",
            List.of("req-1"),
            "Retry-After",
            List.of("57"));
    Request request =
        Request.create(
            Request.HttpMethod.PUT,
            "http://pc.example/v1/customers/x/qualification?code=SECRET",
            Map.of(),
            null,
            StandardCharsets.UTF_8,
            null);
    Response response =
        Response.builder()
            .status(status)
            .request(request)
            .headers(headers)
            .body(body, StandardCharsets.UTF_8)
            .build();

    PartnerCenterException e = (PartnerCenterException) decoder.decode("k", response);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errorCode().orElse(null)).isEqualTo(code);
    assertThat(e.description()).isEqualTo(description);
    assertThat(e.correlationId()).isEqualTo("corr-1");
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e.retryAfterSeconds()).contains(57L);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(e.url())
        .isEqualTo("http://pc.example/v1/customers/x/qualification")
        .doesNotContain("SECRET");
    assertThat(e.method()).isEqualTo("PUT");
  }
}
