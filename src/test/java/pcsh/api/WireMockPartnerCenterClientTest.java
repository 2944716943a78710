package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against WireMock serving JSON shaped as the API reference documents it. WireMock
 * fails the test on any request no stub matches, and every call's request is checked: method, path,
 * query, headers and body.
 */
class WireMockPartnerCenterClientTest extends PartnerCenterClientContract {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().globalTemplating(true))
          .failOnUnmatchedRequests(true)
          .build();

  private PartnerCenterClient client;

  @BeforeEach
  void stubs() {
    client =
        new PartnerCenterClient(
            wm::baseUrl,
            () -> Optional.of("test-token"),
            () -> CORRELATION,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    wm.stubFor(
        get(urlEqualTo("/v1/customers?size=2"))
            .willReturn(
                json(
                    "{\"totalCount\":2,\"items\":["
                        + listItem(
                            NORTHWIND, "Northwind Traders", "northwindtraders.onmicrosoft.com")
                        + ","
                        + listItem(
                            FABRIKAM, "Fabrikam School District", "fabrikamschools.onmicrosoft.com")
                        + "],"
                        + "\"links\":{\"self\":{\"uri\":\"/customers?size=2\",\"method\":\"GET\",\"headers\":[]},"
                        + "\"next\":{\"uri\":\"/customers?size=2&seekOperation=Next\",\"method\":\"GET\",\"headers\":"
                        + "[{\"key\":\"MS-ContinuationToken\",\"value\":\"b3BhcXVlLXRva2VuLTAwMQ==\"}]}},"
                        + "\"continuationToken\":\"b3BhcXVlLXRva2VuLTAwMQ==\",\"attributes\":{\"objectType\":\"Collection\"}}")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers?seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("b3BhcXVlLXRva2VuLTAwMQ=="))
            .willReturn(
                json(
                    "{\"totalCount\":2,\"items\":["
                        + listItem(
                            TAILSPIN,
                            "Tailspin County Government",
                            "tailspincounty.onmicrosoft.com")
                        + ","
                        + listItem(
                            WOODGROVE, "Woodgrove State Energy", "woodgroveenergy.onmicrosoft.com")
                        + "],"
                        + "\"links\":{\"self\":{\"uri\":\"/customers?seekOperation=Next\",\"method\":\"GET\",\"headers\":[]}},"
                        + "\"attributes\":{\"objectType\":\"Collection\"}}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers"))
            .withQueryParam("size", equalTo("10"))
            .withQueryParam(
                "filter",
                equalToJson(
                    "{\"Field\":\"CompanyName\",\"Value\":\"north\",\"Operator\":\"starts_with\"}"))
            .willReturn(
                json(
                    "{\"totalCount\":1,\"items\":["
                        + listItem(
                            NORTHWIND, "Northwind Traders", "northwindtraders.onmicrosoft.com")
                        + "],"
                        + "\"attributes\":{\"objectType\":\"Collection\"}}")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + FABRIKAM))
            .willReturn(
                json(
                    "{\"id\":\""
                        + FABRIKAM
                        + "\",\"commerceId\":\"a8d0e6f2-17c4-4b9e-8f35-6c2b1d0e9a77\","
                        + "\"companyProfile\":{\"tenantId\":\""
                        + FABRIKAM
                        + "\",\"domain\":\"fabrikamschools.onmicrosoft.com\","
                        + "\"companyName\":\"Fabrikam School District\",\"attributes\":{\"objectType\":\"CustomerCompanyProfile\"}},"
                        + "\"billingProfile\":{\"id\":\"0b6e9d42-8a1f-4c37-b5e0-91f2c3d4a5b6\",\"email\":\"it@fabrikamschools.example\"},"
                        + "\"relationshipToPartner\":\"reseller\",\"allowDelegatedAccess\":true,\"someFutureField\":{\"x\":1},"
                        + "\"links\":{\"self\":{\"uri\":\"/customers/"
                        + FABRIKAM
                        + "\",\"method\":\"GET\",\"headers\":[]}},"
                        + "\"attributes\":{\"objectType\":\"Customer\"}}")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + UNKNOWN))
            .willReturn(
                json("{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}")
                    .withStatus(404)));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + FABRIKAM + "/qualification"))
            .willReturn(json("\"education\"")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + TAILSPIN + "/qualification"))
            .willReturn(json("\"governmentcommunitycloud\"")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + NORTHWIND + "/qualification"))
            .willReturn(json("\"none\"")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + ADATUM + "/qualifications"))
            .willReturn(
                json(
                    "[{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingCreatedDate\":\"2024-02-19T08:41:07Z\"}]")));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + NORTHWIND + "/qualifications")).willReturn(json("[]")));
    wm.stubFor(
        put(urlEqualTo("/v1/customers/" + NORTHWIND + "/qualification?code=448812"))
            .withRequestBody(equalTo("3"))
            .willReturn(json("\"government_community_cloud\"")));
    wm.stubFor(
        put(urlEqualTo("/v1/customers/" + NORTHWIND + "/qualification"))
            .withRequestBody(equalTo("0"))
            .willReturn(
                json("{\"code\":800002,\"description\":\"Qualification None cannot be set.\",\"data\":[],"
                        + "\"source\":\"PartnerFD\"}")
                    .withStatus(400)));
    wm.stubFor(
        post(urlEqualTo("/v1/customers/" + FABRIKAM + "/qualifications"))
            .withRequestBody(equalToJson("{\"qualification\":\"StateOwnedEntity\"}"))
            .willReturn(json("{\"qualification\":\"StateOwnedEntity\"}").withStatus(201)));
    wm.stubFor(
        post(urlEqualTo("/v1/customers/" + NORTHWIND + "/qualifications"))
            .withRequestBody(
                equalToJson(
                    "{\"qualification\":\"Education\",\"educationSegment\":\"K12\","
                        + "\"website\":\"northwind.example\"}"))
            .willReturn(
                json("{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\","
                        + "\"vettingCreateDate\":\"2024-02-19T08:41:07Z\"}")
                    .withStatus(201)));
    wm.stubFor(
        get(urlEqualTo("/v1/customers/all/validations"))
            .willReturn(
                json(
                    "[{\"partnerId\":\"c0ffee00-1234-4abc-9def-0123456789ab\",\"organizationName\":\"Fabrikam County Government\","
                        + "\"validationId\":\"448812\",\"maxCreates\":10,\"remainingCreates\":7,\"eTag\":\"W/\\\"x\\\"\"},"
                        + "{\"partnerId\":\"c0ffee00-1234-4abc-9def-0123456789ab\",\"organizationName\":\"Litware City Council\","
                        + "\"validationId\":\"731200\",\"maxCreates\":5,\"remainingCreates\":0}]")));
  }

  @Override
  PartnerCenterClient client() {
    return client;
  }

  @Override
  void assertSent(String method, String pathAndQuery, String body) {
    ServeEvent last = wm.getAllServeEvents().get(0);
    LoggedRequest r = last.getRequest();
    assertThat(r.getMethod().getName()).isEqualTo(method);
    assertThat(decode(r.getUrl())).isEqualTo(decode(pathAndQuery));
    assertThat(r.getUrl()).doesNotContain("{", "}", "\"", " ");
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token");
    assertThat(r.getHeader("MS-CorrelationId")).isEqualTo(CORRELATION);
    assertThat(r.getHeader("MS-RequestId"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    if (body == null) {
      assertThat(r.getBodyAsString()).isEmpty();
    } else {
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(r.getBodyAsString()).isEqualTo(body);
    }
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
  void unknownFieldsAndUnknownQualificationValuesAreKeptNotFatal() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + WOODGROVE + "/qualification"))
            .willReturn(json("\"space_agency\"")));

    QualificationValue v = client.legacyQualification(WOODGROVE);

    assertThat(v.kind()).isEmpty();
    assertThat(v.display()).contains("space_agency");
    assertThat(client.customer(FABRIKAM).billingProfile().path("email").asText())
        .isEqualTo("it@fabrikamschools.example");
  }

  @Test
  void wrappedQualificationsListIsAccepted() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + WOODGROVE + "/qualifications"))
            .willReturn(
                json(
                    "{\"qualifications\":[{\"qualification\":\"StateOwnedEntity\"},{\"qualification\":\"education\","
                        + "\"vettingStatus\":\"Denied\",\"vettingReason\":\"Not an Academic Domain\"}]}")));

    var records = client.qualifications(WOODGROVE);

    assertThat(records)
        .extracting(r -> r.value().kind().orElseThrow())
        .containsExactly(QualificationKind.STATE_OWNED_ENTITY, QualificationKind.EDUCATION);
    assertThat(records.get(1).denied()).isTrue();
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

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Every documented response carries the echoed ids and the JSON content type. */
  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("MS-CorrelationId", "{{request.headers.MS-CorrelationId}}")
        .withBody(body);
  }

  private static String listItem(String id, String name, String domain) {
    return "{\"id\":\""
        + id
        + "\",\"companyProfile\":{\"tenantId\":\""
        + id
        + "\",\"domain\":\""
        + domain
        + "\","
        + "\"companyName\":\""
        + name
        + "\",\"attributes\":{\"objectType\":\"CustomerCompanyProfile\"}},"
        + "\"relationshipToPartner\":\"reseller\",\"attributes\":{\"objectType\":\"Customer\"}}";
  }
}
