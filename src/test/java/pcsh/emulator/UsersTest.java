package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer's users (spec 20): seek paging like customers across Fabrikam's three pages, the
 * deleted-users filter, one user, its directory roles, and the GDAP role and App+User token they
 * need.
 */
class UsersTest extends ReadsFixture {

  static final String INACTIVE =
      "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}";

  static HttpResponse<String> next(JsonNode page) {
    JsonNode link = page.path("links").path("next");
    JsonNode header = link.path("headers").get(0);
    assertThat(header.path("key").asText()).isEqualTo("MS-ContinuationToken");
    return Http.send(
        http.request("/v1" + link.path("uri").asText())
            .header(header.path("key").asText(), header.path("value").asText())
            .GET()
            .build());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, UTF_8);
  }

  @Test
  void fabrikamsActiveUsersTakeThreePagesOf500FollowingTheNextLinks() {
    List<JsonNode> pages = new ArrayList<>();
    JsonNode page = ok(FABRIKAM + "/users");
    pages.add(page);
    while (page.path("links").has("next")) {
      HttpResponse<String> r = next(page);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      page = Http.json(r);
      pages.add(page);
    }

    assertThat(pages).extracting(p -> p.path("totalCount").asInt()).containsExactly(500, 500, 240);
    assertThat(pages.get(0).path("continuationToken").asText())
        .isEqualTo(
            pages.get(0).path("links").path("next").path("headers").get(0).path("value").asText());
    assertThat(pages.get(0).path("links").path("next").path("uri").asText())
        .isEqualTo(
            "/customers/" + SeedCustomers.FABRIKAM_ID + "/users?size=500&seekOperation=Next");
    assertThat(pages.get(2).has("continuationToken")).isFalse();
    List<String> ids = new ArrayList<>();
    pages.forEach(p -> items(p).forEach(u -> ids.add(u.path("id").asText())));
    assertThat(ids).hasSize(1240).doesNotHaveDuplicates();
    assertThat(pages)
        .allMatch(p -> p.path("attributes").path("objectType").asText().equals("Collection"));
    assertThat(pages)
        .flatExtracting(ReadsFixture::items)
        .allMatch(u -> u.path("state").asText().equals("active"));
  }

  @Test
  void aUserHasTheDocumentedFieldsAndNeverAPasswordProfile() {
    JsonNode first = items(ok(FABRIKAM + "/users?size=2")).get(0);

    assertThat(first.path("userPrincipalName").asText())
        .isEqualTo("admin@fabrikamschools.onmicrosoft.com");
    assertThat(first.path("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    for (String field :
        new String[] {"firstName", "lastName", "displayName", "usageLocation", "userDomainType"}) {
      assertThat(first.path(field).asText()).as(field).isNotBlank();
    }
    assertThat(first.has("lastDirectorySyncTime")).isTrue();
    assertThat(first.path("lastDirectorySyncTime").isNull()).isTrue();
    assertThat(first.has("softDeletionTime")).isFalse();
    assertThat(first.path("links").path("self").path("uri").asText())
        .isEqualTo(
            "/customers/" + SeedCustomers.FABRIKAM_ID + "/users/" + first.path("id").asText());
    assertThat(first.path("attributes").path("objectType").asText()).isEqualTo("CustomerUser");
    assertThat(ok(FABRIKAM + "/users?size=2").toString()).doesNotContainIgnoringCase("password");
  }

  @Test
  void theDeletedFilterInAnyCaseListsTheThreeDeletedUsers() {
    JsonNode page = ok(FABRIKAM + "/users?filter=" + enc(INACTIVE));
    JsonNode lower =
        ok(
            FABRIKAM
                + "/users?filter="
                + enc("{\"field\":\"userstate\",\"value\":\"inactive\",\"operator\":\"EQUALS\"}"));

    assertThat(page.path("totalCount").asInt()).isEqualTo(3);
    assertThat(page.path("links").has("next")).isFalse();
    assertThat(items(page))
        .allMatch(u -> u.path("state").asText().equals("inactive") && u.has("softDeletionTime"));
    assertThat(items(page))
        .extracting(u -> u.path("userPrincipalName").asText())
        .contains("teacher9@fabrikamschools.onmicrosoft.com");
    assertThat(lower.path("items")).isEqualTo(page.path("items"));
  }

  @Test
  void theDeletedUsersPageToo() {
    JsonNode first = ok(FABRIKAM + "/users?size=2&filter=" + enc(INACTIVE));
    JsonNode second = Http.json(next(first));

    assertThat(first.path("totalCount").asInt()).isEqualTo(2);
    assertThat(second.path("totalCount").asInt()).isEqualTo(1);
    assertThat(items(second).get(0).path("state").asText()).isEqualTo("inactive");
  }

  @Test
  void anotherFilterOrABadTokenIsRefused() {
    assertThat(
            Http.fault(
                http.get(
                    FABRIKAM
                        + "/users?filter="
                        + enc(
                            "{\"Field\":\"DisplayName\",\"Value\":\"A\",\"Operator\":\"starts_with\"}"))))
        .isEqualTo("400/800002");
    assertThat(
            Http.fault(
                Http.send(
                    http.request(FABRIKAM + "/users?seekOperation=Next")
                        .header("MS-ContinuationToken", "garbage!")
                        .GET()
                        .build())))
        .isEqualTo("400/800002");
  }

  @Test
  void oneUserAndItsDirectoryRoles() {
    List<JsonNode> firstTwo = items(ok(FABRIKAM + "/users?size=2"));
    String admin = firstTwo.get(0).path("id").asText();
    String teacher = firstTwo.get(1).path("id").asText();

    assertThat(ok(FABRIKAM + "/users/" + admin)).isEqualTo(firstTwo.get(0));
    JsonNode roles = ok(FABRIKAM + "/users/" + admin + "/directoryroles");
    assertThat(items(roles)).hasSize(1);
    JsonNode role = items(roles).get(0);
    assertThat(role.path("name").asText()).isEqualTo("Global Administrator");
    assertThat(role.path("id").asText()).isEqualTo("62e90394-69f5-4237-9190-012177145e10");
    assertThat(role.path("attributes").path("objectType").asText()).isEqualTo("DirectoryRole");
    assertThat(items(ok(FABRIKAM + "/users/" + teacher + "/directoryroles")))
        .extracting(r -> r.path("name").asText())
        .containsExactly("User Administrator");
    String student = items(ok(FABRIKAM + "/users?size=5")).get(4).path("id").asText();
    assertThat(items(ok(FABRIKAM + "/users/" + student + "/directoryroles"))).isEmpty();
  }

  @Test
  void anUnknownUserIs60002() {
    String admin = items(ok(FABRIKAM + "/users?size=1")).get(0).path("id").asText();
    String tampered = admin.substring(0, 35) + (admin.endsWith("1") ? "2" : "1");

    assertThat(Http.fault(http.get(FABRIKAM + "/users/" + tampered))).isEqualTo("404/60002");
    assertThat(Http.fault(http.get(FABRIKAM + "/users/nobody"))).isEqualTo("404/60002");
    assertThat(Http.fault(http.get(NORTHWIND + "/users/" + admin))).isEqualTo("404/60002");
    assertThat(Http.fault(http.get(FABRIKAM + "/users/nobody/directoryroles")))
        .isEqualTo("404/60002");
  }

  @Test
  void usersNeedAGdapRoleAndAnAppUserToken() {
    HttpResponse<String> noRole = http.get(CONTOSO_LTD + "/users");

    assertThat(Http.fault(noRole)).isEqualTo("403/2032");
    assertThat(Http.json(noRole).path("description").asText())
        .contains("Directory Readers", "Global Reader", "User Administrator")
        .doesNotContain("License Administrator");
    assertThat(Http.fault(http.get(LITWARE + "/users"))).isEqualTo("403/2032");
    assertThat(Http.fault(appOnly(FABRIKAM + "/users"))).isEqualTo("403/2032");
    assertThat(Http.json(appOnly(FABRIKAM + "/users")).path("description").asText())
        .contains("app-only");
    assertThat(ok(NORTHWIND + "/users").path("totalCount").asInt()).isEqualTo(33);
    assertThat(ok(TAILSPIN + "/users").path("totalCount").asInt()).isEqualTo(16);
  }
}
