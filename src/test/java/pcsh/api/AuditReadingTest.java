package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.api.DocumentedApi.json;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Audit records and pages as the service may shape them beyond the documented example: new
 * operation and resource types, values in every form, missing customer or user, other property
 * cases, and next links in every form, followed without ever leaving pcsh's base URL.
 */
class AuditReadingTest {

  @RegisterExtension static WireMockExtension wm = DocumentedApi.wireMock();

  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  private AuditClient client;

  @BeforeEach
  void setUp() {
    client = new AuditClient(DocumentedApi.client(wm));
  }

  @Test
  void unknownTypesValuesInEveryFormAndMissingPartiesAreReadAsTheyCame() {
    stubFirst(
        "{\"items\":["
            + "{\"id\":\"a\",\"operationType\":\"teleport_customer\",\"resourceType\":\"starship\","
            + "\"operationStatus\":\"in_orbit\",\"resourceOldValue\":\"{\\\"Qualification\\\":\\\"None\\\"}\","
            + "\"resourceNewValue\":\"plain text\",\"operationDate\":\"2026-11-20T14:03:11.0589308+00:00\"},"
            + "{\"Id\":\"b\",\"OperationType\":\"add_customer\",\"ApplicationId\":\"FulfillmentService\","
            + "\"ResourceOldValue\":null,\"OperationDate\":\"2026-11-20T14:03:11\","
            + "\"CustomizedData\":{\"Reason\":\"duplicate domain\"}},"
            + "{\"id\":\"c\",\"operationDate\":\"yesterday\",\"customizedData\":[{\"key\":\"k\",\"value\":1}]},"
            + "\"not a record\""
            + "]}");

    List<AuditRecord> records = client.first(DAY, DAY, 500, null).records();

    assertThat(records).hasSize(3);
    AuditRecord a = records.get(0);
    assertThat(a.operationType()).isEqualTo("teleport_customer");
    assertThat(a.resourceType()).isEqualTo("starship");
    assertThat(a.operationStatus()).isEqualTo("in_orbit");
    assertThat(a.resourceOldValue().asText()).isEqualTo("{\"Qualification\":\"None\"}");
    assertThat(a.resourceNewValue().asText()).isEqualTo("plain text");
    assertThat(a.time())
        .hasValueSatisfying(t -> assertThat(t).hasToString("2026-11-20T14:03:11.058930800Z"));
    assertThat(a.customerId()).isNull();
    assertThat(a.userPrincipalName()).isNull();
    AuditRecord b = records.get(1);
    assertThat(b.id()).isEqualTo("b");
    assertThat(b.operationType()).isEqualTo("add_customer");
    assertThat(b.applicationId()).isEqualTo("FulfillmentService");
    assertThat(b.resourceOldValue()).isNull();
    assertThat(b.resourceNewValue()).isNull();
    assertThat(b.time()).hasValueSatisfying(t -> assertThat(t).hasToString("2026-11-20T14:03:11Z"));
    assertThat(b.customizedData()).containsExactly(Map.entry("Reason", "duplicate domain"));
    AuditRecord c = records.get(2);
    assertThat(c.time()).isEmpty();
    assertThat(c.operationDate()).isEqualTo("yesterday");
    assertThat(c.customizedData()).containsExactly(Map.entry("k", "1"));
  }

  @Test
  void aLinkIsFollowedOnPcshsOwnBaseUrlWhateverHostOrPrefixItNames() {
    stubFirst(
        "{\"items\":[],\"links\":{\"next\":{\"uri\":\"https://elsewhere.example/v1/auditrecords?page=2&filter=%7B%7D\","
            + "\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"t2\"},"
            + "{\"key\":\"Authorization\",\"value\":\"Bearer not-ours\"},{\"key\":\"X-Page\",\"value\":\"2\"}]}}}");
    wm.stubFor(
        get(urlEqualTo("/v1/auditrecords?page=2&filter=%7B%7D"))
            .withHeader("MS-ContinuationToken", equalTo("t2"))
            .willReturn(json("{\"items\":[{\"id\":\"two\"}]}")));

    AuditPage second = client.next(client.first(DAY, DAY, 500, null)).orElseThrow();

    assertThat(second.records()).extracting(AuditRecord::id).containsExactly("two");
    wm.verify(
        getRequestedFor(urlEqualTo("/v1/auditrecords?page=2&filter=%7B%7D"))
            .withHeader("Authorization", equalTo("Bearer test-token"))
            .withHeader("X-Page", equalTo("2")));
    assertThat(
            wm.getAllServeEvents()
                .get(0)
                .getRequest()
                .getHeaders()
                .getHeader("Authorization")
                .values())
        .containsExactly("Bearer test-token");
  }

  @Test
  void aPageWithOnlyAContinuationTokenGetsTheSeekRequest() {
    stubFirst("{\"items\":[],\"continuationToken\":\"only-token\"}");
    wm.stubFor(
        get(urlEqualTo("/v1/auditrecords?seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo("only-token"))
            .willReturn(json("{\"items\":[{\"id\":\"next\"}]}")));

    AuditPage first = client.first(DAY, DAY, 500, null);

    assertThat(first.hasNext()).isTrue();
    assertThat(client.next(first).orElseThrow().records())
        .extracting(AuditRecord::id)
        .containsExactly("next");
  }

  @Test
  void aLinkThatIsNoUriAndNoTokenIsAFailureNotASilentEnd() {
    stubFirst("{\"items\":[],\"links\":{\"next\":{\"uri\":\"/auditrecords?x=a b|c\"}}}");

    AuditPage first = client.first(DAY, DAY, 500, null);

    assertThatThrownBy(() -> client.next(first))
        .isInstanceOfSatisfying(
            PartnerCenterException.class, e -> assertThat(e.description()).contains("not a URI"));
  }

  @Test
  void theLinkPathIsReadAgainstTheApiRoot() {
    assertThat(AuditClient.pathAndQuery("/auditrecords?a=1")).hasValue("/v1/auditrecords?a=1");
    assertThat(AuditClient.pathAndQuery("/v1/auditrecords?a=1")).hasValue("/v1/auditrecords?a=1");
    assertThat(AuditClient.pathAndQuery("auditrecords")).hasValue("/v1/auditrecords");
    assertThat(AuditClient.pathAndQuery("http://evil.example:8080/x?y=%20"))
        .hasValue("/v1/x?y=%20");
  }

  private static void stubFirst(String body) {
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("startDate", equalTo(DAY.toString()))
            .willReturn(json(body)));
  }
}
