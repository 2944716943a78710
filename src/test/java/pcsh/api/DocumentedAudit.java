package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static pcsh.api.DocumentedApi.json;
import static pcsh.api.PartnerCenterClientContract.TAILSPIN;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Audit records shaped as spec 14.2 documents them (camelCase, values as JSON inside strings, 7
 * fraction digits), for the days before today that the emulator's seeded Tailspin County Government
 * history uses, so one contract holds for both backends.
 */
final class DocumentedAudit {

  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  /** The 30 days holding Tailspin's GCC (41 days ago) and two later records (40 and 21). */
  static final LocalDate START = TODAY.minusDays(44);

  static final LocalDate END = TODAY.minusDays(15);
  static final String TAILSPIN_FILTER =
      "{\"Field\":\"CustomerId\",\"Value\":\"" + TAILSPIN + "\",\"Operator\":\"equals\"}";
  static final String TOKEN = "YXVkaXQtcGFnZS0y";
  static final String PARTNER = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

  private DocumentedAudit() {}

  /** One record as the documentation shows it. */
  static String record(
      int daysAgo,
      String time,
      String operation,
      String resourceType,
      String oldValue,
      String newValue) {
    return "{\"partnerId\":\""
        + PARTNER
        + "\",\"customerId\":\""
        + TAILSPIN
        + "\",\"customerName\":\"Tailspin County Government\","
        + "\"userPrincipalName\":\"admin@contosodemopartner.onmicrosoft.com\","
        + "\"applicationId\":\"Partner Center Native App\",\"resourceType\":\""
        + resourceType
        + "\",\"resourceOldValue\":"
        + oldValue
        + ",\"resourceNewValue\":"
        + newValue
        + ",\"operationType\":\""
        + operation
        + "\",\"operationStatus\":\"succeeded\",\"operationDate\":\""
        + TODAY.minusDays(daysAgo)
        + "T"
        + time
        + ".0589308Z\",\"originalCorrelationId\":\"5d1e0a7c-2b3f-4e6d-8c9a-0b1c2d3e4f50\","
        + "\"customizedData\":[],\"id\":\""
        + PARTNER
        + "_"
        + TAILSPIN
        + "_"
        + operation
        + "_63928174442324691"
        + daysAgo % 10
        + "\",\"attributes\":{\"objectType\":\"AuditRecord\"}}";
  }

  static final String GCC =
      record(
          41,
          "10:14:02",
          "update_customer_qualification",
          "customer",
          "\"{\\\"Qualification\\\":\\\"None\\\"}\"",
          "\"{\\\"Qualification\\\":\\\"GovernmentCommunityCloud\\\"}\"");
  static final String GDAP =
      record(
          40,
          "15:40:00",
          "approve_granular_admin_relationship",
          "granular_admin_relationship",
          "\"{\\\"Status\\\":\\\"approvalPending\\\"}\"",
          "\"{\\\"Status\\\":\\\"active\\\"}\"");
  static final String USER =
      record(
          21,
          "16:05:00",
          "add_customer_user",
          "customer_user",
          "null",
          "\"{\\\"UserPrincipalName\\\":\\\"clerk@tailspincounty.onmicrosoft.com\\\"}\"");

  /** A collection page of {@code items}, with a next link carrying {@code token} when not null. */
  static String page(String token, String... items) {
    String self =
        "{\"uri\":\"/auditrecords?startDate="
            + START
            + "&endDate="
            + END
            + "\",\"method\":\"GET\",\"headers\":[]}";
    String next =
        token == null
            ? ""
            : ",\"next\":{\"uri\":\"/auditrecords?startDate="
                + START
                + "&endDate="
                + END
                + "&size=2&seekOperation=Next\",\"method\":\"GET\",\"headers\":"
                + "[{\"key\":\"MS-ContinuationToken\",\"value\":\""
                + token
                + "\"}]}";
    return "{\"totalCount\":"
        + items.length
        + ",\"items\":["
        + String.join(",", items)
        + "],\"links\":{\"self\":"
        + self
        + next
        + "}"
        + (token == null ? "" : ",\"continuationToken\":\"" + token + "\"")
        + ",\"attributes\":{\"objectType\":\"Collection\"}}";
  }

  /** Stubs what the contract asks for. */
  static void stub(WireMockExtension wm) {
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("startDate", equalTo(START.toString()))
            .withQueryParam("endDate", equalTo(END.toString()))
            .withQueryParam("size", equalTo("500"))
            .withQueryParam("filter", equalToJson(TAILSPIN_FILTER))
            .willReturn(json(page(null, USER, GDAP, GCC))));
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("startDate", equalTo(START.toString()))
            .withQueryParam("endDate", equalTo(END.toString()))
            .withQueryParam("size", equalTo("2"))
            .withQueryParam("filter", equalToJson(TAILSPIN_FILTER))
            .willReturn(json(page(TOKEN, USER, GDAP))));
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("seekOperation", equalTo("Next"))
            .withHeader("MS-ContinuationToken", equalTo(TOKEN))
            .willReturn(json(page(null, GCC))));
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("startDate", equalTo(TODAY.minusDays(95).toString()))
            .willReturn(
                json("{\"code\":400,\"description\":\"The start date must be within the last 90"
                        + " days.\",\"data\":[],\"source\":\"PartnerFD\"}")
                    .withStatus(400)));
  }
}
