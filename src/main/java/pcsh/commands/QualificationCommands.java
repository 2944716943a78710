package pcsh.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.CommandAvailability;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.api.PlannedRequest;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRequest;
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

/**
 * Reading and setting a customer's qualification. Education without a segment and GCC use the
 * documented legacy {@code PUT .../qualification}; StateOwnedEntity and Education with a segment or
 * website use the V2 {@code POST .../qualifications}.
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
  }

  @Command(
      command = "qualification show",
      description =
          "Show the customer's qualification: the legacy value"
              + " and, where the service offers it, the V2 list with vetting status. Example: qualification show")
  String show(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
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
          "Qualify the customer as Education: the legacy PUT,"
              + " or the V2 POST when --segment or --website is given (V2 Education starts InReview)."
              + " Example: qualify education --segment K12 --website fabrikam.example")
  String education(
      @Option(longNames = "segment", description = "K12 or HigherEducation")
          @OptionValues(provider = "educationSegments")
          String segment,
      @Option(longNames = "website", description = "the institution's website (V2 only)")
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
    return run(id, write, yes, dryRun, format);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify gcc",
      description =
          "Qualify the customer as GovernmentCommunityCloud with one of"
              + " the partner's validation codes (legacy PUT with ?code=). The customer must have no qualification yet."
              + " Codes come from the partner's GCC validation (see `validation-codes list`); each use consumes one of"
              + " its remaining creates. Example: qualify gcc --code 448812")
  String gcc(
      @Option(longNames = "code", description = "a validationId from `validation-codes list`")
          @OptionValues(provider = "validationCodes")
          String code,
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(longNames = SharedOptions.DRY_RUN) boolean dryRun,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
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
        format);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(
      command = "qualify soe",
      description =
          "Qualify the customer as StateOwnedEntity (V2 POST); it may"
              + " be combined with Education or GCC. Example: qualify soe")
  String soe(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.YES) boolean yes,
      @Option(longNames = SharedOptions.DRY_RUN) boolean dryRun,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    return run(
        id, QualificationWrite.v2(QualificationRequest.stateOwnedEntity()), yes, dryRun, format);
  }

  /**
   * Plans the write (the rules are checked there), shows it, asks, sends, and says what happened.
   */
  private String run(
      String id, QualificationWrite write, boolean yes, boolean dryRun, OutputSpec format) {
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
    return QualificationWrite.segment(s)
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
