package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Filtered customer lists: the key spellings, field names and operators the service accepts, a
 * filter kept across pages, and the filters it refuses.
 */
class CustomerFilterTest extends CustomerListingFixture {

  @Test
  void prefixFilterWithPascalCaseKeysAndSnakeOperatorMatchesCompanyNameIgnoringCase() {
    JsonNode page =
        Http.json(
            http.get(
                "/v1/customers?size=0&filter="
                    + filter(
                        "{\"Field\":\"CompanyName\",\"Value\":\"contoso\",\"Operator\":\"starts_with\"}")));

    assertThat(page.path("totalCount").asInt()).isEqualTo(2);
    assertThat(page.path("items").get(0).path("id").asText())
        .isEqualTo(SeedCustomers.CONTOSO_LTD_ID);
    assertThat(page.path("items").get(1).path("id").asText())
        .isEqualTo(SeedCustomers.CONTOSO_HEALTH_ID);
    assertThat(page.path("links").has("next")).isFalse();
  }

  @Test
  void prefixFilterWithLowerCaseKeysAndStartsWithOperatorMatchesDomain() {
    JsonNode page =
        Http.json(
            http.get(
                "/v1/customers?filter="
                    + filter(
                        "{\"field\":\"domain\",\"value\":\"FABRI\",\"operator\":\"StartsWith\"}")));

    assertThat(page.path("totalCount").asInt()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(SeedCustomers.FABRIKAM_ID);
  }

  @Test
  void referenceFieldNamesAndEqualsOperatorMatchTheWholeValueIgnoringCase() {
    JsonNode byName =
        Http.json(
            http.get(
                "/v1/customers?filter="
                    + filter(
                        "{\"field\":\"DisplayName\",\"value\":\"contoso ltd\",\"operator\":\"Equals\"}")));
    JsonNode byDomain =
        Http.json(
            http.get(
                "/v1/customers?filter="
                    + filter(
                        "{\"FIELD\":\"default_domain_name\",\"VALUE\":\"contoso.onmicrosoft.com\","
                            + "\"OPERATOR\":\"equals\"}")));

    assertThat(byName.path("totalCount").asInt()).isEqualTo(1);
    assertThat(byName.path("items").get(0).path("id").asText())
        .isEqualTo(SeedCustomers.CONTOSO_LTD_ID);
    assertThat(byDomain.path("items").get(0).path("id").asText())
        .isEqualTo(SeedCustomers.CONTOSO_LTD_ID);
  }

  @Test
  void aFilteredListKeepsItsFilterAcrossPages() {
    JsonNode first =
        Http.json(
            http.get(
                "/v1/customers?size=40&filter="
                    + filter(
                        "{\"Field\":\"CompanyName\",\"Value\":\"Alpine\",\"Operator\":\"starts_with\"}")));
    JsonNode second = Http.json(nextPage(first.path("continuationToken").asText()));

    // i % 21 == 0 for i in 1..1192 -> 56 customers named "Alpine ..."
    assertThat(first.path("totalCount").asInt()).isEqualTo(40);
    assertThat(second.path("totalCount").asInt()).isEqualTo(16);
    assertThat(second.path("links").has("next")).isFalse();
    second
        .path("items")
        .forEach(
            i ->
                assertThat(i.path("companyProfile").path("companyName").asText())
                    .startsWith("Alpine "));
  }

  @Test
  void anUnsupportedOperatorIsRefusedWithCode2000() {
    HttpResponse<String> response =
        http.get(
            "/v1/customers?filter="
                + filter("{\"Field\":\"CompanyName\",\"Value\":\"c\",\"Operator\":\"substring\"}"));

    assertThat(Http.fault(response)).isEqualTo("400/2000");
    assertThat(Http.json(response).path("description").asText())
        .isEqualTo("Customer search only allows starts with and equals operation.");
  }

  @Test
  void aFilterThatIsNotJsonIsRefusedAsInvalidInput() {
    assertThat(Http.fault(http.get("/v1/customers?filter=" + filter("{Field:"))))
        .isEqualTo("400/800002");
  }
}
