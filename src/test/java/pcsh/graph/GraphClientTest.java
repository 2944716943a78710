package pcsh.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.api.Exchange;
import pcsh.api.ExchangeLog;
import pcsh.session.Redactor;

/**
 * The Graph client against WireMock serving Graph's documented JSON: the request it sends, paging
 * by {@code @odata.nextLink}, Graph's error envelope, and where the token may go (no redirect is
 * followed, no next link to another origin is sent).
 */
class GraphClientTest {

  static final String TENANT = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";
  static final String PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships";
  static final String TOKEN = "graph-canary-4b1d9e7c2a5f8e3d6c0b";
  static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ExchangeLog exchanges = new ExchangeLog();

  GraphClient client(String baseUrl) {
    return new GraphClient(
        () -> baseUrl,
        () -> Optional.of(TOKEN),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        exchanges,
        Redactor.shared());
  }

  static String relationship(String id, String tenant, String status, String... roles) {
    StringBuilder r = new StringBuilder();
    for (String role : roles)
      r.append(r.length() == 0 ? "" : ",").append("{\"roleDefinitionId\":\"" + role + "\"}");
    return "{\"@odata.type\":\"#microsoft.graph.delegatedAdminRelationship\",\"@odata.etag\":\"W/\\\"x\\\"\","
        + "\"id\":\""
        + id
        + "\",\"displayName\":\"GDAP "
        + id
        + "\",\"duration\":\"P730D\",\"customer\":{\"tenantId\":\""
        + tenant
        + "\",\"displayName\":\"Tailspin\"},\"accessDetails\":{\"unifiedRoles\":["
        + r
        + "]},\"status\":\""
        + status
        + "\",\"autoExtendDuration\":\"P180D\",\"createdDateTime\":\"2025-02-10T11:24:42.3148266Z\","
        + "\"endDateTime\":\"2027-02-10T11:24:42.3148266Z\",\"someNewField\":{\"x\":1}}";
  }

