package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subscribed SKUs (spec 20): no paging, license groups, units that reflect the subscriptions'
 * statuses, and the GDAP role they need (spec 23).
 */
class LicencesTest extends ReadsFixture {

  static JsonNode sku(List<JsonNode> skus, String part) {
    return skus.stream()
        .filter(s -> s.path("productSku").path("skuPartNumber").asText().equals(part))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + part + " in " + skus));
  }

  @Test
  void northwindsLicencesShowUnitsAtTheLimitInWarningAndSuspended() {
    JsonNode body = ok(NORTHWIND + "/subscribedskus");
    List<JsonNode> skus = items(body);

    assertThat(body.has("links")).isFalse();
    JsonNode premium = sku(skus, "SPB");
    assertThat(premium.path("activeUnits").asInt()).isEqualTo(18);
    assertThat(premium.path("consumedUnits").asInt()).isEqualTo(18);
    assertThat(premium.path("availableUnits").asInt()).isZero();
    assertThat(premium.path("totalUnits").asInt()).isEqualTo(18);
    assertThat(premium.path("capabilityStatus").asText()).isEqualTo("Enabled");

    JsonNode powerBi = sku(skus, "POWER_BI_PRO");
    assertThat(powerBi.path("warningUnits").asInt()).isEqualTo(8);
    assertThat(powerBi.path("activeUnits").asInt()).isZero();
    assertThat(powerBi.path("capabilityStatus").asText()).isEqualTo("Warning");

    JsonNode defender = sku(skus, "MDE_SMB");
    assertThat(defender.path("suspendedUnits").asInt()).isEqualTo(10);
    assertThat(defender.path("capabilityStatus").asText()).isEqualTo("Suspended");

    JsonNode product = premium.path("productSku");
    assertThat(product.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(product.path("name").asText()).isEqualTo("Microsoft 365 Business Premium");
    assertThat(product.path("targetType").asText()).isEqualTo("User");
    assertThat(product.path("licenseGroupId").asText()).isEqualTo("Group1");
    assertThat(premium.path("servicePlans").get(0).path("serviceName").asText()).isNotBlank();
    assertThat(premium.path("attributes").path("objectType").asText()).isEqualTo("SubscribedSku");
  }

  @Test
  void group1IsTheDefaultAndGroup2IsMinecraftOnly() {
    List<JsonNode> group1 = items(ok(FABRIKAM + "/subscribedskus"));
    List<JsonNode> group2 = items(ok(FABRIKAM + "/subscribedskus?licenseGroupIds=Group2"));
    List<JsonNode> both =
        items(ok(FABRIKAM + "/subscribedskus?licenseGroupIds=Group1&licenseGroupIds=Group2"));

    assertThat(group1)
        .allMatch(s -> s.path("productSku").path("licenseGroupId").asText().equals("Group1"));
    assertThat(group2)
        .extracting(s -> s.path("productSku").path("skuPartNumber").asText())
        .containsExactly("MEE_STUDENT");
    assertThat(both).hasSize(group1.size() + 1);
    assertThat(Http.fault(http.get(FABRIKAM + "/subscribedskus?licenseGroupIds=Group3")))
        .isEqualTo("400/900126");
  }

  @Test
  void withoutAnActiveGdapRoleTheReadIs403NamingTheRoles() {
    HttpResponse<String> r = http.get(CONTOSO_LTD + "/subscribedskus");

    assertThat(Http.fault(r)).isEqualTo("403/2032");
    JsonNode fault = Http.json(r);
    assertThat(fault.path("description").asText())
        .contains(
            "GDAP",
            "Directory Readers",
            "Global Reader",
            "User Administrator",
            "License Administrator");
    assertThat(fault.path("data").toString())
        .isEqualTo(
            "[\"Directory Readers\",\"Global Reader\",\"User Administrator\",\"License Administrator\"]");
    assertThat(Http.fault(http.get(LITWARE + "/subscribedskus")))
        .as("expired")
        .isEqualTo("403/2032");
    assertThat(Http.fault(http.get(CONTOSO_HEALTH + "/subscribedskus")))
        .as("approvalPending")
        .isEqualTo("403/2032");
    assertThat(http.get(TAILSPIN + "/subscribedskus").statusCode()).isEqualTo(200);
  }

  @Test
  void subscribedSkusAreAppUserOnly() {
    assertThat(Http.fault(appOnly(NORTHWIND + "/subscribedskus"))).isEqualTo("403/2032");
    assertThat(Http.json(appOnly(NORTHWIND + "/subscribedskus")).path("description").asText())
        .contains("app-only");
  }
}
