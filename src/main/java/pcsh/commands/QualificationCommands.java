package pcsh.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.CommandAvailability;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.access.AccessCheck;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRequest;
import pcsh.audit.AuditTrail;
import pcsh.customers.RecentCustomers;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWrite;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.Qualifier;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/**
 * Reading and setting a customer's qualification. Education without a segment and GCC use the
 * documented legacy {@code PUT .../qualification}; StateOwnedEntity and Education with a segment or
 * website use the V2 {@code POST .../qualifications}.
 *
 * <p>Longer than most command classes: each write command declares its own options (Spring Shell
 * binds them by parameter), each command's description is its help page, and all of them share one
 * plan-ask-send path, which belongs here.
 */
@Command(group = "Qualification")
public class QualificationCommands {

  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final RecentCustomers recent;
  private final OutputPreference preference;
  private final QualificationWriter writer;
  private final Qualifier qualifier;
  private final AuditTrail audit;

  QualificationCommands(
      PartnerCenterClient client,
      SessionHolder session,
      Settings settings,
      Ui ui,
      RecentCustomers recent,
      OutputPreference preference,
      QualificationWriter writer) {
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.recent = recent;
    this.preference = preference;
    this.writer = writer;
    this.qualifier = new Qualifier(client, writer);
    this.audit = new AuditTrail(client);
  }

