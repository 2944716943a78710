package pcsh.graph;

import java.util.List;

/**
 * A granular delegated admin relationship ({@code delegatedAdminRelationship}; a {@code
 * resellerDelegatedAdminRelationship} reads the same). Dates and durations stay as Graph wrote them
 * (ISO 8601 text), and unknown fields are ignored.
 *
 * @param status {@code active}, {@code approvalPending}, {@code expired}, {@code terminated}, ...
 *     (kept as text: Graph adds values)
 * @param autoExtendDuration e.g. {@code P180D}; {@code PT0S} means no auto-extension
 */
public record Relationship(
    String id,
    String displayName,
    CustomerRef customer,
    String status,
    String duration,
    String endDateTime,
    String autoExtendDuration,
    AccessDetails accessDetails) {

  public record CustomerRef(String tenantId, String displayName) {}

  /** The Entra roles a relationship or an assignment grants, by role template id. */
  public record AccessDetails(List<RoleRef> unifiedRoles) {
    public List<String> roleIds() {
      return unifiedRoles == null
          ? List.of()
          : unifiedRoles.stream()
              .map(RoleRef::roleDefinitionId)
              .filter(id -> id != null && !id.isBlank())
              .toList();
    }
  }

  public record RoleRef(String roleDefinitionId) {}

  public String tenantId() {
    return customer == null ? null : customer.tenantId();
  }

  public List<String> roleIds() {
    return accessDetails == null ? List.of() : accessDetails.roleIds();
  }
}
