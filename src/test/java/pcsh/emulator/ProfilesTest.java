package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The company and billing profiles and the customer by id (spec 18), with the address, email and
 * custom domains the service leaves out for want of a GDAP role (spec 23); the partner's own
 * profiles (spec 21); and 20002 for a tenant that is no customer of the partner.
 */
class ProfilesTest extends ReadsFixture {

  @Test
  void theCompanyProfileWithAGlobalReaderRoleHasItsAddressAndEmail() {
    JsonNode p = ok(NORTHWIND + "/profiles/company");

    assertThat(p.path("tenantId").asText()).isEqualTo(SeedCustomers.NORTHWIND_ID);
    assertThat(p.path("domain").asText()).isEqualTo("northwindtraders.onmicrosoft.com");
    assertThat(p.path("companyName").asText()).isEqualTo("Northwind Traders");
    assertThat(p.path("email").asText()).isEqualTo("admin@northwindtraders.onmicrosoft.com");
    JsonNode address = p.path("address");
    for (String field : new String[] {"country", "region", "city", "addressLine1", "postalCode"}) {
      assertThat(address.path(field).asText()).as(field).isNotBlank();
    }
    assertThat(p.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + SeedCustomers.NORTHWIND_ID + "/profiles/company");
    assertThat(p.path("attributes").path("objectType").asText())
        .isEqualTo("CustomerCompanyProfile");
  }

  @Test
  void withoutAnyGdapRoleTheAddressEmailAndCustomDomainsAreLeftOut() {
    JsonNode profile = ok(CONTOSO_LTD + "/profiles/company");
    JsonNode customer = ok(CONTOSO_LTD);

    assertThat(profile.has("address")).isFalse();
    assertThat(profile.has("email")).isFalse();
    assertThat(profile.path("companyName").asText()).isEqualTo("Contoso Ltd");
    assertThat(customer.has("customDomains")).isFalse();
    assertThat(customer.path("companyProfile").has("email")).isFalse();
    assertThat(customer.path("companyProfile").has("address")).isFalse();
    assertThat(customer.path("billingProfile").path("email").asText())
        .as("the billing profile needs no GDAP role")
        .contains("@");
  }

  @Test
  void aGlobalReaderWithoutAGccRoleAssignedStillShowsEverything() {
    // Fabrikam's active relationship: License Administrator and Global Reader, in no group
    JsonNode customer = ok(FABRIKAM);

    assertThat(customer.path("customDomains").get(0).asText())
        .isEqualTo("fabrikamschools.onmicrosoft.com");
    assertThat(customer.path("companyProfile").path("email").asText()).contains("@");
    assertThat(ok(FABRIKAM + "/profiles/company").has("address")).isTrue();
  }

  @Test
  void anExpiredRelationshipGivesNoRole() {
    assertThat(ok(LITWARE + "/profiles/company").has("email")).isFalse();
    assertThat(ok(LITWARE).has("customDomains")).isFalse();
  }

  @Test
  void theBillingProfileTakesAnAppOnlyTokenTheCompanyProfileDoesNot() {
    HttpResponse<String> billing = appOnly(NORTHWIND + "/profiles/billing");
    HttpResponse<String> company = appOnly(NORTHWIND + "/profiles/company");

    assertThat(billing.statusCode()).isEqualTo(200);
    JsonNode b = Http.json(billing);
    assertThat(b.path("firstName").asText()).isNotBlank();
    assertThat(b.path("defaultAddress").path("country").asText()).isEqualTo("US");
    assertThat(b.path("attributes").path("objectType").asText())
        .isEqualTo("CustomerBillingProfile");
    assertThat(b.path("attributes").path("etag").asText()).isNotBlank();
    assertThat(b).isEqualTo(ok(NORTHWIND).path("billingProfile"));
    assertThat(Http.fault(company)).isEqualTo("403/2032");
  }

  @Test
  void aTenantWithNoCommerceRelationshipIs20002OnEveryCustomerRoute() {
    for (String path :
        new String[] {
          NOT_A_CUSTOMER,
          NOT_A_CUSTOMER + "/profiles/company",
          NOT_A_CUSTOMER + "/subscriptions",
          NOT_A_CUSTOMER + "/subscribedskus",
          NOT_A_CUSTOMER + "/users",
          NOT_A_CUSTOMER + "/relationships",
          NOT_A_CUSTOMER + "/validationStatus?type=account"
        }) {
      HttpResponse<String> r = http.get(path);
      assertThat(Http.fault(r)).as(path).isEqualTo("403/20002");
      assertThat(Http.json(r).path("description").asText())
          .isEqualTo("No relationship between caller and account.");
    }
    assertThat(
            Http.fault(
                http.get("/v1/customers/" + Http.generatedId(999_999) + "/profiles/billing")))
        .isEqualTo("404/60003");
  }

  @Test
  void thePartnersOwnProfilesAnswerAndAnUnknownMpnIdIs404With3000() {
    JsonNode org = ok("/v1/profiles/organization");
    assertThat(org.path("id").asText()).isEqualTo(Emulator.DEMO_PARTNER_ID);
    assertThat(org.path("companyName").asText()).isEqualTo(Emulator.DEMO_PARTNER_NAME);
    assertThat(org.path("attributes").path("objectType").asText()).isEqualTo("OrganizationProfile");

    JsonNode own = ok("/v1/profiles/mpn");
    assertThat(own.path("partnerName").asText()).isEqualTo(Emulator.DEMO_PARTNER_NAME);
    assertThat(own.path("mpnId").asText()).matches("\\d+");
    assertThat(ok("/v1/profiles/mpn?mpnId=6102387").path("partnerName").asText())
        .isEqualTo("Lamna Healthcare IT");
    assertThat(Http.fault(http.get("/v1/profiles/mpn?mpnId=1234"))).isEqualTo("404/3000");
    assertThat(Http.fault(appOnly("/v1/profiles/organization"))).isEqualTo("403/2032");
  }
}
