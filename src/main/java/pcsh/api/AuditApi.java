package pcsh.api;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.net.URI;
import java.util.Map;

/**
 * The audit-record endpoint (spec 14.1), on the same target as {@link PartnerCenterApi}: the
 * documented {@code GET /v1/auditrecords}, not the newer {@code /auditactivity/v1/...} whose paging
 * no source documents.
 */
interface AuditApi {

  /**
   * One window's first page. Dates are {@code yyyy-MM-dd} (UTC); {@code filter} is the URL-encoded
   * JSON of one {@link AuditFilter}, left out when null.
   */
  @RequestLine(
      "GET /v1/auditrecords?startDate={startDate}&endDate={endDate}&size={size}&filter={filter}")
  AuditPage auditRecords(
      @Param("startDate") String startDate,
      @Param("endDate") String endDate,
      @Param("size") Integer size,
      @Param("filter") String filter);

  /**
   * A page's {@code links.next}, sent as the service wrote it (its query already encoded) with the
   * link's headers, {@code MS-ContinuationToken} among them.
   */
  @RequestLine("GET")
  AuditPage follow(URI next, @HeaderMap Map<String, Object> headers);

  /**
   * The next page when a response carries only a continuation token (no {@code links.next}): the
   * form the SDKs use for every seek-based collection (inferred for audit records, spec 14.1).
   */
  @RequestLine("GET /v1/auditrecords?seekOperation=Next")
  @Headers("MS-ContinuationToken: {token}")
  AuditPage nextAuditRecords(@Param("token") String token);
}
