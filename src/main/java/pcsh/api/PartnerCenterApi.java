package pcsh.api;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/**
 * The Partner Center endpoints of the qualification workflow, as documented (paths under {@code
 * /v1}): customers, their qualification, the partner's validation codes. The customer's other
 * resources are in {@link CustomerResourcesApi}, the audit records in {@link AuditApi}: each
 * interface is a Feign client of its own, made on its first call, so a command reads and wires only
 * the endpoints it may call. Every call also carries the headers added by {@link
 * PartnerCenterClient}'s interceptor. Errors arrive as {@link PartnerCenterException}. A query
 * parameter given as null is left out.
 */
interface PartnerCenterApi {

  /** First page; {@code size} and {@code filter} (URL-encoded JSON) are left out when null. */
  @RequestLine("GET /v1/customers?size={size}&filter={filter}")
  CustomerPage customers(@Param("size") Integer size, @Param("filter") String filter);

  /** Next page, as the SDKs ask for it: no size or filter, the token in a header. */
  @RequestLine("GET /v1/customers?seekOperation=Next")
  @Headers("MS-ContinuationToken: {token}")
  CustomerPage nextCustomers(@Param("token") String token);

  @RequestLine(value = "GET /v1/customers/{id}", decodeSlash = false)
  Customer customer(@Param("id") String customerId);

  /** The legacy single value, a bare JSON string (or number). */
  @RequestLine(value = "GET /v1/customers/{id}/qualification", decodeSlash = false)
  JsonNode legacyQualification(@Param("id") String customerId);

  /** Legacy set: the body is the integer enum value; {@code code} is sent only for GCC. */
  @RequestLine(value = "PUT /v1/customers/{id}/qualification?code={code}", decodeSlash = false)
  @Headers({"Content-Type: application/json", "MS-RequestId: {requestId}"})
  JsonNode setLegacyQualification(
      @Param("id") String customerId,
      @Param("code") String code,
      int body,
      @Param("requestId") String requestId);

  /** A bare array per the docs; some revisions wrap it as {@code {"qualifications": [...]}}. */
  @RequestLine(value = "GET /v1/customers/{id}/qualifications", decodeSlash = false)
  JsonNode qualifications(@Param("id") String customerId);

  @RequestLine(value = "POST /v1/customers/{id}/qualifications", decodeSlash = false)
  @Headers({"Content-Type: application/json", "MS-RequestId: {requestId}"})
  JsonNode createQualification(
      @Param("id") String customerId,
      QualificationRequest body,
      @Param("requestId") String requestId);

  @RequestLine("GET /v1/customers/all/validations")
  List<ValidationCode> validationCodes();
}
