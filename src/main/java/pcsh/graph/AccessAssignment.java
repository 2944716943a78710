package pcsh.graph;

import java.util.List;

/**
 * Which security group of the partner tenant holds which roles of a relationship ({@code
 * delegatedAdminAccessAssignment}).
 *
 * @param status {@code active}, {@code pending}, {@code deleting}, ... (kept as text)
 */
public record AccessAssignment(
    String id,
    String status,
    AccessContainer accessContainer,
    Relationship.AccessDetails accessDetails) {

  /** A security group ({@code accessContainerType}) by its object id in the partner tenant. */
  public record AccessContainer(String accessContainerId, String accessContainerType) {}

  public String groupId() {
    return accessContainer == null ? null : accessContainer.accessContainerId();
  }

  public List<String> roleIds() {
    return accessDetails == null ? List.of() : accessDetails.roleIds();
  }
}
