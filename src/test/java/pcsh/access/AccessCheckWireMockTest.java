package pcsh.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.api.ExchangeLog;
import pcsh.auth.GraphToken;
import pcsh.graph.GraphClient;
import pcsh.session.Redactor;

/**
 * The GDAP check against WireMock serving Graph's documented JSON: role ids pcsh does not know,
 * relationships over several pages (a reseller one among them), and access assignments Graph
 * refuses to show.
 */
class AccessCheckWireMockTest {

  static final String TENANT = "52eaad04-13a2-4a2f-9ce8-93a294fadf36";
  static final String PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships";
  static final String UNKNOWN_ROLE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  AccessCheck check() {
    return new AccessCheck(
        new GraphClient(
            wm::baseUrl,
            () -> Optional.of("t"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new ExchangeLog(),
            Redactor.shared()),
        () -> GraphToken.of("t", "the test"));
  }

  static String relationship(String id, String type, String status, String... roles) {
    StringBuilder r = new StringBuilder();
    for (String role : roles)
      r.append(r.length() == 0 ? "" : ",")
          .append("{\"roleDefinitionId\":\"")
          .append(role)
          .append("\"}");
    return "{\"@odata.type\":\"#microsoft.graph."
        + type
        + "\",\"id\":\""
        + id
        + "\",\"displayName\":\""
        + id
        + "\",\"duration\":\"P730D\",\"customer\":{\"tenantId\":\""
        + TENANT
        + "\",\"displayName\":\"Contoso Inc\"},\"accessDetails\":{\"unifiedRoles\":["
        + r
        + "]},\"status\":\""
        + status
        + "\",\"autoExtendDuration\":\"PT0S\",\"endDateTime\":null,\"isPartnerConsentPending\":true}";
  }

  @Test
  void unknownRoleIdsAreShownAsIdsAndEveryPageIsRead() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("$skiptoken", equalTo("2"))
            .willReturn(
                okJson(
                    "{\"value\":["
                        + relationship(
                            "rel-2",
                            "resellerDelegatedAdminRelationship",
                            "active",
                            GdapRoles.USER_ADMINISTRATOR)
                        + "]}")));
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("$top", equalTo("300"))
            .willReturn(
                okJson(
                    "{\"value\":["
                        + relationship(
                            "rel-1", "delegatedAdminRelationship", "active", UNKNOWN_ROLE)
                        + "],\"@odata.nextLink\":\""
                        + wm.baseUrl()
                        + PATH
                        + "?$skiptoken=2\"}")));
    wm.stubFor(
        get(urlPathEqualTo(PATH + "/rel-1/accessAssignments"))
            .willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(
        get(urlPathEqualTo(PATH + "/rel-2/accessAssignments"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"no\","
                            + "\"innerError\":{\"request-id\":\"rid-9\"}}}")));

    CustomerAccess a = check().read(TENANT);

    assertThat(a.relationships()).hasSize(2);
    assertThat(a.relationships().get(0).roles()).containsExactly(UNKNOWN_ROLE);
    assertThat(a.relationships().get(0).assignments()).isEmpty();
    assertThat(a.relationships().get(0).autoExtend()).isEqualTo("no");
    assertThat(a.relationships().get(1).roles()).containsExactly("User Administrator");
    assertThat(a.relationships().get(1).assignments()).isNull();
    assertThat(a.relationships().get(1).assignmentsProblem())
        .contains("HTTP 403", "Authorization_RequestDenied", "rid-9");
    assertThat(a.verdict().gccRole()).isTrue();
    assertThat(a.verdict().assigned()).isFalse();
    assertThat(a.verdict().text()).contains("User Administrator", "could not be read");
    wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("$skiptoken", equalTo("2")));
  }
}
