package pcsh.access;

import java.util.List;

/**
 * What Microsoft Graph says of the partner's GDAP access to one customer: the relationships (roles
 * by name, unknown ones by id), the access assignments of the active ones where Graph gave them,
 * and the verdict for a GovernmentCommunityCloud qualification.
 *
 * @param customerName as Graph names the customer in its relationships; null when there are none
 */
public record CustomerAccess(
    String customerTenantId,
    String customerName,
    List<RelationshipView> relationships,
    Verdict verdict) {

  /**
   * One relationship.
   *
   * @param autoExtend e.g. {@code P180D}, or {@code no} for {@code PT0S}
   * @param assignments the access assignments, read for active relationships; null when not read
   * @param assignmentsProblem why they could not be read, or null
   */
  public record RelationshipView(
      String id,
      String name,
      String status,
      String endDateTime,
      String autoExtend,
      List<String> roles,
      List<AssignmentView> assignments,
      String assignmentsProblem) {}

  /** A security group of the partner tenant and the roles it holds in the relationship. */
  public record AssignmentView(String groupId, String status, List<String> roles) {}

  /**
   * Whether a GCC qualification has the GDAP access Partner Center asks for.
   *
   * @param gccRole an active relationship includes one of the four roles
   * @param assigned that role is given to a security group by an active access assignment
   * @param text the plain sentence the user reads
   */
  public record Verdict(boolean gccRole, boolean assigned, String text) {
    public boolean ok() {
      return gccRole && assigned;
    }
  }
}