  @Test
  void relationshipsAreAskedForByTenantAndEveryPageIsFollowed() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("$filter", equalTo("customer/tenantId eq '" + TENANT + "'"))
            .willReturn(
                okJson(
                    "{\"@odata.context\":\"x\",\"value\":["
                        + relationship(
                            "r1", TENANT, "active", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b")
                        + "],\"@odata.nextLink\":\""
                        + wm.baseUrl()
                        + PATH
                        + "?$filter=customer%2FtenantId%20eq%20'"
                        + TENANT
                        + "'&$top=300&$skiptoken=page2\"}")));
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("$skiptoken", equalTo("page2"))
            .willReturn(
                okJson(
                    "{\"value\":["
                        + relationship("r2", TENANT, "expired")
                        + ","
                        + relationship("r3", "00000000-0000-4000-8000-000000000001", "active")
                        + "]}")));

    List<Relationship> found = client(wm.baseUrl()).relationships(TENANT);

    assertThat(found).extracting(Relationship::id).containsExactly("r1", "r2");
    assertThat(found.get(0).roleIds()).containsExactly("88d8e3e3-8f55-4a1e-953a-9b9898b8876b");
    assertThat(found.get(0).status()).isEqualTo("active");
    assertThat(found.get(0).autoExtendDuration()).isEqualTo("P180D");
    wm.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("$filter", equalTo("customer/tenantId eq '" + TENANT + "'"))
            .withQueryParam("$top", equalTo("300"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader("client-request-id", matching(GUID)));
    wm.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("$skiptoken", equalTo("page2"))
            .withQueryParam("$filter", equalTo("customer/tenantId eq '" + TENANT + "'"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(wm.getAllServeEvents()).hasSize(2);
    assertThat(exchanges.recent())
        .extracting(Exchange::summary)
        .allMatch(s -> s.contains("client-request-id ") && !s.contains(TOKEN));
  }

  @Test
  void accessAssignmentsAreReadPerRelationship() {
    wm.stubFor(
        get(urlPathEqualTo(PATH + "/r1-x/accessAssignments"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"@odata.type\":\"#microsoft.graph.delegatedAdminAccessAssignment\","
                        + "\"id\":\"a1\",\"status\":\"active\",\"accessContainer\":{\"accessContainerId\":"
                        + "\"227a2f44-2682-4831-a021-f8d69a34bcba\",\"accessContainerType\":\"securityGroup\"},"
                        + "\"accessDetails\":{\"unifiedRoles\":[{\"roleDefinitionId\":\"88d8e3e3-8f55-4a1e-953a-9b9898b8876b\"}]}}]}")));

    List<AccessAssignment> a = client(wm.baseUrl()).accessAssignments("r1-x");

    assertThat(a).hasSize(1);
    assertThat(a.get(0).groupId()).isEqualTo("227a2f44-2682-4831-a021-f8d69a34bcba");
    assertThat(a.get(0).roleIds()).containsExactly("88d8e3e3-8f55-4a1e-953a-9b9898b8876b");
    wm.verify(
        getRequestedFor(urlPathEqualTo(PATH + "/r1-x/accessAssignments"))
            .withQueryParam("$top", equalTo("300")));
  }

  @Test
  void graphsErrorEnvelopeGivesItsIds() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("request-id", "header-request-id")
                    .withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges"
                            + " to complete the operation.\",\"innerError\":{\"date\":\"2026-11-25T10:00:00\","
                            + "\"request-id\":\"9f2c1a7e-0000-4000-8000-000000000001\",\"client-request-id\":"
                            + "\"11111111-0000-4000-8000-000000000002\"}}}")));

    assertThatThrownBy(() -> client(wm.baseUrl()).relationships(TENANT))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(GraphException.Kind.RESPONSE);
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).contains("Authorization_RequestDenied");
              assertThat(e.getMessage()).contains("Insufficient privileges");
              assertThat(e.requestId()).contains("9f2c1a7e-0000-4000-8000-000000000001");
              assertThat(e.clientRequestId()).contains("11111111-0000-4000-8000-000000000002");
              assertThat(e.date()).contains("2026-11-25T10:00:00");
              assertThat(e.url()).isEqualTo(wm.baseUrl() + PATH);
            });
  }

  @Test
  void aProxyPageStillGivesTheIdsFromTheHeaders() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withHeader("request-id", "rid-from-header")
                    .withHeader("Date", "Wed, 25 Nov 2026 10:00:00 GMT")
                    .withBody("<html>bad gateway</html>")));

    assertThatThrownBy(() -> client(wm.baseUrl()).relationships(TENANT))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.requestId()).contains("rid-from-header");
              assertThat(e.date()).contains("Wed, 25 Nov 2026 10:00:00 GMT");
              assertThat(e.clientRequestId())
                  .hasValueSatisfying(id -> assertThat(id).matches(GUID));
            });
  }

  @Test
  void aRedirectIsNotFollowedAndTheTokenGoesNowhereElse() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + PATH)));
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"value\":[]}")));

    assertThatThrownBy(() -> client(wm.baseUrl()).relationships(TENANT))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(GraphException.Kind.REDIRECT);
              assertThat(e.getMessage()).contains("redirect (302)", elsewhere.baseUrl());
            });
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aNextLinkToAnotherOriginIsNotSent() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"value\":[],\"@odata.nextLink\":\""
                        + elsewhere.baseUrl()
                        + PATH
                        + "?$skiptoken=x\"}")));
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"value\":[]}")));

    assertThatThrownBy(() -> client(wm.baseUrl()).relationships(TENANT))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> assertThat(e.kind()).isEqualTo(GraphException.Kind.OTHER_ORIGIN));
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void noServerMeansNoResponse() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> client("http://127.0.0.1:" + port).relationships(TENANT))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(GraphException.Kind.NO_RESPONSE);
              assertThat(e.status()).isZero();
              assertThat(e.clientRequestId()).isPresent();
            });
  }
}
