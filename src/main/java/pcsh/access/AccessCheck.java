package pcsh.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pcsh.access.CustomerAccess.AssignmentView;
import pcsh.access.CustomerAccess.RelationshipView;
import pcsh.access.CustomerAccess.Verdict;
import pcsh.api.NotSignedInException;
import pcsh.auth.GraphToken;
import pcsh.failure.Failure;
import pcsh.graph.AccessAssignment;
import pcsh.graph.GraphClient;
import pcsh.graph.GraphException;
import pcsh.graph.Relationship;
import pcsh.output.Text;
import pcsh.session.Redactor;

/**
 * The GDAP check for GovernmentCommunityCloud: Partner Center requires one of four Entra roles in
 * the customer's tenant through an active granular delegated admin relationship (spec 16), which
 * lives in Microsoft Graph. {@link #read} is {@code customer access}; {@link #beforeGcc} is the
 * warning before a GCC write, which never stops the write: Partner Center is the judge, and Graph
 * being unreadable (no token, no consent, 403, an outage) is one line and nothing more.
 */
public final class AccessCheck {

  static final String WHERE_TO_GRANT =
      "in Partner Center open Customers > the customer > Admin relationships, request (or extend)"
          + " a relationship with one of these roles and, once the customer has approved it, assign"
          + " the role to a security group your account is in.";

  private final GraphClient graph;
  private final Supplier<GraphToken> token;

  /**
   * @param token the Graph token, or why there is none (read once per check)
   */
  public AccessCheck(GraphClient graph, Supplier<GraphToken> token) {
    this.graph = graph;
    this.token = token;
  }

  /**
   * The relationships with the customer and the verdict. Without a Graph token it fails with the
   * reason (exit 4); a Graph error arrives as {@link GraphException} with Graph's ids.
   */
  public CustomerAccess read(String customerTenantId) {
    GraphToken t = token.get();
    if (!t.available()) {
      throw new Failure(
          Failure.Kind.AUTH,
          "Microsoft Graph cannot be read, so the GDAP relationships are unknown: "
              + t.problem()
              + ".",
          t.next());
    }
    List<RelationshipView> views = new ArrayList<>();
    List<Relationship> found = graph.relationships(customerTenantId);
    for (Relationship r : found) views.add(view(r));
    String name =
        found.stream()
            .map(r -> r.customer() == null ? null : r.customer().displayName())
            .filter(n -> n != null && !n.isBlank())
            .map(Text::oneLine)
            .findFirst()
            .orElse(null);
    return new CustomerAccess(customerTenantId, name, List.copyOf(views), verdict(views));
  }

  /**
   * The lines to show before a GCC write to this customer: a warning when no active relationship
   * gives one of the four roles to a group, one line when Graph cannot be read, nothing when all is
   * well. Never throws.
   */
  public List<String> beforeGcc(String customerTenantId) {
    return beforeGcc(List.of(customerTenantId));
  }

  /**
   * {@link #beforeGcc(String)} for several customers (the GCC rows of a bulk run): one warning per
   * customer that lacks the access; when Graph cannot be read, one line for all of them.
   */
  public List<String> beforeGcc(List<String> customerTenantIds) {
    GraphToken t = token.get();
    if (!t.available()) return List.of(Redactor.shared().text(unreadable(t.problem())));
    List<String> lines = new ArrayList<>();
    String unread = null;
    for (String id : customerTenantIds) {
      CustomerAccess access;
      try {
        access = read(id);
      } catch (RuntimeException e) { // no consent, 403, an outage: one line for all, go on
        unread = unreadable(reason(e));
        break;
      }
      if (!access.verdict().ok()) {
        lines.add(
            "Warning: GDAP for GovernmentCommunityCloud"
                + (customerTenantIds.size() > 1 ? ", customer " + id : "")
                + ": "
                + access.verdict().text());
      }
    }
    if (!lines.isEmpty()) {
      lines.add(
          "  Partner Center requires "
              + GdapRoles.gccNames()
              + " through an active GDAP relationship; to grant one, "
              + WHERE_TO_GRANT);
      lines.add(
          "  Going on: Partner Center decides. (`customer access` shows the relationships;"
              + " --skip-access-check skips this check.)");
    }
    if (unread != null) lines.add(unread);
    // Graph's messages may echo what it was sent; the lines are printed, so they pass the redactor
    return lines.stream().map(Redactor.shared()::text).toList();
  }

