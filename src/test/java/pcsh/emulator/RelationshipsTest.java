package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Indirect resellers (spec 18): the customer's, and the partner's own by relationship type; no
 * {@code links}; 1002 for the type the demo partner is not; App+User only.
 */
class RelationshipsTest extends ReadsFixture {

  @Test
  void contosoHealthHasItsNamedResellerWithAnMpnIdAndNoLinks() {
    JsonNode body = ok(CONTOSO_HEALTH + "/relationships");

    assertThat(body.has("links")).isFalse();
    assertThat(body.path("totalCount").asInt()).isEqualTo(1);
    assertThat(body.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    JsonNode r = items(body).get(0);
    assertThat(r.path("name").asText()).isEqualTo("Lamna Healthcare IT");
    assertThat(r.path("mpnId").asText()).isEqualTo("6102387");
    assertThat(r.path("relationshipType").asText()).isEqualTo("is_indirect_reseller_of");
    assertThat(r.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(r.path("state").asText()).isEqualTo("active");
    assertThat(r.path("location").asText()).isEqualTo("US");
    assertThat(r.path("attributes").path("objectType").asText()).isEqualTo("PartnerRelationship");
  }

  @Test
  void aCustomerWithoutIndirectResellersHasAnEmptyCollection() {
    JsonNode body = ok(TAILSPIN + "/relationships");

    assertThat(body.path("totalCount").asInt()).isZero();
    assertThat(body.path("items")).isEmpty();
    assertThat(ok("/v1/customers/" + Http.generatedId(5) + "/relationships").path("items"))
        .isEmpty();
  }

  @Test
  void thePartnerIsAnIndirectProviderOfThreeResellersInEitherSpellingOfTheType() {
    JsonNode body = ok("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf");

    assertThat(body.has("links")).isFalse();
    List<String> names = items(body).stream().map(r -> r.path("name").asText()).toList();
    assertThat(names)
        .containsExactly(
            "Wingtip Toys Cloud Services", "Lamna Healthcare IT", "Fourth Coffee Systems");
    assertThat(items(body))
        .allMatch(
            r ->
                r.path("relationshipType")
                    .asText()
                    .equals("is_indirect_cloud_solution_provider_of"));
    assertThat(ok("/v1/relationships?relationship_type=is_indirect_cloud_solution_provider_of"))
        .isEqualTo(body);
  }

  @Test
  void theTypeThePartnerIsNotIs1002AndABadTypeIs400() {
    assertThat(Http.fault(http.get("/v1/relationships?relationship_type=IsIndirectResellerOf")))
        .isEqualTo("403/1002");
    assertThat(
            Http.json(http.get("/v1/relationships?relationship_type=IsIndirectResellerOf"))
                .path("description")
                .asText())
        .isEqualTo("Authorization Failed");
    assertThat(Http.fault(http.get("/v1/relationships"))).isEqualTo("400/800002");
    assertThat(Http.fault(http.get("/v1/relationships?relationship_type=Friends")))
        .isEqualTo("400/900126");
  }

  @Test
  void bothListsAreAppUserOnly() {
    assertThat(Http.fault(appOnly(CONTOSO_HEALTH + "/relationships"))).isEqualTo("403/2032");
    assertThat(
            Http.fault(
                appOnly("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf")))
        .isEqualTo("403/2032");
  }
}
