package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.access.AccessCheck;
import pcsh.access.CustomerAccess;
import pcsh.auth.GraphToken;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.graph.GraphClient;
import pcsh.session.Redactor;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * {@code customer overview}: every part against the embedded emulator, and against WireMock with
 * one part failing (503) and one refused (403) while the others still show.
 */
class OverviewCommandTest {

  static final String CUSTOMER = SeedCustomers.NORTHWIND_ID;
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().globalTemplating(true))
          .failOnUnmatchedRequests(true)
          .build();

  @Test
  void everyPartOfNorthwindIsReadAndShown() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory());
        CommandsFixture fixture = new CommandsFixture(() -> emulator.baseUrl().toString())) {
      AccessCheck access =
          new AccessCheck(
              new GraphClient(
                  () -> emulator.baseUrl().toString(),
                  () -> java.util.Optional.of("graph-t"),
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(5),
                  fixture.exchanges,
                  Redactor.shared()),
              () -> GraphToken.of("graph-t", "the test"));
      OverviewCommand overview = fixture.overview(access::read);

      String text = overview.show(CUSTOMER, null, null);

      assertThat(text)
          .startsWith("Customer overview: Northwind Traders (" + CUSTOMER + ")")
          .contains("Company           Northwind Traders, northwindtraders.onmicrosoft.com")
          .contains("Account status    Allowed")
          .contains("Qualification     ")
          .contains("GDAP              1 active of 1 relationship; for GCC WARN: ")
          .contains("Nearest expiry    ")
          .contains("Subscriptions     ")
          .contains(" expired", " disabled", " suspended")
          .contains("Next commitment   ")
          .contains("Licences          ")
          .contains("Resellers         Wingtip Toys Cloud Services (MPN 5234819")
          .contains("Service requests  ")
          .doesNotContain("FAILED");
      List<String> paths = fixture.exchanges.recent().stream().map(e -> e.path()).toList();
      assertThat(paths)
          .contains(
              "/v1/customers/" + CUSTOMER,
              "/v1/customers/" + CUSTOMER + "/validationStatus?type=account",
              "/v1/customers/" + CUSTOMER + "/subscriptions",
              "/v1/customers/" + CUSTOMER + "/subscribedskus",
              "/v1/customers/" + CUSTOMER + "/relationships");
      assertThat(paths).anyMatch(p -> p.startsWith("/v1.0/tenantRelationships/"));

      JsonNode json = JSON.readTree(overview.show(CUSTOMER, "json", null));
      assertThat(json.path("customerId").asText()).isEqualTo(CUSTOMER);
      for (String part :
          List.of(
              "company",
              "accountStatus",
              "qualification",
              "gdap",
              "subscriptions",
              "licences",
              "resellers",
              "serviceRequests")) {
        assertThat(json.has(part)).as(part).isTrue();
        assertThat(json.path(part).has("error")).as(part).isFalse();
      }
      assertThat(json.path("company").path("companyProfile").path("companyName").asText())
          .isEqualTo("Northwind Traders");
      assertThat(json.path("subscriptions").path("byStatus").path("expired").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aFailingPartAndARefusedPartShowOneLineEachAndTheOthersStillShow() throws Exception {
    String c = "/v1/customers/" + CUSTOMER;
    wm.stubFor(
        get(urlEqualTo(c))
            .willReturn(
                json(
                    200,
                    "{\"id\":\""
                        + CUSTOMER
                        + "\",\"companyProfile\":{\"tenantId\":\""
                        + CUSTOMER
                        + "\",\"domain\":\"northwindtraders.onmicrosoft.com\",\"companyName\":\"Northwind"
                        + " Traders\"},\"relationshipToPartner\":\"reseller\"}")));
    wm.stubFor(
        get(urlEqualTo(c + "/validationStatus?type=account"))
            .willReturn(json(200, "{\"type\":\"account\",\"status\":\"Allowed\"}")));
    wm.stubFor(get(urlEqualTo(c + "/qualification")).willReturn(json(200, "\"None\"")));
    wm.stubFor(get(urlEqualTo(c + "/qualifications")).willReturn(json(200, "[]")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .willReturn(json(200, "{\"totalCount\":0,\"items\":[]}")));
    wm.stubFor(
        get(urlEqualTo(c + "/subscriptions"))
            .willReturn(json(503, "{\"code\":800003,\"description\":\"Service busy\"}")));
    wm.stubFor(
        get(urlEqualTo(c + "/subscribedskus"))
            .willReturn(
                json(403, "{\"code\":2032,\"description\":\"Access denied\",\"data\":[]}")));
    wm.stubFor(
        get(urlEqualTo(c + "/relationships"))
            .willReturn(json(200, "{\"totalCount\":0,\"items\":[]}")));
    wm.stubFor(
        get(urlEqualTo(c + "/servicerequests?offset=0&size=100"))
            .willReturn(
                json(
                    200,
                    "{\"totalCount\":1,\"items\":[{\"id\":\"613090811273571\",\"title\":\"Licences"
                        + " missing\",\"severity\":1,\"status\":1}]}")));
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (CommandsFixture fixture = new CommandsFixture(wm::baseUrl, screen)) {
      CustomerAccess none =
          new CustomerAccess(
              CUSTOMER, null, List.of(), new CustomerAccess.Verdict(false, false, "No GDAP."));
      OverviewCommand overview = fixture.overview(id -> none);

      assertThatThrownBy(() -> overview.show(CUSTOMER, null, null))
          .isInstanceOfSatisfying(
              Failure.class,
              f -> {
                assertThat(ErrorReport.of(f).exitCode()).isEqualTo(ExitCode.FAILURE);
                assertThat(f.getMessage())
                    .isEqualTo(
                        "customer overview: 2 of 8 parts could not be read: subscriptions,"
                            + " licences.");
              });
      String text = screen.toString(StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("Subscriptions     FAILED: ")
                      .contains(
                          "HTTP 503", "error 800003", "MS-CorrelationId: ", "MS-RequestId: "));
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("Licences          FAILED: ")
                      .contains("GDAP roles", "Directory Readers")
                      .contains("HTTP 403", "error 2032", "MS-RequestId: "));
      assertThat(text)
          .contains("Company           Northwind Traders")
          .contains("Account status    Allowed")
          .contains("Resellers         none")
          .contains(
              "Service requests  1 open: 613090811273571 \"Licences missing\" (critical, open)");

      screen.reset();
      assertThatThrownBy(() -> overview.show(CUSTOMER, "json", null)).isInstanceOf(Failure.class);
      JsonNode json = JSON.readTree(screen.toString(StandardCharsets.UTF_8));
      assertThat(json.path("subscriptions").path("error").path("status").asInt()).isEqualTo(503);
      assertThat(json.path("subscriptions").path("error").path("code").asText())
          .isEqualTo("800003");
      assertThat(json.path("subscriptions").path("error").path("MS-RequestId").asText())
          .isNotBlank();
      assertThat(json.path("licences").path("error").path("status").asInt()).isEqualTo(403);
      assertThat(json.path("accountStatus").path("accountStatus").path("status").asText())
          .isEqualTo("Allowed");
      assertThat(json.path("serviceRequests").path("open").get(0).path("severity").asInt())
          .isEqualTo(1);
    }
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("MS-CorrelationId", "{{request.headers.MS-CorrelationId}}")
        .withHeader("MS-RequestId", "{{request.headers.MS-RequestId}}")
        .withBody(body);
  }
}
