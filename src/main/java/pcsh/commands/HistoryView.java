package pcsh.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import pcsh.api.Customer;
import pcsh.api.QualificationKind;
import pcsh.audit.QualificationHistory;
import pcsh.audit.QualificationHistory.Change;
import pcsh.audit.QualificationHistory.Source;
import pcsh.customers.RecentCustomers;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.qualification.QualificationState;

/** How `qualification history` shows a timeline: a table for people, one object otherwise. */
final class HistoryView {

  private HistoryView() {}

  static String text(QualificationHistory.Timeline t, RecentCustomers recent, int width) {
    String name =
        recent
            .find(t.customerId())
            .map(Customer::companyName)
            .or(
                () ->
                    t.changes().stream()
                        .filter(c -> c.record() != null)
                        .map(c -> c.record().customerName())
                        .filter(Objects::nonNull)
                        .findFirst())
            .orElse(null);
    StringBuilder b = new StringBuilder();
    b.append("Customer:  ")
        .append(name == null ? t.customerId() : Text.oneLine(name) + " (" + t.customerId() + ")")
        .append('\n');
    b.append("Range:     ").append(t.range()).append(" (UTC)\n\n");
    if (t.changes().isEmpty()) {
      b.append("No qualification changes in the audit log or pcsh's journal.\n");
    } else {
      Table table = new Table(List.of("TIME (UTC)", "CHANGE", "WHO", "STATUS", "IDS"));
      for (Change c : t.changes()) {
        table.row(AuditViews.time(c.time()), change(c), who(c), status(c), ids(c));
      }
      b.append(table.render(width)).append('\n');
    }
    b.append("Now:       ").append(Text.oneLine(now(t.now())));
    return b.toString();
  }

  static Map<String, Object> json(QualificationHistory.Timeline t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customerId", t.customerId());
    out.put("since", t.range().start().toString());
    out.put("until", t.range().end().toString());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change c : t.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", c.time().toString());
      m.put("before", c.before());
      m.put("after", c.after());
      m.put("source", source(c.source()));
      m.put("user", c.user());
      m.put("application", c.application());
      m.put("session", c.session());
      m.put("status", c.status());
      m.put("requestId", c.requestId());
      m.put("correlationId", c.correlationId());
      m.put("auditRecordId", c.record() == null ? null : c.record().id());
      changes.add(m);
    }
    out.put("changes", changes);
    Map<String, Object> now = new LinkedHashMap<>();
    t.now().legacy().ifPresent(v -> now.put("qualification", v));
    t.now().records().ifPresent(r -> now.put("qualifications", r));
    out.put("now", now);
    return out;
  }

  /** Every qualification held now (the legacy value names only one). */
  private static String now(QualificationState s) {
    return s.held().isEmpty()
        ? s.summary()
        : String.join(" + ", s.held().stream().map(QualificationKind::apiName).toList());
  }

  private static String source(Source s) {
    return switch (s) {
      case PCSH -> "pcsh";
      case PCSH_NOT_IN_LOG -> "pcsh, not yet in the audit log";
      case ELSEWHERE -> "elsewhere";
    };
  }

  private static String change(Change c) {
    String before = c.before() == null ? "?" : c.before();
    return c.after() == null ? "(values not readable)" : before + " → " + c.after();
  }

  /** "this pcsh, session S (user)" for pcsh's own writes; "elsewhere: user via app". */
  private static String who(Change c) {
    String user = AuditViews.who(c.user(), c.application());
    if (c.source() == Source.ELSEWHERE) return "elsewhere: " + (user.isEmpty() ? "?" : user);
    String pcsh = "this pcsh" + (c.session() == null ? "" : ", session " + c.session());
    return c.user() == null || c.user().isBlank() ? pcsh : pcsh + " (" + c.user() + ")";
  }

  private static String status(Change c) {
    String s = c.status() == null ? "" : c.status();
    return c.source() == Source.PCSH_NOT_IN_LOG ? s + ", not yet in the audit log" : s;
  }

  private static String ids(Change c) {
    return String.join(
        "; ",
        Stream.of(
                c.requestId() == null ? null : "MS-RequestId " + c.requestId(),
                c.correlationId() == null ? null : "correlation " + c.correlationId())
            .filter(Objects::nonNull)
            .toList());
  }
}