  private static String reason(RuntimeException e) {
    if (e instanceof GraphException g) {
      return (g.status() == 0 ? "" : "HTTP " + g.status() + " ")
          + g.code().map(c -> c + ": ").orElse("")
          + Text.oneLine(g.getMessage())
          + g.requestId().map(id -> ", request-id " + id).orElse("");
    }
    if (e instanceof NotSignedInException) return "not signed in";
    return Text.oneLine(String.valueOf(e.getMessage()));
  }

  /** One line: why Graph could not be read, and that the write goes on. */
  private static String unreadable(String why) {
    return "GDAP roles not checked: Microsoft Graph could not be read ("
        + why.replaceAll("\\.$", "")
        + "); going on, Partner Center decides. (`customer access` shows the relationships;"
        + " --skip-access-check skips this check.)";
  }

  private RelationshipView view(Relationship r) {
    boolean active = "active".equalsIgnoreCase(r.status());
    List<AssignmentView> assignments = null;
    String problem = null;
    if (active) {
      try {
        assignments =
            graph.accessAssignments(r.id()).stream().map(AccessCheck::assignment).toList();
      } catch (GraphException e) {
        problem =
            "not readable (HTTP "
                + e.status()
                + e.code().map(c -> " " + c).orElse("")
                + e.requestId().map(id -> ", request-id " + id).orElse("")
                + ")";
      }
    }
    return new RelationshipView(
        r.id(),
        Text.oneLine(Optional.ofNullable(r.displayName()).orElse(r.id())),
        Optional.ofNullable(r.status()).orElse("unknown"),
        r.endDateTime(),
        "PT0S".equalsIgnoreCase(r.autoExtendDuration()) || r.autoExtendDuration() == null
            ? "no"
            : r.autoExtendDuration(),
        r.roleIds().stream().map(GdapRoles::name).toList(),
        assignments,
        problem);
  }

  private static AssignmentView assignment(AccessAssignment a) {
    return new AssignmentView(
        a.groupId(),
        Optional.ofNullable(a.status()).orElse("unknown"),
        a.roleIds().stream().map(GdapRoles::name).toList());
  }

  static Verdict verdict(List<RelationshipView> all) {
    List<String> gccNames = GdapRoles.GCC.stream().map(GdapRoles::name).toList();
    List<RelationshipView> active =
        all.stream().filter(r -> r.status().equalsIgnoreCase("active")).toList();
    List<RelationshipView> withRole =
        active.stream().filter(r -> r.roles().stream().anyMatch(gccNames::contains)).toList();
    if (withRole.isEmpty()) {
      String why;
      if (all.isEmpty()) {
        why = "The partner has no GDAP relationship with this customer.";
      } else if (active.isEmpty()) {
        why =
            "No GDAP relationship with this customer is active ("
                + String.join(", ", all.stream().map(RelationshipView::status).distinct().toList())
                + ").";
      } else {
        why =
            "No active GDAP relationship with this customer includes " + GdapRoles.gccNames() + ".";
      }
      return new Verdict(false, false, why);
    }
    for (RelationshipView r : withRole) {
      if (r.assignments() == null) continue;
      for (AssignmentView a : r.assignments()) {
        Optional<String> role = a.roles().stream().filter(gccNames::contains).findFirst();
        if (a.status().equalsIgnoreCase("active") && role.isPresent()) {
          return new Verdict(
              true,
              true,
              "An active GDAP relationship ('"
                  + r.name()
                  + "') includes "
                  + role.get()
                  + ", assigned to security group "
                  + a.groupId()
                  + " (pcsh does not check that your account is in that group).");
        }
      }
    }
    RelationshipView first = withRole.get(0);
    String role = first.roles().stream().filter(gccNames::contains).findFirst().orElseThrow();
    boolean unread = withRole.stream().allMatch(r -> r.assignments() == null);
    return new Verdict(
        true,
        false,
        "An active GDAP relationship ('"
            + first.name()
            + "') includes "
            + role
            + (unread
                ? ", but its access assignments could not be read, so whether a security group"
                    + " holds it is unknown."
                : ", but no active access assignment gives it to a security group."));
  }
}