  @Command(
      command = "qualification show",
      description =
          """
          Show the customer's qualification.
          The legacy value and, where the service offers it, the V2 list with each entry's \
          vetting status, reason and date, and the last change found in the audit log's last 30 \
          days (--no-history skips that read); the prompt shows the qualification once read.
          Example: qualification show
          Example: qualification show --customer 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d --output json
          See also: qualification history, qualify education, qualify gcc, qualify soe, qualification watch""")
  String show(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = "no-history", description = "do not read the audit log's last change")
          boolean noHistory,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    QualificationState state = read(id);
    if (format.structured()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("customerId", id);
      state.legacy().ifPresent(v -> out.put("qualification", v));
      state.records().ifPresent(r -> out.put("qualifications", r));
      return format.render(out, ui.width());
    }
    StringBuilder b = new StringBuilder();
    String name = recent.find(id).map(Customer::companyName).orElse(null);
    b.append("Customer:       ")
        .append(name == null ? id : Text.oneLine(name) + " (" + id + ")")
        .append('\n');
    b.append("Qualification:  ").append(Text.oneLine(state.summary())).append('\n');
    if (!noHistory) {
      audit
          .lastQualificationChange(id)
          .ifPresent(
              r -> b.append("Last change:    ").append(AuditViews.lastChange(r)).append('\n'));
    }
    if (state.legacy().isEmpty())
      b.append("(The legacy qualification API is not offered by this service.)\n");
    if (state.records().isEmpty()) {
      b.append("(The V2 qualifications list is not offered by this service.)\n");
    } else if (state.records().get().isEmpty()) {
      b.append("V2 list:        none\n");
    } else {
      Table t = new Table(List.of("QUALIFICATION", "VETTING STATUS", "VETTING REASON", "CREATED"));
      state
          .records()
          .get()
          .forEach(
              r ->
                  t.row(
                      r.value().display(),
                      r.vettingStatus(),
                      r.vettingReason(),
                      r.vettingCreateDate()));
      b.append('\n').append(t.render(ui.width()));
    }
    return b.toString().stripTrailing();
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify education",
      description =
          """
          Qualify the customer as Education.
          Without options, the legacy PUT (body 1). With --segment (and --website), the V2 POST: \
          the entry starts InReview and Partner Center's vetting approves or denies it later \
          (`qualification watch` follows it). Shows the request and asks first; --yes skips the \
          question, --dry-run sends nothing.
          Example: qualify education
          Example: qualify education --segment K12 --website fabrikamschools.example --yes
          See also: qualification show, qualification watch, qualify bulk""")
  String education(
      @Option(longNames = "segment", label = "SEGMENT", description = "K12 or HigherEducation")
          @OptionValues(provider = "educationSegments")
          String segment,
      @Option(
              longNames = "website",
              label = "URL",
              description = "the institution's website, a domain or an http(s) URL (V2 only)")
          String website,
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(longNames = SharedOptions.DRY_RUN) boolean dryRun,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    String seg = segment == null ? null : segment(segment);
    String site = website == null ? null : website(website);
    if (site != null && seg == null) {
      throw Failure.usage(
          "--website needs --segment: the V2 API that takes a website requires an"
              + " education segment.",
          "add --segment K12 or --segment HigherEducation.");
    }
    QualificationWrite write =
        seg == null
            ? QualificationWrite.legacy(QualificationKind.EDUCATION, null)
            : QualificationWrite.v2(QualificationRequest.education(seg, site));
    return run(id, write, yes, dryRun, format, false);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify gcc",
      description =
          """
          Qualify the customer as GovernmentCommunityCloud with a validation code.
          The legacy PUT with ?code= (body 3); the customer must have no qualification yet. Codes \
          come from the partner's own GCC validation in Partner Center: `validation-codes list` \
          shows them with their remaining creates, and each use consumes one. pcsh refuses an \
          unknown or exhausted code before sending anything. Before asking, it checks in Microsoft \
          Graph that an active GDAP relationship gives one of the roles Partner Center requires, \
          and warns when none does (it never stops the write; --skip-access-check skips it).
          Usage: qualify gcc --code VALIDATION-ID [--customer ID] [--yes] [--dry-run] [options]
          Example: qualify gcc --code 448812
          Example: qualify gcc --code 448812 --customer 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41 --yes
          See also: validation-codes list, qualification show, customer access""")
  String gcc(
      @Option(
              longNames = "code",
              label = "VALIDATION-ID",
              description = "a validationId from `validation-codes list`")
          @OptionValues(provider = "validationCodes")
          String code,
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(longNames = SharedOptions.DRY_RUN) boolean dryRun,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query,
      @Option(
              longNames = "skip-access-check",
              description = "do not check the GDAP roles in Microsoft Graph first")
          boolean skipAccessCheck) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    if (code == null || code.isBlank()) {
      throw Failure.usage(
          "qualify gcc needs --code: GovernmentCommunityCloud is set with one of the"
              + " partner's validation codes.",
          "list them with `validation-codes list`, then run"
              + " `qualify gcc --code <validationId>`.");
    }
    String c = Inputs.cleanValue("--code", code);
    if (!QualificationWrite.validationCode(c)) {
      throw Failure.usage(
          "--code '"
              + Inputs.shown(c)
              + "' is not a validation code: codes are letters,"
              + " digits, '.', '_' or '-', at most 64 characters.",
          "copy a validationId from `validation-codes list`.");
    }
    String id = Inputs.targetCustomer(customer, session);
    return run(
        id,
        QualificationWrite.legacy(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, c),
        yes,
        dryRun,
        format,
        !skipAccessCheck);
  }

  /** {@code qualify gcc} as typed without --skip-access-check. */
  String gcc(
      String code, String customer, boolean yes, boolean dryRun, String output, String query) {
    return gcc(code, customer, yes, dryRun, output, query, false);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify soe",
      description =
          """
          Qualify the customer as StateOwnedEntity.
          The V2 POST {"qualification":"StateOwnedEntity"}; it may be combined with Education or \
          GovernmentCommunityCloud. Shows the request and asks first.
          Example: qualify soe
          Example: qualify soe --customer c4d5e6f7-0819-4a2b-8c3d-4e5f60718293 --dry-run
          See also: qualification show, qualify bulk""")
  String soe(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(longNames = SharedOptions.DRY_RUN) boolean dryRun,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    return run(
        id,
        QualificationWrite.v2(QualificationRequest.stateOwnedEntity()),
        yes,
        dryRun,
        format,
        false);
  }

  private AccessCheck access;

  /**
   * The GDAP check before a GCC write; without it (tests that build commands by hand) none runs.
   */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void accessCheck(AccessCheck check) {
    this.access = check;
  }

  /**
   * Plans the write (the rules are checked there), shows it (with the GDAP check's warning when
   * {@code checkAccess}), asks, sends, and says what happened.
   */
  private String run(
      String id,
      QualificationWrite write,
      boolean yes,
      boolean dryRun,
      OutputSpec format,
      boolean checkAccess) {
    boolean canAsk = !ui.noTerminal();
    if (!yes && !dryRun && !canAsk) {
      throw Failure.usage(
          "Not changing a qualification without confirmation, and there is no terminal to"
              + " ask on.",
          "add --yes to confirm, or --dry-run to only see the request.");
    }
    Qualifier.Plan plan = qualifier.plan(id, write);
    recent.saw(plan.customer());
    String name = plan.customerName();
    if (plan.alreadyHas().isPresent()) {
      return name + " already has " + plan.alreadyHas().get() + "; nothing was sent.";
    }
    if (checkAccess && access != null) access.beforeGcc(id).forEach(l -> ui.notice(l + "\n"));
    PlannedRequest request = plan.request();
    String summary =
        "Customer:   "
            + name
            + " ("
            + id
            + ")\n"
            + "Currently:  "
            + Text.oneLine(plan.before().summary())
            + "\n"
            + "Request:    "
            + request.method()
            + " "
            + request.pathAndQuery()
            + "\n"
            + "Body:       "
            + request.body()
            + "\n";
    if (dryRun) return summary + "Dry run: nothing was sent.";
    if (!yes) {
      ui.print(summary);
      if (!ui.confirm("Set " + write.kind().apiName() + " on " + name + "?")) {
        return "Cancelled; nothing was sent.";
      }
    }
    QualificationWriter.Outcome outcome = qualifier.send(plan);
    if (outcome.sent().isEmpty()) {
      PartnerCenterException failure = outcome.noAnswer();
      return "The write got "
          + QualificationWriter.unanswered(failure)
          + ", but reading back shows the change took"
          + " effect: the customer now has "
          + write.kind().apiName()
          + ". MS-RequestId "
          + failure.requestId()
          + ".";
    }
    QualificationWrite.Sent sent = outcome.sent().get();
    if (format.structured()) return format.render(sent.body(), ui.width());
    return (yes ? summary : "") + "Done: " + name + " is now " + Text.oneLine(sent.display()) + ".";
  }

  private QualificationState read(String id) {
    return writer.read(id);
  }

  private static String segment(String s) {
    return QualificationWrite.segment(Values.text("--segment", s))
        .orElseThrow(
            () ->
                Failure.usage(
                    "--segment '" + Inputs.shown(s) + "' is not an education segment.",
                    "use --segment K12 or --segment HigherEducation."));
  }

  private static String website(String w) {
    String v = Inputs.cleanValue("--website", w);
    if (!QualificationWrite.website(v)) {
      throw Failure.usage(
          "--website '" + Inputs.shown(v) + "' is not a website address.",
          "give a domain or URL such as fabrikamschools.example or https://www.fabrikamschools.example.");
    }
    return v;
  }
}
