package pcsh.picture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The customer's other resources as spec 17 to 22 document them (composed JSON, invented ids), for
 * the WireMock contract tests.
 */
final class Documented {

  static final String CUSTOMER = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String NCE = "a1b2c3d4-0001-4a5b-8c6d-7e8f9a0b1c2d";
  static final String LEGACY = "a1b2c3d4-0002-4a5b-8c6d-7e8f9a0b1c2d";
  static final String TOKEN_2 = "dXNlcnMtcGFnZS0y";
  static final String TOKEN_3 = "dXNlcnMtcGFnZS0z";

  private Documented() {}

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("MS-CorrelationId", "{{request.headers.MS-CorrelationId}}")
        .withHeader("MS-RequestId", "{{request.headers.MS-RequestId}}")
        .withBody(body);
  }

  static ResponseDefinitionBuilder json(String body) {
    return json(200, body);
  }

  /**
   * A new commerce subscription whose status the documentation does not list ({@code frozen}) and
   * with a field it does not list, and a legacy one with {@code links.offer}; no {@code links} on
   * the collection.
   */
  static final String SUBSCRIPTIONS =
      """
      {"totalCount": 2, "items": [
        {"id": "%s", "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
         "offerName": "Microsoft 365 Business Basic", "friendlyName": "Basic for the office",
         "productType": {"id": "OnlineServicesNCE", "displayName": "OnlineServicesNCE"},
         "quantity": 25, "unitType": "Licenses", "status": "frozen", "autoRenewEnabled": true,
         "termDuration": "P1Y", "renewalTermDuration": "P1Y", "billingCycle": "monthly",
         "creationDate": "2026-02-01T10:00:00Z", "commitmentEndDate": "2027-01-31T00:00:00Z",
         "partnerId": "4847383", "suspensionReasons": [],
         "scheduledNextTermInstructions": {"product": {"productId": "CFQ7TTC0LH18",
           "skuId": "0002", "availabilityId": "CFQ7TTC0K972", "billingCycle": "annual",
           "termDuration": "P1Y"}, "quantity": 30},
         "carbonFootprint": {"kgCo2PerMonth": 12},
         "links": {"product": {"uri": "/products/CFQ7TTC0LH18?country=US", "method": "GET",
           "headers": []}},
         "attributes": {"etag": "eyJpZCI6IjEifQ==", "objectType": "Subscription"}},
        {"id": "%s", "offerId": "91FD106F-4B2C-4938-95AC-F54F74E9A239",
         "offerName": "Office 365 E3", "quantity": 10, "unitType": "Licenses",
         "status": "active", "autoRenewEnabled": false, "billingCycle": "annual",
         "commitmentEndDate": "9999-12-10T00:00:00Z",
         "links": {"offer": {"uri": "/offers/91FD106F-4B2C-4938-95AC-F54F74E9A239",
           "method": "GET", "headers": []}},
         "attributes": {"objectType": "Subscription"}}
      ], "attributes": {"objectType": "Collection"}}
      """
          .formatted(NCE, LEGACY);

  static String user(int n) {
    return """
        {"id": "00000000-0000-4000-8000-%012d", "userPrincipalName": "user%d@fabrikam.example",
         "firstName": "User", "lastName": "%d", "displayName": "User %d", "usageLocation": "US",
         "state": "active", "userDomainType": "managed", "lastDirectorySyncTime": null,
         "passwordProfile": {"password": "not-to-be-shown", "forceChangePassword": true},
         "links": {"self": {"uri": "/customers/%s/users/00000000-0000-4000-8000-%012d",
           "method": "GET", "headers": []}},
         "attributes": {"objectType": "CustomerUser"}}
        """
        .formatted(n, n, n, n, CUSTOMER, n);
  }

  /**
   * A page of users with a next link carrying its continuation token; the second page's link leaves
   * out {@code seekOperation}, which pcsh adds.
   */
  static String usersPage(int first, String nextUri, String token) {
    String next =
        nextUri == null
            ? ""
            : """
              , "next": {"uri": "%s", "method": "GET",
                "headers": [{"key": "MS-ContinuationToken", "value": "%s"}]}
              """
                .formatted(nextUri, token);
    return """
        {"totalCount": 2, "items": [%s, %s],
         "links": {"self": {"uri": "/customers/%s/users", "method": "GET", "headers": []}%s},
         "attributes": {"objectType": "Collection"}}
        """
        .formatted(user(first), user(first + 1), CUSTOMER, next);
  }

  static final String ACCOUNT_STATUS_NOT_FOUND =
      """
      {"code": 600074, "message": "Account Status for the customer, %s was not found.",
       "description": "Account Status for the customer, %s was not found.",
       "errorName": "AccountStatusNotFound", "isRetryable": false,
       "errorMessageExtended": "InternalErrorCode=600074"}
      """
          .formatted(CUSTOMER, CUSTOMER);

  static final String ACCOUNT_STATUS_UNDER_REVIEW =
      """
      {"type": "account", "status": "UnderReview", "lastUpdateDateTime": "2021-07-14T18:02:00"}
      """;

  /** The list sends severity and status as integers (spec 22's example: 0 and 1). */
  static final String SERVICE_REQUESTS =
      """
      {"totalCount": 2, "items": [
        {"id": "613090811273571", "title": "Licences do not appear", "severity": 0, "status": 1,
         "productName": "Microsoft 365", "createdDate": "2026-11-02T09:15:00Z",
         "attributes": {"objectType": "ServiceRequest"}},
        {"id": "613090811273572", "title": "Billing question", "severity": 2, "status": 2,
         "productName": "Partner Center", "createdDate": "2026-10-02T09:15:00Z",
         "lastClosedDate": "2026-10-05T10:00:00Z",
         "attributes": {"objectType": "ServiceRequest"}}
      ], "attributes": {"objectType": "Collection"}}
      """;

  /** Documented without links; PascalCase names as some examples spell them. */
  static final String RELATIONSHIPS =
      """
      {"TotalCount": 1, "Items": [
        {"Id": "c2d3e4f5-0000-4a5b-8c6d-7e8f9a0b1c2d", "Name": "Fabrikam Reseller",
         "RelationshipType": "is_indirect_reseller_of", "State": "active", "MpnId": "4847383",
         "Location": "US", "Attributes": {"ObjectType": "PartnerRelationship"}}
      ], "Attributes": {"ObjectType": "Collection"}}
      """;

  static String fault(int code, String description) {
    return "{\"code\": "
        + code
        + ", \"description\": \""
        + description
        + "\", \"data\": [], \"source\": \"PartnerFD\"}";
  }
}
