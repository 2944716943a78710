package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Graph's GDAP reads on the emulator's loopback server: Graph's envelope, {@code $filter}
 * on the customer's tenant id and the status, {@code $top} with {@code @odata.nextLink}, the access
 * assignments, Graph's error envelope and headers, and the {@code graph} fault.
 */
class GraphRoutesTest {

  static final String PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships";
  static Emulator emulator;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static String filter(String f) {
    return "?$filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void relationshipsAreFilteredByTheCustomersTenant() {
    HttpResponse<String> r =
        http.get(PATH + filter("customer/tenantId eq '" + SeedCustomers.TAILSPIN_ID + "'"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("application/json"));
    assertThat(r.headers().firstValue("request-id")).isPresent();
    JsonNode body = Http.json(r);
    assertThat(body.path("@odata.context").asText())
        .contains("$metadata#delegatedAdminRelationships");
    assertThat(body.path("value")).hasSize(2);
    for (JsonNode rel : body.path("value")) {
      assertThat(rel.path("customer").path("tenantId").asText())
          .isEqualTo(SeedCustomers.TAILSPIN_ID);
      assertThat(rel.path("id").asText()).endsWith("-" + SeedCustomers.TAILSPIN_ID);
      assertThat(rel.path("accessDetails").path("unifiedRoles").get(0).has("roleDefinitionId"))
          .isTrue();
    }
    assertThat(body.has("@odata.nextLink")).isFalse();
  }

  @Test
  void statusAndTenantFiltersCombineWithAnd() {
    JsonNode body =
        Http.json(
            http.get(
                PATH
                    + filter(
                        "customer/tenantId eq '"
                            + SeedCustomers.TAILSPIN_ID
                            + "' and status eq 'active'")));
    assertThat(body.path("value")).hasSize(1);
    assertThat(body.path("value").get(0).path("status").asText()).isEqualTo("active");

    JsonNode none =
        Http.json(
            http.get(PATH + filter("customer/tenantId eq '" + SeedCustomers.CONTOSO_LTD_ID + "'")));
    assertThat(none.path("value")).isEmpty();
    JsonNode pending = Http.json(http.get(PATH + filter("status eq 'approvalPending'")));
    assertThat(pending.path("value"))
        .extracting(n -> n.path("customer").path("tenantId").asText())
        .containsExactly(SeedCustomers.CONTOSO_HEALTH_ID);
  }

  @Test
  void topPagesWithAnAbsoluteNextLinkThatKeepsTheFilter() {
    List<String> ids = new ArrayList<>();
    String next = emulator.baseUrl() + PATH + filter("status eq 'active'") + "&$top=1";
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r =
          Http.send(
              HttpRequest.newBuilder(URI.create(next))
                  .header("Authorization", "Bearer test-token")
                  .GET()
                  .build());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode body = Http.json(r);
      assertThat(body.path("value")).hasSize(1);
      body.path("value").forEach(v -> ids.add(v.path("status").asText()));
      next = body.hasNonNull("@odata.nextLink") ? body.path("@odata.nextLink").asText() : null;
      if (next != null)
        assertThat(next).startsWith(emulator.baseUrl().toString()).contains("$skiptoken=");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).containsOnly("active");
  }

  @Test
  void accessAssignmentsBelongToTheirRelationship() {
    JsonNode rel =
        Http.json(
                http.get(
                    PATH
                        + filter(
                            "customer/tenantId eq '"
                                + SeedCustomers.TAILSPIN_ID
                                + "' and status eq 'active'")))
            .path("value")
            .get(0);
    String id = rel.path("id").asText();

    JsonNode one = Http.json(http.get(PATH + "/" + id));
    JsonNode assignments = Http.json(http.get(PATH + "/" + id + "/accessAssignments"));

    assertThat(one.path("displayName").asText()).isEqualTo(rel.path("displayName").asText());
    assertThat(assignments.path("value")).hasSize(1);
    JsonNode a = assignments.path("value").get(0);
    assertThat(a.path("status").asText()).isEqualTo("active");
    assertThat(a.path("accessContainer").path("accessContainerType").asText())
        .isEqualTo("securityGroup");
    assertThat(a.path("accessDetails").path("unifiedRoles").toString())
        .contains(GdapSeed.DIRECTORY_READERS);
  }

  @Test
  void errorsUseGraphsEnvelopeWithTheIds() {
    HttpResponse<String> unknown =
        Http.send(
            http.request(PATH + "/no-such-relationship")
                .header("client-request-id", "c0ffee00-0000-4000-8000-000000000001")
                .GET()
                .build());
    HttpResponse<String> badFilter = http.get(PATH + filter("displayName eq 'x'"));
    HttpResponse<String> badTop = http.get(PATH + "?$top=301");
    HttpResponse<String> noToken =
        Http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + PATH)).GET().build());

    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode error = Http.json(unknown).path("error");
    assertThat(error.path("code").asText()).isEqualTo("ResourceNotFound");
    assertThat(error.path("innerError").path("client-request-id").asText())
        .isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(error.path("innerError").path("request-id").asText())
        .isEqualTo(unknown.headers().firstValue("request-id").orElseThrow());
    assertThat(unknown.headers().firstValue("client-request-id"))
        .contains("c0ffee00-0000-4000-8000-000000000001");
    assertThat(error.path("innerError").path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(Http.json(badFilter).path("error").path("message").asText()).contains("filter");
    assertThat(badTop.statusCode()).isEqualTo(400);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(Http.json(noToken).path("error").path("code").asText())
        .isEqualTo("InvalidAuthenticationToken");
  }

  @Test
  void theGraphFaultAnswersEveryGraphRequestButNotPartnerCenter() {
    try {
      emulator.setFaults(Faults.parse("graph=403"));
      HttpResponse<String> graph = http.get(PATH);
      HttpResponse<String> pc = http.get("/v1/customers?size=1");
      assertThat(graph.statusCode()).isEqualTo(403);
      assertThat(Http.json(graph).path("error").path("code").asText())
          .isEqualTo("Authorization_RequestDenied");
      assertThat(pc.statusCode()).isEqualTo(200);

      emulator.setFaults(Faults.parse("graph=503"));
      assertThat(http.get(PATH).statusCode()).isEqualTo(503);
    } finally {
      emulator.setFaults(Faults.NONE);
    }
  }
}
