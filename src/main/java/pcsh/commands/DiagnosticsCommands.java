package pcsh.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.access.AccessCheck;
import pcsh.access.CustomerAccess;
import pcsh.access.CustomerAccess.RelationshipView;
import pcsh.api.Customer;
import pcsh.customers.RecentCustomers;
import pcsh.diagnostics.Check;
import pcsh.diagnostics.Doctor;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.session.Redactor;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;

/** Access diagnostics: {@code doctor}, and a customer's GDAP relationships from Microsoft Graph. */
@Command(group = "Diagnostics")
public class DiagnosticsCommands {

  private final Doctor doctor;
  private final AccessCheck access;
  private final SessionHolder session;
  private final Settings settings;
  private final OutputPreference preference;
  private final RecentCustomers recent;
  private final Ui ui;

  DiagnosticsCommands(
      Doctor doctor,
      AccessCheck access,
      SessionHolder session,
      Settings settings,
      OutputPreference preference,
      RecentCustomers recent,
      Ui ui) {
    this.doctor = doctor;
    this.access = access;
    this.session = session;
    this.settings = settings;
    this.preference = preference;
    this.recent = recent;
    this.ui = ui;
  }

  @Command(
      command = "doctor",
      description =
          """
          Check what stands between you and a qualification write.
          One checklist, each line OK, WARN or FAIL with the next step: settings and where each           came from, private files, the service (status, round-trip time, clock skew), the           sign-in and its token's claims read on this machine (audience, App+User, MFA), 429s and           unsettled writes; with --customer (or the selected customer) the customer, its           qualification and the GDAP roles a GCC write needs. Exit 0 when no line fails, 1           otherwise.
          Usage: doctor [--customer ID] [--output table|json]
          Example: doctor
          Example: doctor --customer 8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13 --output json
          See also: customer access, whoami, last-error""")
  String doctor(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    Optional<String> id =
        customer != null && !customer.isBlank()
            ? Optional.of(Inputs.customerId(customer.strip()))
            : session.get().customer().map(c -> c.id());
    List<Check> checks = doctor.run(id);
    String text;
    if (format.structured()) {
      List<Map<String, Object>> rows =
          checks.stream()
              .map(
                  c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", c.status().name());
                    m.put("check", c.name());
                    m.put("found", c.found());
                    m.put("next", c.next());
                    return m;
                  })
              .toList();
      text = format.render(rows, ui.width());
    } else {
      text = checklist(checks);
    }
    // a service's message may echo the token it was sent: what doctor prints passes the redactor
    text = Redactor.shared().text(text);
    List<String> failed =
        checks.stream().filter(c -> c.status() == Check.Status.FAIL).map(Check::name).toList();
    if (failed.isEmpty()) return text;
    ui.print(text.stripTrailing() + "\n");
    throw Failure.failed(
        "doctor: " + failed.size() + " check(s) failed: " + String.join(", ", failed) + ".",
        "follow the next step under each FAIL line, then run `doctor` again.");
  }

  private static String checklist(List<Check> checks) {
    int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (Check c : checks) {
      b.append(String.format("%-4s  %-" + width + "s  %s%n", c.status(), c.name(), c.found()));
      if (c.next() != null) {
        b.append(" ".repeat(6 + width)).append("next: ").append(c.next()).append('\n');
      }
    }
    Map<Check.Status, Long> counts = new LinkedHashMap<>();
    for (Check.Status s : Check.Status.values()) {
      counts.put(s, checks.stream().filter(c -> c.status() == s).count());
    }
    b.append('\n')
        .append(counts.get(Check.Status.OK))
        .append(" OK, ")
        .append(counts.get(Check.Status.WARN))
        .append(" WARN, ")
        .append(counts.get(Check.Status.FAIL))
        .append(" FAIL");
    return b.toString();
  }

  @Command(
      command = "customer access",
      description =
          """
          Show the customer's GDAP relationships with the partner (Microsoft Graph).
          Each relationship's name, status, end date, auto-extend and roles (unknown role ids           shown as ids), and the security groups of the active ones. The last line says whether           an active relationship includes one of the four roles a GovernmentCommunityCloud           qualification needs, and whether it is assigned to a group.
          Usage: customer access [--customer ID] [options]
          Example: customer access
          Example: customer access --customer 8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13
          See also: qualify gcc, doctor""")
  String access(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    CustomerAccess a = access.read(id);
    if (format.structured()) return Redactor.shared().text(format.render(a, ui.width()));
    String name = recent.find(id).map(Customer::companyName).orElse(a.customerName());
    StringBuilder b = new StringBuilder();
    b.append("Customer:  ")
        .append(name == null ? id : Text.oneLine(name) + " (" + id + ")")
        .append('\n');
    if (a.relationships().isEmpty()) {
      b.append("No GDAP relationship with this customer.\n");
    } else {
      Table t = new Table(List.of("RELATIONSHIP", "STATUS", "ENDS", "AUTO-EXTEND", "ROLES"));
      for (RelationshipView r : a.relationships()) {
        t.row(
            r.name(),
            r.status(),
            r.endDateTime() == null ? "-" : r.endDateTime(),
            r.autoExtend(),
            String.join(", ", r.roles()));
      }
      b.append('\n').append(t.render(ui.width()));
      for (RelationshipView r : a.relationships()) {
        if (r.assignments() == null && r.assignmentsProblem() == null) continue;
        b.append("\nAccess assignments of '").append(r.name()).append("':\n");
        if (r.assignmentsProblem() != null) {
          b.append("  ").append(r.assignmentsProblem()).append('\n');
          continue;
        }
        if (r.assignments().isEmpty()) b.append("  none: no security group holds its roles\n");
        r.assignments()
            .forEach(
                x ->
                    b.append("  security group ")
                        .append(Text.oneLine(x.groupId()))
                        .append(" (")
                        .append(Text.oneLine(x.status()))
                        .append("): ")
                        .append(Text.oneLine(String.join(", ", x.roles())))
                        .append('\n'));
      }
    }
    b.append('\n')
        .append("GCC: ")
        .append(a.verdict().ok() ? "yes. " : "no. ")
        .append(a.verdict().text());
    return Redactor.shared().text(b.toString().stripTrailing());
  }
}
