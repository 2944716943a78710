package pcsh.graph;

import feign.Param;
import feign.RequestLine;
import java.net.URI;

/**
 * The Microsoft Graph v1.0 endpoints of GDAP that pcsh reads (spec 16). Every call also carries the
 * headers of {@link GraphClient}'s interceptor; a next page is the absolute {@code @odata.nextLink}
 * Graph returned, which {@link OriginGuard} checks before it is sent. Errors arrive as {@link
 * GraphException}.
 */
interface GraphApi {

  /**
   * The partner's relationships; Microsoft does not list which properties {@code $filter} takes, so
   * callers also filter what comes back.
   */
  @RequestLine(
      "GET /v1.0/tenantRelationships/delegatedAdminRelationships?$filter={filter}&$top={top}")
  RelationshipPage relationships(@Param("filter") String filter, @Param("top") int top);

  @RequestLine("GET")
  RelationshipPage nextRelationships(URI nextLink);

  /** Which security groups of the partner tenant hold which roles of one relationship. */
  @RequestLine(
      value =
          "GET /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments?$top={top}",
      decodeSlash = false)
  AssignmentPage accessAssignments(@Param("id") String relationshipId, @Param("top") int top);

  @RequestLine("GET")
  AssignmentPage nextAccessAssignments(URI nextLink);
}
