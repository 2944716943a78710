package pcsh.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pcsh.access.CustomerAccess.RelationshipView;
import pcsh.api.QualificationRecord;
import pcsh.api.Resource;
import pcsh.output.Text;
import pcsh.picture.AccountStatus;
import pcsh.picture.Overview;
import pcsh.picture.ServiceRequestValues;
import pcsh.shell.ErrorFacts;

/** {@code customer overview} as text (a line or two per part) and as one JSON object. */
final class OverviewView {

  private static final Map<String, String> LABELS =
      Map.of(
          "company", "Company",
          "accountStatus", "Account status",
          "qualification", "Qualification",
          "gdap", "GDAP",
          "subscriptions", "Subscriptions",
          "licences", "Licences",
          "resellers", "Resellers",
          "serviceRequests", "Service requests");

  private OverviewView() {}

  static String text(Overview.Result r) {
    StringBuilder b = new StringBuilder();
    Overview.Part company = r.part("company");
    String name =
        company.failed()
            ? null
            : OverviewCommand.name(((Overview.Company) company.data()).customer());
    b.append("Customer overview: ")
        .append(name == null ? r.customerId() : Text.oneLine(name) + " (" + r.customerId() + ")")
        .append("\n\n");
    for (Overview.Part p : r.parts()) {
      if (p.failed()) {
        line(b, LABELS.get(p.key()), "FAILED: " + ErrorFacts.line(p.error()));
        continue;
      }
      for (String[] l : lines(p)) line(b, l[0], l[1]);
    }
    return b.toString().stripTrailing();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format("%-18s%s%n", label, Text.oneLine(value)));
  }

  private static List<String[]> lines(Overview.Part p) {
    List<String[]> out = new ArrayList<>();
    String label = LABELS.get(p.key());
    Object d = p.data();
    if (d instanceof Overview.Company c) {
      Resource cu = c.customer();
      out.add(
          new String[] {
            label,
            join(
                ", ",
                cu.text("companyProfile", "companyName"),
                cu.text("companyProfile", "domain"),
                tenant(cu))
          });
      out.add(new String[] {"Relationship", orDash(cu.text("relationshipToPartner"))});
    } else if (d instanceof AccountStatus a) {
      out.add(new String[] {label, a.sentence()});
    } else if (d instanceof Overview.Qualification q) {
      StringBuilder v = new StringBuilder(q.state().summary());
      q.state()
          .records()
          .filter(rs -> !rs.isEmpty())
          .ifPresent(
              rs ->
                  v.append(" (V2: ")
                      .append(String.join(", ", rs.stream().map(OverviewView::record).toList()))
                      .append(')'));
      out.add(new String[] {label, v.toString()});
      out.add(
          new String[] {
            "Last change",
            q.lastChange()
                .map(AuditViews::lastChange)
                .orElse("none in the audit log's last 30 days")
          });
    } else if (d instanceof Overview.Gdap g) {
      List<RelationshipView> all = g.access().relationships();
      long active = all.stream().filter(x -> "active".equalsIgnoreCase(x.status())).count();
      out.add(
          new String[] {
            label,
            active
                + " active of "
                + all.size()
                + " relationship"
                + (all.size() == 1 ? "" : "s")
                + "; for GCC "
                + (g.access().verdict().ok() ? "OK: " : "WARN: ")
                + g.access().verdict().text()
          });
      out.add(
          new String[] {
            "Nearest expiry",
            g.nearestExpiry().map(OverviewView::expiry).orElse("no active relationship")
          });
    } else if (d instanceof Overview.Subscriptions s) {
      List<String> counts = new ArrayList<>();
      s.byStatus().forEach((k, n) -> counts.add(n + " " + k));
      out.add(
          new String[] {
            label, s.total() == 0 ? "none" : s.total() + ": " + String.join(", ", counts)
          });
      out.add(
          new String[] {
            "Next commitment",
            s.nextCommitmentEnd()
                .map(
                    x ->
                        Overview.commitmentEnd(x)
                            + " ("
                            + SubscriptionCommands.name(x)
                            + ", "
                            + x.text("id")
                            + ")")
                .orElse("no active subscription with a commitment end ahead")
          });
    } else if (d instanceof Overview.Licences l) {
      List<String> flagged = new ArrayList<>();
      for (Overview.Flagged f : l.flagged()) {
        Resource sku = f.sku();
        flagged.add(
            PictureViews.first(new Resource(sku.node("productSku")), "skuPartNumber", "name")
                + " "
                + f.state()
                + " ("
                + orDash(sku.text("consumedUnits"))
                + " of "
                + orDash(PictureViews.first(sku, "totalUnits", "activeUnits"))
                + " consumed)");
      }
      out.add(
          new String[] {
            label,
            flagged.isEmpty()
                ? "none near or over its limit (" + l.total() + " SKUs)"
                : flagged.size()
                    + " of "
                    + l.total()
                    + " near or over their limit: "
                    + String.join("; ", flagged)
          });
    } else if (d instanceof Overview.Resellers rs) {
      out.add(
          new String[] {
            label,
            rs.resellers().isEmpty()
                ? "none"
                : String.join(
                    "; ",
                    rs.resellers().stream()
                        .map(
                            x ->
                                orDash(x.text("name"))
                                    + " (MPN "
                                    + orDash(x.text("mpnId"))
                                    + ", "
                                    + orDash(x.text("state"))
                                    + ")")
                        .toList())
          });
    } else if (d instanceof Overview.ServiceRequests sr) {
      out.add(
          new String[] {
            label,
            sr.open().isEmpty()
                ? "none open"
                : sr.open().size()
                    + " open: "
                    + String.join(
                        "; ",
                        sr.open().stream()
                            .map(
                                x ->
                                    x.text("id")
                                        + " \""
                                        + orDash(x.text("title"))
                                        + "\" ("
                                        + ServiceRequestValues.severity(x)
                                        + ", "
                                        + ServiceRequestValues.status(x)
                                        + ")")
                            .toList())
          });
    } else {
      out.add(new String[] {label, String.valueOf(p.data())});
    }
    return out;
  }

  /** One JSON object, a key per part holding its data or {@code {"error": ...}}. */
  static Map<String, Object> json(Overview.Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customerId", r.customerId());
    for (Overview.Part p : r.parts()) {
      out.put(p.key(), p.failed() ? OverviewCommand.error(p.error()) : data(p.data()));
    }
    return out;
  }

  private static Object data(Object d) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (d instanceof Overview.Company c) {
      return c.customer().json();
    } else if (d instanceof AccountStatus a) {
      m.put("accountStatus", a.status().map(Resource::json).orElse(null));
      m.put("transactionsBlocked", a.blocking());
    } else if (d instanceof Overview.Qualification q) {
      m.put("summary", q.state().summary());
      q.state().legacy().ifPresent(v -> m.put("qualification", v));
      q.state().records().ifPresent(v -> m.put("qualifications", v));
      m.put("lastChange", q.lastChange().map(a -> (Object) a.json()).orElse(null));
    } else if (d instanceof Overview.Gdap g) {
      m.put("verdict", g.access().verdict());
      m.put("nearestExpiry", g.nearestExpiry().orElse(null));
      m.put("relationships", g.access().relationships());
    } else if (d instanceof Overview.Subscriptions s) {
      m.put("total", s.total());
      m.put("byStatus", s.byStatus());
      m.put("nextCommitmentEnd", s.nextCommitmentEnd().map(Resource::json).orElse(null));
    } else if (d instanceof Overview.Licences l) {
      m.put("total", l.total());
      List<Map<String, Object>> flagged = new ArrayList<>();
      for (Overview.Flagged f : l.flagged()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("state", f.state());
        x.put("sku", f.sku().json());
        flagged.add(x);
      }
      m.put("nearOrOverLimit", flagged);
    } else if (d instanceof Overview.Resellers rs) {
      return rs.resellers().stream().map(Resource::json).toList();
    } else if (d instanceof Overview.ServiceRequests sr) {
      List<JsonNode> open = sr.open().stream().map(Resource::json).toList();
      m.put("open", open);
    } else {
      return d;
    }
    return m;
  }

  private static String record(QualificationRecord q) {
    return q.value().display() + (q.vettingStatus() == null ? "" : " " + q.vettingStatus());
  }

  private static String expiry(RelationshipView r) {
    return r.endDateTime() + " ('" + r.name() + "')";
  }

  private static String tenant(Resource customer) {
    String t = customer.text("companyProfile", "tenantId");
    if (t == null) t = customer.text("id");
    return t == null ? null : "tenant " + t;
  }

  private static String join(String sep, String... parts) {
    return String.join(
        sep, java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).toList());
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
