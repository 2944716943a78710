package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's other resources (spec 17 to 22): profiles, relationships, subscriptions, subscribed
 * SKUs, users and their directory roles, the account validation status and service requests,
 * through the same Feign target, headers, retries and exchange log as {@link PartnerCenterClient}.
 * Every answer is kept as the JSON the service sent.
 */
public final class CustomerResources {

  /** The largest page of users the service gives (tools that did not follow next stopped here). */
  public static final int USERS_PAGE = 500;

  /** Deleted users, as the reference filters them (spec 20). */
  static final String DELETED_USERS =
      "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}";

  private final PartnerCenterClient client;

  public CustomerResources(PartnerCenterClient client) {
    this.client = client;
  }

  /** {@code GET /v1/customers/{id}} as sent: both profiles, relationship, custom domains. */
  public Resource customer(String customerId) {
    return one(api -> api.customerJson(customerId));
  }

  public Resource companyProfile(String customerId) {
    return one(api -> api.companyProfile(customerId));
  }

  public Resource billingProfile(String customerId) {
    return one(api -> api.billingProfile(customerId));
  }

  public List<Resource> relationships(String customerId) {
    return all(api -> api.customerRelationships(customerId));
  }

  /**
   * The partner's own indirect relationships of {@code type}: {@code
   * IsIndirectCloudSolutionProviderOf} or {@code IsIndirectResellerOf}.
   */
  public List<Resource> partnerRelationships(String type) {
    return all(api -> api.partnerRelationships(type));
  }

  /**
   * The customer's subscriptions, the whole list in one answer.
   *
   * @param orderId null, or the order whose subscriptions to list
   * @param mpnId null, or the MPN id of the reseller whose subscriptions to list
   */
  public List<Resource> subscriptions(String customerId, String orderId, String mpnId) {
    return all(api -> api.subscriptions(customerId, orderId, mpnId));
  }

  public Resource subscription(String customerId, String subscriptionId) {
    return one(api -> api.subscription(customerId, subscriptionId));
  }

  /**
   * The customer's subscribed SKUs (licences).
   *
   * @param group {@code Group1} or {@code Group2}; null for the service's default (Group1)
   */
  public List<Resource> subscribedSkus(String customerId, String group) {
    return all(api -> api.subscribedSkus(customerId, group));
  }

  /** The first page of users; {@code deleted} lists those deleted in the last 30 days instead. */
  public ResourcePage users(String customerId, int size, boolean deleted) {
    return page(api -> api.users(customerId, size, deleted ? DELETED_USERS : null));
  }

  /**
   * The page after {@code page}, or empty when it was the last: {@code links.next} is followed with
   * its header pairs and {@code seekOperation=Next}; a page with only a continuation token gets the
   * SDKs' {@code seekOperation=Next} request.
   */
  public Optional<ResourcePage> nextUsers(String customerId, ResourcePage page) {
    Optional<Link> link = page.next().filter(l -> l.uri() != null && !l.uri().isBlank());
    Optional<String> path = link.flatMap(l -> NextLink.pathAndQuery(l.uri()));
    if (path.isPresent()) {
      Map<String, Object> headers = NextLink.headers(link.get());
      page.token().ifPresent(t -> headers.putIfAbsent("MS-ContinuationToken", t));
      String next = NextLink.withSeekNext(path.get());
      return Optional.of(
          new ResourcePage(
              client.send(
                  CustomerResourcesApi.class,
                  (api, base) -> api.followLink(URI.create(base + next), headers))));
    }
    if (link.isPresent() && page.token().isEmpty()) {
      throw new PartnerCenterException(
          PartnerCenterException.Kind.UNREADABLE,
          200,
          null,
          "the next page's link is not a URI: " + link.get().uri(),
          "GET",
          "/v1/customers/" + customerId + "/users",
          null,
          null,
          Instant.now(),
          Optional.empty());
    }
    return page.token().map(t -> page(api -> api.nextUsers(customerId, t)));
  }

  public Resource user(String customerId, String userId) {
    return one(api -> api.user(customerId, userId));
  }

  public List<Resource> directoryRoles(String customerId, String userId) {
    return all(api -> api.directoryRoles(customerId, userId));
  }

  /** The account validation status; a customer without one is a 404 with code 600074. */
  public Resource accountStatus(String customerId) {
    return one(api -> api.accountStatus(customerId));
  }

  /**
   * One page of service requests from {@code offset}: the customer's, or the partner's when {@code
   * customerId} is null.
   */
  public ResourcePage serviceRequests(String customerId, int offset, int size) {
    return customerId == null
        ? page(api -> api.serviceRequests(offset, size))
        : page(api -> api.customerServiceRequests(customerId, offset, size));
  }

  public Resource serviceRequest(String requestId) {
    return one(api -> api.serviceRequest(requestId));
  }

  private Resource one(java.util.function.Function<CustomerResourcesApi, JsonNode> call) {
    return new Resource(client.send(CustomerResourcesApi.class, (api, base) -> call.apply(api)));
  }

  private ResourcePage page(java.util.function.Function<CustomerResourcesApi, JsonNode> call) {
    return new ResourcePage(
        client.send(CustomerResourcesApi.class, (api, base) -> call.apply(api)));
  }

  private List<Resource> all(java.util.function.Function<CustomerResourcesApi, JsonNode> call) {
    return page(call).items();
  }
}
