package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.api.Hostile.ID;

import feign.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The bearer token goes only to the configured base URL's origin. A redirect (301, 302, 307, 308)
 * to another port or host is reported and not followed, for reads and writes alike, and a second
 * loopback server standing where the redirect points records that nothing reached it; a request
 * built for another origin is not sent at all.
 */
class NoTokenElsewhereTest {

  static final String TOKEN = "hostile-test-token";

  static Stream<Arguments> redirects() {
    List<Arguments> all = new ArrayList<>();
    for (int status : new int[] {301, 302, 307, 308}) {
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        all.add(Arguments.of(status, host, "GET"));
        all.add(Arguments.of(status, host, "PUT"));
        all.add(Arguments.of(status, host, "POST"));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{2} redirected with {0} to {1}, another port")
  @MethodSource("redirects")
  void aRedirectIsReportedAndNotFollowed(int status, String host, String method) throws Exception {
    try (HostileServer elsewhere = HostileServer.start(r -> HostileServer.json(200, "[]"));
        HostileServer service =
            HostileServer.start(
                r ->
                    HostileServer.answer(
                        status,
                        "text/html",
                        HostileServer.bytes("<html>Moved</html>"),
                        Map.of(
                            "Location",
                            "http://"
                                + host
                                + ":"
                                + elsewhere.port()
                                + r.target()
                                + "?sig=SECRET-IN-LOCATION")))) {
      PartnerCenterClient client = Hostile.client(service.baseUrl(), new ExchangeLog());
      Function<PartnerCenterClient, Object> call =
          switch (method) {
            case "GET" -> c -> c.customers(10, null);
            case "PUT" ->
                c -> c.setLegacyQualification(ID, QualificationKind.EDUCATION, null, "req-1");
            default ->
                c -> c.createQualification(ID, QualificationRequest.stateOwnedEntity(), "req-1");
          };

      assertThatThrownBy(() -> call.apply(client))
          .isInstanceOfSatisfying(
              PartnerCenterException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.REDIRECT);
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.mayHaveTakenEffect())
                    .as("a redirected write was not applied")
                    .isFalse();
                ErrorReport report = ErrorReport.of(e);
                assertThat(report.exitCode()).isEqualTo(ExitCode.FAILURE);
                assertThat(report.text())
                    .contains(
                        "HTTP " + status,
                        "a redirect to http://" + host + ":" + elsewhere.port(),
                        "which pcsh does not follow: nothing, and no token, was sent there",
                        "MS-RequestId:",
                        "check pcsh.base-url")
                    .doesNotContain("SECRET-IN-LOCATION", TOKEN, "Exception", "<html");
              });
      assertThat(elsewhere.received()).as("what reached the other server").isEmpty();
      assertThat(service.received())
          .as("sent once, not repeated")
          .singleElement()
          .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    }
  }

  @Test
  void aRequestForAnotherOriginIsNotSentAtAll() throws Exception {
    try (HostileServer base = HostileServer.start(r -> HostileServer.json(200, "[]"));
        HostileServer other = HostileServer.start(r -> HostileServer.json(200, "[]"))) {
      OriginGuard guard = new OriginGuard(new LazyHttpClient(Duration.ofSeconds(2)), base::baseUrl);
      Request request =
          Request.create(
              Request.HttpMethod.GET,
              other.baseUrl() + "/v1/customers",
              Map.of("Authorization", List.of("Bearer " + TOKEN)),
              null,
              StandardCharsets.UTF_8,
              null);

      assertThatThrownBy(() -> guard.execute(request, new Request.Options()))
          .isInstanceOfSatisfying(
              UnusableExchange.class,
              e -> {
                assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.NOT_SENT);
                assertThat(e.getMessage())
                    .contains(
                        "only to the base URL's origin http://127.0.0.1:" + base.port(),
                        "this one was for http://127.0.0.1:" + other.port());
              });
      assertThat(other.received()).isEmpty();
      assertThat(base.received()).isEmpty();
    }
  }

  /**
   * {@code api}'s raw requests take the same path: a URL built for another origin is not sent, and
   * a redirect comes back as the answer it is, not followed, reported as a redirect.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"GET", "PATCH", "DELETE"})
  void aRawRequestGoesToTheBaseUrlsOriginOnlyAndFollowsNoRedirect(String method) throws Exception {
    try (HostileServer elsewhere = HostileServer.start(r -> HostileServer.json(200, "{}"));
        HostileServer service =
            HostileServer.start(
                r ->
                    HostileServer.answer(
                        302,
                        "text/html",
                        HostileServer.bytes("<html>Moved</html>"),
                        Map.of("Location", elsewhere.baseUrl() + r.target())))) {
      RawClient raw = Hostile.client(service.baseUrl(), new ExchangeLog()).raw();

      assertThatThrownBy(
              () -> raw.send(method, elsewhere.baseUrl() + "/v1/customers", Map.of(), null, "r-1"))
          .isInstanceOfSatisfying(
              PartnerCenterException.class,
              e -> assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.NOT_SENT));
      RawClient.Answer moved =
          raw.send(method, service.baseUrl() + "/v1/customers", Map.of(), null, "r-2");

      assertThat(moved.status()).isEqualTo(302);
      assertThat(moved.failure())
          .isInstanceOfSatisfying(
              PartnerCenterException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(PartnerCenterException.Kind.REDIRECT);
                assertThat(ErrorReport.of(e).text())
                    .contains("which pcsh does not follow")
                    .doesNotContain(TOKEN);
              });
      assertThat(elsewhere.received()).as("what reached the other server").isEmpty();
      assertThat(service.received())
          .singleElement()
          .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    }
  }

  @Test
  void theOriginComparesSchemeHostAndPortWithDefaultPortsFilledIn() {
    assertThat(OriginGuard.origin("https://API.partnercenter.microsoft.com/v1/customers?x=1"))
        .isEqualTo("https://api.partnercenter.microsoft.com:443");
    assertThat(OriginGuard.origin("https://api.partnercenter.microsoft.com:443"))
        .isEqualTo(OriginGuard.origin("https://api.partnercenter.microsoft.com/"));
    assertThat(OriginGuard.origin("http://127.0.0.1:8089/v1"))
        .isNotEqualTo(OriginGuard.origin("http://127.0.0.1:8090/v1"))
        .isNotEqualTo(OriginGuard.origin("https://127.0.0.1:8089/v1"));
    assertThat(OriginGuard.origin("not a url")).isNull();
    assertThat(OriginGuard.origin("/v1/customers")).isNull();
  }
}
