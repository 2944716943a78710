package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Listing customers: pages, their links and continuation tokens, the documented shape of an item,
 * and the sizes and tokens that are refused. {@link CustomerFilterTest} covers filters and {@link
 * LargeCustomerListingTest} lists of many thousands.
 */
class CustomerListingTest extends CustomerListingFixture {

  @Test
  void pagesOver1200CustomersInThreePagesOf500WithNextLinkHeaderAndToken() {
    JsonNode first = Http.json(http.get("/v1/customers?size=500"));
    assertThat(first.path("totalCount").asInt()).isEqualTo(500);
    assertThat(first.path("items")).hasSize(500);
    assertThat(first.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    assertThat(first.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers?size=500");
    JsonNode next = first.path("links").path("next");
    assertThat(next.path("uri").asText()).isEqualTo("/customers?size=500&seekOperation=Next");
    assertThat(next.path("method").asText()).isEqualTo("GET");
    assertThat(next.path("headers").get(0).path("key").asText()).isEqualTo("MS-ContinuationToken");
    String token = next.path("headers").get(0).path("value").asText();
    assertThat(first.path("continuationToken").asText()).isNotEmpty().isEqualTo(token);

    JsonNode second = Http.json(nextPage(token));
    assertThat(second.path("totalCount").asInt()).isEqualTo(500);
    JsonNode third = Http.json(nextPage(second.path("continuationToken").asText()));
    assertThat(third.path("totalCount").asInt()).isEqualTo(200);
    assertThat(third.path("links").has("next")).isFalse();
    assertThat(third.has("continuationToken")).isFalse();

    Set<String> ids = new HashSet<>();
    for (JsonNode page : List.of(first, second, third)) {
      page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    }
    assertThat(ids).hasSize(1200);
  }

  @Test
  void followingTheNextLinkLiterallyWithADoubledSlashServesTheNextPage() {
    JsonNode first = Http.json(http.get("/v1/customers?size=500"));
    JsonNode next = first.path("links").path("next");
    // base + "/v1/" + "/customers?..." -> "/v1//customers?...", which a naive client produces
    HttpResponse<String> response =
        Http.send(
            http.request("/v1/" + next.path("uri").asText())
                .header("MS-ContinuationToken", next.path("headers").get(0).path("value").asText())
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode second = Http.json(response);
    assertThat(second.path("items").get(0).path("id").asText())
        .isNotEqualTo(first.path("items").get(0).path("id").asText());
    assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(Http.generatedId(493));
  }

  @Test
  void namedCustomersComeFirstAndListItemsCarryTheDocumentedShape() {
    JsonNode items = Http.json(http.get("/v1/customers?size=9")).path("items");

    List<String> names = new ArrayList<>();
    items.forEach(i -> names.add(i.path("companyProfile").path("companyName").asText()));
    assertThat(names)
        .startsWith(
            "Northwind Traders",
            "Fabrikam School District",
            "Tailspin County Government",
            "Woodgrove State Energy",
            "Adatum University",
            "Litware County Library",
            "Contoso Ltd",
            "Contoso Health");
    JsonNode item = items.get(1);
    assertThat(item.path("id").asText()).isEqualTo(SeedCustomers.FABRIKAM_ID);
    assertThat(item.path("companyProfile").path("tenantId").asText())
        .isEqualTo(SeedCustomers.FABRIKAM_ID);
    assertThat(item.path("companyProfile").path("domain").asText())
        .isEqualTo("fabrikamschools.onmicrosoft.com");
    assertThat(item.path("companyProfile").path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + SeedCustomers.FABRIKAM_ID + "/profiles/company");
    assertThat(item.path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(item.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + SeedCustomers.FABRIKAM_ID);
    assertThat(item.path("attributes").path("objectType").asText()).isEqualTo("Customer");
    assertThat(item.has("billingProfile")).isFalse();
    assertThat(items.get(8).path("companyProfile").path("companyName").asText()).endsWith(" 0001");
  }

  @Test
  void absentOrZeroSizeMeansFiveHundredAndLargerSizesAreClamped() {
    assertThat(Http.json(http.get("/v1/customers")).path("totalCount").asInt()).isEqualTo(500);
    assertThat(Http.json(http.get("/v1/customers?size=0")).path("totalCount").asInt())
        .isEqualTo(500);
    JsonNode big = Http.json(http.get("/v1/customers?size=5000"));
    assertThat(big.path("totalCount").asInt()).isEqualTo(500);
    assertThat(big.path("links").path("next").path("uri").asText()).contains("size=500");
  }

  @Test
  void negativeOrNonNumericSizeIsRefusedAsInvalidInput() {
    assertThat(Http.fault(http.get("/v1/customers?size=-1"))).isEqualTo("400/800002");
    assertThat(Http.fault(http.get("/v1/customers?size=ten"))).isEqualTo("400/800002");
  }

  @Test
  void aMissingOrGarbledContinuationTokenIsRefusedAsInvalidInput() {
    assertThat(Http.fault(http.get("/v1/customers?seekOperation=Next"))).isEqualTo("400/800002");
    assertThat(Http.fault(nextPage("not-a-token!"))).isEqualTo("400/800002");
    assertThat(Http.fault(nextPage("eyJmb28iOjF9"))).isEqualTo("400/800002"); // {"foo":1}
  }

  @Test
  void seekOperationValueAndPathWordsMatchIgnoringCase() {
    String token = Http.json(http.get("/v1/customers?size=500")).path("continuationToken").asText();

    HttpResponse<String> response =
        Http.send(
            http.request("/V1/Customers?SeekOperation=NEXT")
                .header("MS-ContinuationToken", token)
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).path("totalCount").asInt()).isEqualTo(500);
  }
}
