package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.net.URI;
import java.util.Map;

/**
 * The customer's other resources (spec 17 to 22), on the same target as {@link PartnerCenterApi}:
 * profiles, relationships, subscriptions, licences, users, account status, service requests. Their
 * answers are JSON kept as sent ({@link Resource}, {@link ResourcePage}); a query parameter given
 * as null is left out.
 */
interface CustomerResourcesApi {

  @RequestLine(value = "GET /v1/customers/{id}", decodeSlash = false)
  JsonNode customerJson(@Param("id") String customerId);

  /** App+User only; without a GDAP role the service leaves out address and email (spec 18). */
  @RequestLine(value = "GET /v1/customers/{id}/profiles/company", decodeSlash = false)
  JsonNode companyProfile(@Param("id") String customerId);

  @RequestLine(value = "GET /v1/customers/{id}/profiles/billing", decodeSlash = false)
  JsonNode billingProfile(@Param("id") String customerId);

  /** The customer's indirect resellers and providers; no links, maybe {@code null} (spec 18). */
  @RequestLine(value = "GET /v1/customers/{id}/relationships", decodeSlash = false)
  JsonNode customerRelationships(@Param("id") String customerId);

  /**
   * The partner's own: {@code IsIndirectCloudSolutionProviderOf} or {@code IsIndirectResellerOf}.
   */
  @RequestLine("GET /v1/relationships?relationship_type={type}")
  JsonNode partnerRelationships(@Param("type") String type);

  /** The whole list in one answer; {@code order_id} and {@code mpn_id} cannot be combined. */
  @RequestLine(
      value = "GET /v1/customers/{id}/subscriptions?order_id={order}&mpn_id={mpn}",
      decodeSlash = false)
  JsonNode subscriptions(
      @Param("id") String customerId, @Param("order") String orderId, @Param("mpn") String mpnId);

  @RequestLine(value = "GET /v1/customers/{id}/subscriptions/{subscription}", decodeSlash = false)
  JsonNode subscription(
      @Param("id") String customerId, @Param("subscription") String subscriptionId);

  /**
   * {@code licenseGroupIds} is {@code Group1} or {@code Group2}; left out, the service's default.
   */
  @RequestLine(
      value = "GET /v1/customers/{id}/subscribedskus?licenseGroupIds={group}",
      decodeSlash = false)
  JsonNode subscribedSkus(@Param("id") String customerId, @Param("group") String group);

  /** The first page; {@code filter} is the URL-encoded JSON of a filter (deleted users). */
  @RequestLine(
      value = "GET /v1/customers/{id}/users?size={size}&filter={filter}",
      decodeSlash = false)
  JsonNode users(
      @Param("id") String customerId, @Param("size") Integer size, @Param("filter") String filter);

  /** The next page when an answer carries only a continuation token, as the SDKs ask for it. */
  @RequestLine(value = "GET /v1/customers/{id}/users?seekOperation=Next", decodeSlash = false)
  @Headers("MS-ContinuationToken: {token}")
  JsonNode nextUsers(@Param("id") String customerId, @Param("token") String token);

  /** A page's {@code links.next}, sent as the service wrote it, with the link's headers. */
  @RequestLine("GET")
  JsonNode followLink(URI next, @HeaderMap Map<String, Object> headers);

  @RequestLine(value = "GET /v1/customers/{id}/users/{user}", decodeSlash = false)
  JsonNode user(@Param("id") String customerId, @Param("user") String userId);

  @RequestLine(value = "GET /v1/customers/{id}/users/{user}/directoryroles", decodeSlash = false)
  JsonNode directoryRoles(@Param("id") String customerId, @Param("user") String userId);

  /** Not a collection; no status is a 404 with code 600074 in its own shape (spec 21). */
  @RequestLine(value = "GET /v1/customers/{id}/validationStatus?type=account", decodeSlash = false)
  JsonNode accountStatus(@Param("id") String customerId);

  @RequestLine("GET /v1/servicerequests?offset={offset}&size={size}")
  JsonNode serviceRequests(@Param("offset") Integer offset, @Param("size") Integer size);

  @RequestLine(
      value = "GET /v1/customers/{id}/servicerequests?offset={offset}&size={size}",
      decodeSlash = false)
  JsonNode customerServiceRequests(
      @Param("id") String customerId, @Param("offset") Integer offset, @Param("size") Integer size);

  @RequestLine(value = "GET /v1/servicerequests/{request}", decodeSlash = false)
  JsonNode serviceRequest(@Param("request") String requestId);
}
