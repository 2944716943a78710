package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerLookupTest {

  private static Emulator emulator;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void getByIdReturnsTheFullCustomerObject() {
    HttpResponse<String> response = http.get("/v1/customers/" + SeedCustomers.FABRIKAM_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode c = Http.json(response);
    assertThat(c.path("id").asText()).isEqualTo(SeedCustomers.FABRIKAM_ID);
    assertThat(c.path("commerceId").asText()).matches("[0-9a-f-]{36}");
    assertThat(c.path("companyProfile").path("companyName").asText())
        .isEqualTo("Fabrikam School District");
    JsonNode billing = c.path("billingProfile");
    assertThat(billing.path("defaultAddress").path("country").asText()).isEqualTo("US");
    assertThat(billing.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + SeedCustomers.FABRIKAM_ID + "/profiles/billing");
    assertThat(billing.path("attributes").path("objectType").asText())
        .isEqualTo("CustomerBillingProfile");
    assertThat(billing.path("attributes").path("etag").asText()).isNotEmpty();
    assertThat(c.path("relationshipToPartner").asText()).isEqualTo("reseller");
    assertThat(c.path("allowDelegatedAccess").asBoolean()).isTrue();
    assertThat(c.path("customDomains").get(0).asText())
        .as("Fabrikam's GDAP relationship has Global Reader")
        .isEqualTo("fabrikamschools.onmicrosoft.com");
    assertThat(c.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + SeedCustomers.FABRIKAM_ID);
    assertThat(c.path("attributes").path("objectType").asText()).isEqualTo("Customer");
  }

  @Test
  void theSameCustomerLooksTheSameEveryTimeAndIdsMatchIgnoringCase() {
    String once = http.get("/v1/customers/" + SeedCustomers.TAILSPIN_ID).body();
    String again = http.get("/v1/customers/" + SeedCustomers.TAILSPIN_ID.toUpperCase()).body();

    assertThat(again).isEqualTo(once);
  }

  @Test
  void generatedCustomersFollowTheDocumentedIdNameAndDomainScheme() {
    JsonNode c = Http.json(http.get("/v1/customers/" + Http.generatedId(1)));

    assertThat(c.path("companyProfile").path("companyName").asText())
        .matches("[A-Z][A-Za-z ]+ [A-Za-z]+ 0001");
    assertThat(c.path("companyProfile").path("domain").asText())
        .matches("[a-z0-9]+1\\.onmicrosoft\\.com");
  }

  @Test
  void aMalformedCustomerIdIsRefusedWith900118() {
    HttpResponse<String> response = http.get("/v1/customers/not-a-guid");

    assertThat(Http.fault(response)).isEqualTo("400/900118");
    assertThat(Http.json(response).path("description").asText()).isEqualTo("Invalid customer id");
    assertThat(Http.fault(http.get("/v1/customers/not-a-guid/qualifications")))
        .isEqualTo("400/900118");
  }

  @Test
  void anUnknownCustomerIsNotFoundWith60003() {
    String unknown = "/v1/customers/00000000-0000-4000-8000-000000000000";

    assertThat(Http.fault(http.get(unknown))).isEqualTo("404/60003");
    assertThat(Http.fault(http.get(unknown + "/qualification"))).isEqualTo("404/60003");
    assertThat(Http.fault(http.put(unknown + "/qualification", "1"))).isEqualTo("404/60003");
    assertThat(Http.json(http.get(unknown)).path("description").asText())
        .isEqualTo("Tenant not found");
  }

  @Test
  void anUnknownRouteIsNotFoundWith1000() {
    assertThat(Http.fault(http.get("/v1/invoices"))).isEqualTo("404/1000");
    assertThat(Http.fault(http.get("/v1/customers/" + SeedCustomers.FABRIKAM_ID + "/orders")))
        .isEqualTo("404/1000");
  }

  @Test
  void aWrongMethodOnAKnownRouteIs405AndNamesTheAllowedOnes() {
    HttpResponse<String> response =
        Http.send(
            http.request("/v1/customers/" + SeedCustomers.FABRIKAM_ID + "/qualification")
                .DELETE()
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT");
    assertThat(Http.json(response).path("source").asText()).isEqualTo("PartnerCenterEmulator");
    HttpResponse<String> post =
        Http.send(
            http.request("/v1/customers").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
