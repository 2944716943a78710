package pcsh.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import pcsh.api.ValidationCode;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.WriteJournal;

/**
 * Reading and setting a customer's qualification. Education without a segment and GCC use the documented legacy
 * {@code PUT .../qualification}; StateOwnedEntity and Education with a segment or website use the V2
 * {@code POST .../qualifications}.
 */
@Command(group = "Qualification")
public class QualificationCommands {

  private final PartnerCenterClient client;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final RecentCustomers recent;
  private final OutputPreference preference;
  private final QualificationWriter writer;

  QualificationCommands(PartnerCenterClient client, SessionHolder session, Settings settings, Ui ui,
      RecentCustomers recent, OutputPreference preference, WriteJournal journal) {
    this.preference = preference;
    this.writer = new QualificationWriter(client, journal,
        (id, state) -> session.update(s -> s.knowingQualification(id, state == null ? null : state.shortLabel())));
    this.client = client;
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.recent = recent;
  }

  @Command(command = "qualification show", description = "Show the customer's qualification: the legacy value"
      + " and, where the service offers it, the V2 list with vetting status. Example: qualification show")
  String show(
      @Option(longNames = "customer", description = "customer id (default: the selected customer)")
      @OptionValues(provider = "customerIds") String customer,
      @Option(longNames = "output", shortNames = 'o', description = "table, json, yaml or csv")
      @OptionValues(provider = "outputFormats") String output,
      @Option(longNames = "query", description = "JMESPath expression applied to the result, e.g. \"[].id\"")
      String query) {
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
    b.append("Customer:       ").append(name == null ? id : Text.oneLine(name) + " (" + id + ")").append('\n');
    b.append("Qualification:  ").append(Text.oneLine(state.summary())).append('\n');
    if (state.legacy().isEmpty()) b.append("(The legacy qualification API is not offered by this service.)\n");
    if (state.records().isEmpty()) {
      b.append("(The V2 qualifications list is not offered by this service.)\n");
    } else if (state.records().get().isEmpty()) {
      b.append("V2 list:        none\n");
    } else {
      Table t = new Table(List.of("QUALIFICATION", "VETTING STATUS", "VETTING REASON", "CREATED"));
      state.records().get().forEach(r -> t.row(r.value().display(), r.vettingStatus(), r.vettingReason(),
          r.vettingCreateDate()));
      b.append('\n').append(t.render(ui.width()));
    }
    return b.toString().stripTrailing();
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(command = "qualify education", description = "Qualify the customer as Education: the legacy PUT,"
      + " or the V2 POST when --segment or --website is given (V2 Education starts InReview)."
      + " Example: qualify education --segment K12 --website fabrikam.example")
  String education(
      @Option(longNames = "segment", description = "K12 or HigherEducation")
      @OptionValues(provider = "educationSegments") String segment,
      @Option(longNames = "website", description = "the institution's website (V2 only)") String website,
      @Option(longNames = "customer", description = "customer id (default: the selected customer)")
      @OptionValues(provider = "customerIds") String customer,
      @Option(longNames = "yes", shortNames = 'y', description = "do not ask for confirmation") boolean yes,
      @Option(longNames = "dry-run", description = "show the request and send nothing") boolean dryRun,
      @Option(longNames = "output", shortNames = 'o', description = "table, json, yaml or csv")
      @OptionValues(provider = "outputFormats") String output,
      @Option(longNames = "query", description = "JMESPath expression applied to the result, e.g. \"[].id\"")
      String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    String seg = segment == null ? null : segment(segment);
    String site = website == null ? null : website(website);
    if (site != null && seg == null) {
      throw PcshException.usage("--website needs --segment: the V2 API that takes a website requires an"
          + " education segment.", "add --segment K12 or --segment HigherEducation.");
    }
    QualificationWrite write = seg == null
        ? QualificationWrite.legacy(QualificationKind.EDUCATION, null)
        : QualificationWrite.v2(QualificationRequest.education(seg, site));
    return run(id, write, yes, dryRun, format);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(command = "qualify gcc", description = "Qualify the customer as GovernmentCommunityCloud with one of"
      + " the partner's validation codes (legacy PUT with ?code=). The customer must have no qualification yet."
      + " Codes come from the partner's GCC validation (see `validation-codes list`); each use consumes one of"
      + " its remaining creates. Example: qualify gcc --code 448812")
  String gcc(
      @Option(longNames = "code", description = "a validationId from `validation-codes list`")
      @OptionValues(provider = "validationCodes") String code,
      @Option(longNames = "customer", description = "customer id (default: the selected customer)")
      @OptionValues(provider = "customerIds") String customer,
      @Option(longNames = "yes", shortNames = 'y', description = "do not ask for confirmation") boolean yes,
      @Option(longNames = "dry-run", description = "show the request and send nothing") boolean dryRun,
      @Option(longNames = "output", shortNames = 'o', description = "table, json, yaml or csv")
      @OptionValues(provider = "outputFormats") String output,
      @Option(longNames = "query", description = "JMESPath expression applied to the result, e.g. \"[].id\"")
      String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    if (code == null || code.isBlank()) {
      throw PcshException.usage("qualify gcc needs --code: GovernmentCommunityCloud is set with one of the"
          + " partner's validation codes.", "list them with `validation-codes list`, then run"
          + " `qualify gcc --code <validationId>`.");
    }
    String c = Inputs.cleanValue("--code", code);
    if (!QualificationWrite.validationCode(c)) {
      throw PcshException.usage("--code '" + Inputs.shown(c) + "' is not a validation code: codes are letters,"
          + " digits, '.', '_' or '-', at most 64 characters.", "copy a validationId from `validation-codes list`.");
    }
    String id = Inputs.targetCustomer(customer, session);
    return run(id, QualificationWrite.legacy(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, c), yes, dryRun, format);
  }

  @CommandAvailability(provider = "writeAvailability")
  @Command(command = "qualify soe", description = "Qualify the customer as StateOwnedEntity (V2 POST); it may"
      + " be combined with Education or GCC. Example: qualify soe")
  String soe(
      @Option(longNames = "customer", description = "customer id (default: the selected customer)")
      @OptionValues(provider = "customerIds") String customer,
      @Option(longNames = "yes", shortNames = 'y', description = "do not ask for confirmation") boolean yes,
      @Option(longNames = "dry-run", description = "show the request and send nothing") boolean dryRun,
      @Option(longNames = "output", shortNames = 'o', description = "table, json, yaml or csv")
      @OptionValues(provider = "outputFormats") String output,
      @Option(longNames = "query", description = "JMESPath expression applied to the result, e.g. \"[].id\"")
      String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    return run(id, QualificationWrite.v2(QualificationRequest.stateOwnedEntity()), yes, dryRun, format);
  }

  /** Reads the customer and its qualification, refuses what the rules forbid, shows the plan, asks, sends. */
  private String run(String id, QualificationWrite write, boolean yes, boolean dryRun, OutputSpec format) {
    boolean canAsk = !ui.noTerminal();
    if (!yes && !dryRun && !canAsk) {
      throw PcshException.usage("Not changing a qualification without confirmation, and there is no terminal to"
          + " ask on.", "add --yes to confirm, or --dry-run to only see the request.");
    }
    Customer customer = client.customer(id);
    recent.saw(customer);
    QualificationState state = read(id);
    String name = Text.oneLine(customer.companyName() == null ? id : customer.companyName());
    Optional<String> already = QualificationRules.alreadyHas(state, write.kind());
    if (already.isPresent()) {
      return name + " already has " + already.get() + "; nothing was sent.";
    }
    QualificationRules.refusal(state, write.kind()).ifPresent(reason -> {
      throw PcshException.refused(name + ": " + reason + " Nothing was sent.",
          "see the customer's state with `qualification show`.");
    });
    if (write.kind() == QualificationKind.GOVERNMENT_COMMUNITY_CLOUD) checkCode(write.code());

    PlannedRequest plan = write.plan(client, id);
    String summary = "Customer:   " + name + " (" + id + ")\n"
        + "Currently:  " + Text.oneLine(state.summary()) + "\n"
        + "Request:    " + plan.method() + " " + plan.pathAndQuery() + "\n"
        + "Body:       " + plan.body() + "\n";
    if (dryRun) return summary + "Dry run: nothing was sent.";
    if (!yes) {
      ui.print(summary);
      if (!ui.confirm("Set " + write.kind().apiName() + " on " + name + "?")) {
        return "Cancelled; nothing was sent.";
      }
    }
    reconcile();
    String requestId = PartnerCenterClient.newRequestId();
    QualificationWriter.Outcome outcome;
    try {
      outcome = writer.send(id, write, state, requestId, QualificationWriter.Throttled.NEVER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (outcome.sent().isEmpty()) {
      PartnerCenterException failure = outcome.noAnswer();
      return "The write got no answer (" + failure.description() + "), but reading back shows the change took"
          + " effect: the customer now has " + write.kind().apiName() + ". MS-RequestId " + failure.requestId()
          + ".";
    }
    QualificationWrite.Sent sent = outcome.sent().get();
    if (format.structured()) return format.render(sent.body(), ui.width());
    return (yes ? summary : "") + "Done: " + name + " is now " + Text.oneLine(sent.display()) + ".";
  }

  /** Settles journal entries left without a known outcome (see {@link QualificationWriter#reconcile()}). */
  List<String> reconcile() {
    return writer.reconcile();
  }

  private void checkCode(String code) {
    List<ValidationCode> codes = client.validationCodes();
    Optional<ValidationCode> match = codes.stream().filter(v -> code.equals(v.validationId())).findFirst();
    if (match.isEmpty()) {
      throw PcshException.refused("'" + code + "' is not one of the partner's validation codes. Nothing was sent.",
          "list the codes with `validation-codes list`.");
    }
    if (match.get().exhausted()) {
      throw PcshException.refused("Validation code " + code + " (" + Text.oneLine(match.get().organizationName())
              + ") has no creates remaining (0 of " + match.get().maxCreates() + "). Nothing was sent.",
          "pick a code with creates remaining from `validation-codes list`.");
    }
  }

  private QualificationState read(String id) {
    return writer.read(id);
  }

  private static String segment(String s) {
    return QualificationWrite.segment(s).orElseThrow(() -> PcshException.usage("--segment '" + Inputs.shown(s)
        + "' is not an education segment.", "use --segment K12 or --segment HigherEducation."));
  }

  private static String website(String w) {
    String v = Inputs.cleanValue("--website", w);
    if (!QualificationWrite.website(v)) {
      throw PcshException.usage("--website '" + Inputs.shown(v) + "' is not a website address.",
          "give a domain or URL such as fabrikamschools.example or https://www.fabrikamschools.example.");
    }
    return v;
  }
}
