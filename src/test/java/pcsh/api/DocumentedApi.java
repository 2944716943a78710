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
import static pcsh.api.PartnerCenterClientContract.ADATUM;
import static pcsh.api.PartnerCenterClientContract.CORRELATION;
import static pcsh.api.PartnerCenterClientContract.FABRIKAM;
import static pcsh.api.PartnerCenterClientContract.NORTHWIND;
import static pcsh.api.PartnerCenterClientContract.TAILSPIN;
import static pcsh.api.PartnerCenterClientContract.UNKNOWN;
import static pcsh.api.PartnerCenterClientContract.WOODGROVE;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Optional;

/**
 * WireMock serving JSON shaped as the API reference documents it, for the emulator's named seed
 * customers: the stubs, the extension they are served by (which fails a test on any request no stub
 * matches), and a client pointed at it with the contract's correlation id.
 */
final class DocumentedApi {

  private DocumentedApi() {}

  /** Serves the stubs with response templating, failing the test on an unmatched request. */
  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().globalTemplating(true))
        .failOnUnmatchedRequests(true)
        .build();
  }

  /** A client of the stubs, signed in with a test token, in the contract's session. */
  static PartnerCenterClient client(WireMockExtension wm) {
    return new PartnerCenterClient(
        wm::baseUrl,
        () -> Optional.of("test-token"),
        () -> CORRELATION,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** Stubs every documented call the contract makes. */
  static void stub(WireMockExtension wm) {
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

  /** Every documented response carries the echoed ids and the JSON content type. */
  static ResponseDefinitionBuilder json(String body) {
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
