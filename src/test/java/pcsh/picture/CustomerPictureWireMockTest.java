package pcsh.picture;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.picture.Documented.CUSTOMER;
import static pcsh.picture.Documented.LEGACY;
import static pcsh.picture.Documented.NCE;
import static pcsh.picture.Documented.TOKEN_2;
import static pcsh.picture.Documented.TOKEN_3;
import static pcsh.picture.Documented.json;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pcsh.api.Resource;
import pcsh.api.ResourcePage;

/**
 * The picture's lists as documented: an unknown subscription status and unmodelled fields kept,
 * three pages of users through the next link and its continuation token, integer enums and offset
 * paging of service requests, relationships without links and in PascalCase.
 */
class CustomerPictureWireMockTest extends WireMockPicture {

  @Test
  void anUnknownStatusAndUnmodelledFieldsArriveAsSent() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/subscriptions"))
            .willReturn(json(Documented.SUBSCRIPTIONS)));

    List<Resource> all = picture.subscriptions(CUSTOMER, null, null, null);

    assertThat(all).extracting(s -> s.text("id")).containsExactly(NCE, LEGACY);
    Resource nce = all.get(0);
    assertThat(SubscriptionStatus.of(nce)).isEqualTo("frozen");
    assertThat(nce.number("quantity")).hasValue(25L);
    assertThat(nce.json().path("carbonFootprint").path("kgCo2PerMonth").asInt()).isEqualTo(12);
    assertThat(nce.text("scheduledNextTermInstructions", "product", "skuId")).isEqualTo("0002");
    assertThat(SubscriptionStatus.legacy(nce)).isFalse();
    assertThat(SubscriptionStatus.legacy(all.get(1))).isTrue();
    assertThat(picture.subscriptions(CUSTOMER, "FROZEN", null, null)).hasSize(1);
    assertThat(picture.subscriptions(CUSTOMER, "expired", null, null)).isEmpty();
    assertThat(sent()).allSatisfy(r -> assertThat(r.getUrl()).isEqualTo(subscriptionsPath()));
  }

  @Test
  void anOrderOrAResellerIsAskedOfTheService() {
    wm.stubFor(
        get(urlEqualTo(subscriptionsPath() + "?mpn_id=4847383"))
            .willReturn(json(Documented.SUBSCRIPTIONS)));
    wm.stubFor(
        get(urlEqualTo(subscriptionsPath() + "?order_id=ab12-cd34"))
            .willReturn(json(Documented.SUBSCRIPTIONS)));

    assertThat(picture.subscriptions(CUSTOMER, null, null, "4847383")).hasSize(2);
    assertThat(picture.subscriptions(CUSTOMER, null, "ab12-cd34", null)).hasSize(2);
  }

  @Test
  void usersArePagedThroughTheNextLinkWithItsContinuationToken() {
    String users = "/v1/customers/" + CUSTOMER + "/users";
    wm.stubFor(
        get(urlEqualTo(users + "?size=500"))
            .withHeader("MS-ContinuationToken", absent())
            .willReturn(
                json(
                    Documented.usersPage(
                        1, "/customers/" + CUSTOMER + "/users?seekOperation=Next", TOKEN_2))));
    wm.stubFor(
        get(urlEqualTo(users + "?seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo(TOKEN_2))
            .willReturn(
                json(Documented.usersPage(3, "/customers/" + CUSTOMER + "/users", TOKEN_3))));
    wm.stubFor(
        get(urlEqualTo(users + "?seekOperation=Next"))
            .withHeader("MS-ContinuationToken", equalTo(TOKEN_3))
            .willReturn(json(Documented.usersPage(5, null, null))));

    List<Resource> all = new ArrayList<>();
    ResourcePage page = picture.users(CUSTOMER, false);
    all.addAll(page.items());
    for (Optional<ResourcePage> next = picture.nextUsers(CUSTOMER, page);
        next.isPresent();
        next = picture.nextUsers(CUSTOMER, page)) {
      page = next.get();
      all.addAll(page.items());
    }

    assertThat(all)
        .extracting(u -> u.text("displayName"))
        .containsExactly("User 1", "User 2", "User 3", "User 4", "User 5", "User 6");
    assertThat(all).allSatisfy(u -> assertThat(u.json().has("passwordProfile")).isFalse());
    assertThat(all.get(0).json().toString()).doesNotContain("not-to-be-shown");
    List<LoggedRequest> sent = sent();
    assertThat(sent)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            users + "?size=500", users + "?seekOperation=Next", users + "?seekOperation=Next");
    assertThat(sent)
        .extracting(r -> r.getHeader("MS-ContinuationToken"))
        .containsExactly(null, TOKEN_2, TOKEN_3);
    assertThat(sent)
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token"));
  }

  @Test
  void deletedUsersAreAskedForWithTheDocumentedFilter() {
    wm.stubFor(
        get(urlEqualTo(
                "/v1/customers/"
                    + CUSTOMER
                    + "/users?size=500&filter=%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22Inactive%22%2C%22Operator%22%3A%22equals%22%7D"))
            .willReturn(json(Documented.usersPage(1, null, null))));

    assertThat(picture.users(CUSTOMER, true).items()).hasSize(2);
  }

  @Test
  void serviceRequestEnumsArriveAsIntegersAndAreOffsetPaged() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/servicerequests?offset=0&size=100"))
            .willReturn(json(Documented.SERVICE_REQUESTS)));

    List<Resource> all = picture.serviceRequests(CUSTOMER, r -> true);

    assertThat(all)
        .extracting(ServiceRequestValues::severity)
        .containsExactly("unknown", "moderate");
    assertThat(all).extracting(ServiceRequestValues::status).containsExactly("open", "closed");
    assertThat(all.get(0).json().path("severity").isInt()).isTrue(); // printed as received
    assertThat(
            picture.serviceRequests(CUSTOMER, r -> "open".equals(ServiceRequestValues.status(r))))
        .extracting(r -> r.text("id"))
        .containsExactly("613090811273571");
  }

  @Test
  void aFullPageOfServiceRequestsIsFollowedByTheNextOffset() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"id\": \"")
          .append(1000 + i)
          .append("\", \"status\": \"open\"}");
    }
    wm.stubFor(
        get(urlEqualTo("/v1/servicerequests?offset=0&size=100"))
            .willReturn(json("{\"totalCount\": 100, \"items\": [" + items + "]}")));
    wm.stubFor(
        get(urlEqualTo("/v1/servicerequests?offset=100&size=100"))
            .willReturn(
                json(
                    "{\"totalCount\": 1, \"items\": [{\"id\": \"2000\", \"status\": \"Closed\"}]}")));

    List<Resource> all = picture.serviceRequests(null, r -> true);

    assertThat(all).hasSize(101);
    assertThat(ServiceRequestValues.status(all.get(100))).isEqualTo("closed");
  }

  @Test
  void relationshipsWithoutLinksAndInPascalCaseReadAsDocumented() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/relationships"))
            .willReturn(json(Documented.RELATIONSHIPS)));

    List<Resource> r = picture.relationships(CUSTOMER);

    assertThat(r).hasSize(1);
    assertThat(r.get(0).text("name")).isEqualTo("Fabrikam Reseller");
    assertThat(r.get(0).text("mpnId")).isEqualTo("4847383");
    assertThat(r.get(0).text("relationshipType")).isEqualTo("is_indirect_reseller_of");
  }

  @Test
  void aCustomerWithoutIndirectPartnersMayBeAnsweredWithNull() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + CUSTOMER + "/relationships")).willReturn(json("null")));

    assertThat(picture.relationships(CUSTOMER)).isEmpty();
  }

  @Test
  void thePartnersOwnRelationshipsAreAskedForByType() {
    wm.stubFor(
        get(urlEqualTo("/v1/relationships?relationship_type=IsIndirectResellerOf"))
            .willReturn(json(Documented.RELATIONSHIPS)));

    assertThat(picture.partnerRelationships(CustomerPicture.PartnerType.RESELLER)).hasSize(1);
  }
}
