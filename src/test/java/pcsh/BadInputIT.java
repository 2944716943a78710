package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input gets exit 2 and a message that says what to do, and no request leaves pcsh: it is
 * pointed at a WireMock "Partner Center" with a token, and WireMock must have seen nothing at all.
 */
class BadInputIT {

  static final String CUSTOMER = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  record Case(String expected, String... args) {
    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  /** The parser-level cases, which only the shell sees, and a few command-level ones end to end. */
  static final List<Case> CASES =
      List.of(
          new Case("is not a customer id", "customer", "show", "--customer", "not-a-guid"),
          new Case("cannot be set to none", "qualify", "none"),
          new Case("Unknown qualification 'platinum'", "qualify", "platinum"),
          new Case("No command 'frobnicate customers'", "frobnicate", "customers"),
          new Case(
              "Unknown option --bogus for `customers list`", "customers", "list", "--bogus", "1"),
          new Case("--size '0x10' is not a whole number", "customers", "list", "--size", "0x10"),
          new Case(
              "--token is a switch and takes no value", "login", "--token", "eyJ0eXAi.e30.sig"),
          new Case("without confirmation", "qualify", "soe", "--customer", CUSTOMER),
          new Case(
              "is not on Partner Center's base URL",
              "api",
              "https://elsewhere.example/v1/customers"),
          new Case(
              "--paginate follows the pages of a GET, and this is a POST",
              "api",
              "POST",
              "/v1/customers",
              "--paginate",
              "--yes"),
          new Case(
              "Not sending the PATCH without confirmation",
              "api",
              "PATCH",
              "/v1/servicerequests/1",
              "-f",
              "status=closed"));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void badInputIsRefusedLocallyWithExit2AndSendsNothing(Case c) throws Exception {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
    Pcsh pcsh =
        new Pcsh(
            home, Map.of("PCSH_BASE_URL", wm.baseUrl(), "PCSH_ACCESS_TOKEN", "token-for-tests"));

    Pcsh.Run r = pcsh.run(c.args());

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .contains(c.expected())
        .contains("Next: ")
        .doesNotContain("Exception", "\tat ");
    assertThat(r.out()).as(r.toString()).isEmpty();
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  @Test
  void aRealBaseUrlUsesTheTokenFromTheEnvironmentAndNeverPrintsIt() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(
                        "{\"totalCount\":0,\"items\":[],\"attributes\":{\"objectType\":\"Collection\"}}")));
    String token = "canary-token-7f3a9c";
    Pcsh pcsh = new Pcsh(home, Map.of("PCSH_BASE_URL", wm.baseUrl(), "PCSH_ACCESS_TOKEN", token));

    Pcsh.Run list = pcsh.run("customers", "list");
    Pcsh.Run who = pcsh.run("whoami");

    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(wm.getAllServeEvents())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + token));
    assertThat(who.out()).contains(wm.baseUrl()).doesNotContain(token);
    assertThat(list.out() + list.err() + who.err()).doesNotContain(token);
  }

  @Test
  void aRealBaseUrlWithoutATokenIsNotSignedIn() throws Exception {
    Pcsh pcsh = new Pcsh(home, Map.of("PCSH_BASE_URL", wm.baseUrl()));

    Pcsh.Run r = pcsh.run("customers", "list");

    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("Not signed in");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
