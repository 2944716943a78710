package pcsh.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.AuditRecord;
import pcsh.api.PartnerCenterClient;
import pcsh.audit.AuditCursor;
import pcsh.audit.AuditQuery;
import pcsh.audit.AuditRange;
import pcsh.audit.AuditTrail;
import pcsh.audit.QualificationHistory;
import pcsh.customers.RecentCustomers;
import pcsh.failure.Failure;
import pcsh.output.OutputFormat;
import pcsh.output.Table;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;

/**
 * Partner Center's audit log: who changed what, when, and through which tool; and one customer's
 * qualification timeline, the audit log merged with pcsh's write journal.
 */
@Command(group = "Audit")
public class AuditCommands {

  /** Records `audit list` prints without --all. */
  static final int DEFAULT_LIMIT = 100;

  static final String SINCE =
      "7d (today and the 6 days before, UTC) or a date such as 2026-11-01; at most 90 days back";
  static final String UNTIL = "the last day, a date such as 2026-11-20 (default: today, UTC)";

  private static final String NARROW =
      "run the command again, or narrow it with --since, --customer or --operation.";

  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final RecentCustomers recent;
  private final OutputPreference preference;
  private final AuditTrail trail;
  private final QualificationHistory history;

  AuditCommands(
      PartnerCenterClient client,
      SessionHolder session,
      Settings settings,
      Ui ui,
      RecentCustomers recent,
      OutputPreference preference,
      QualificationWriter writer,
      WriteJournal journal) {
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.recent = recent;
    this.preference = preference;
    this.trail = new AuditTrail(client);
    this.history = new QualificationHistory(trail, journal, writer::read);
  }

  @Command(
      command = "audit list",
      description =
          """
          List the partner's audit records, newest first.
          Partner Center keeps 90 days of records of every change, made by anyone (the portal,           another tool, an API integration). The newest 100 are shown, every one with --all,           printed as they arrive. The service filters on one field per request: the first of           --customer, --company and --resource-type given is sent as that filter; the others, and           --operation, are applied by pcsh to what comes back. A range over 30 days is read as           30-day requests, newest first.
          Usage: audit list [--customer ID] [--since 7d|DATE] [--until DATE] [--operation TYPE] [options]
          Example: audit list --since 7d --operation update_customer_qualification
          Example: audit list --customer 8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13 --since 90d --all
          Example: audit list --company contoso --output json
          See also: audit show, qualification history""")
  String list(
      @Option(
              longNames = SharedOptions.CUSTOMER,
              description = "customer id (default: every customer)")
          String customer,
      @Option(longNames = "since", label = "7d|DATE", description = SINCE + " (default: 30d)")
          String since,
      @Option(longNames = "until", label = "DATE", description = UNTIL) String until,
      @Option(
              longNames = "operation",
              label = "TYPE",
              description = "operation type, e.g. update_customer_qualification (any case)")
          String operation,
      @Option(
              longNames = "resource-type",
              label = "TYPE",
              description = "resource type, e.g. customer or order (any case)")
          String resourceType,
      @Option(
              longNames = "company",
              label = "TEXT",
              description = "text in the customer's company name (any case)")
          String company,
      @Option(longNames = "all", description = "every record in the range") boolean all,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    AuditQuery q =
        new AuditQuery(
            AuditRange.parse(since, until, AuditRange.WINDOW_DAYS, trail.clock()),
            customer == null ? null : Inputs.customerId(customer.strip()),
            company == null ? null : text("--company", company),
            resourceType == null ? null : type("--resource-type", resourceType, "customer"),
            operation == null
                ? null
                : type("--operation", operation, AuditTrail.QUALIFICATION_CHANGE));
    int limit = all ? Integer.MAX_VALUE : DEFAULT_LIMIT;
    AuditCursor cursor = trail.list(q, ui);
    String none = "No audit records match in " + q.range() + ".";
    String more =
        "\nShowing the newest "
            + limit
            + " records; there may be more: use --all, or narrow with --customer or --operation.";
    if (format.query().isEmpty() && (format.structured() || !ui.pages())) {
      Function<AuditRecord, Object> item =
          format.format() == OutputFormat.CSV ? AuditViews::csvItem : AuditViews::item;
      ListingStream<AuditRecord> listing =
          new ListingStream<>(ui, format, AuditViews.HEADERS, AuditViews::row, item);
      return listing.run(
          () -> {
            if (cursor.each(limit, listing::write, () -> listing.between("audit records", NARROW)))
              listing.note(more);
          },
          none);
    }
    List<AuditRecord> records = new ArrayList<>();
    boolean hasMore = cursor.each(limit, records::addAll, () -> {});
    if (format.structured())
      return format.render(records.stream().map(AuditViews::item).toList(), ui.width());
    if (records.isEmpty()) return none;
    Table t = new Table(AuditViews.HEADERS);
    records.forEach(r -> t.row(AuditViews.row(r)));
    return ui.page((t.render(ui.width()) + (hasMore ? more : "")).stripTrailing(), "audit records");
  }

  @Command(
      command = "audit show",
      description =
          """
          Show one audit record in full.
          Every field, the old and new values pretty-printed, customizedData and           originalCorrelationId. Version 1 of the API has no get-by-id, so pcsh searches: an id           shaped <partnerId>_<customerId>_<operation>_<ticks> narrows the search to that customer           and the days around its ticks; any other id is looked for in all 90 days.
          Usage: audit show <record id> [--output FORMAT]
          Example: audit show <an id from `audit list --output json`>
          See also: audit list, qualification history""")
  String show(
      @Option(
              longNames = "id",
              label = "RECORD-ID",
              description = "the record's id, from `audit list --output json`")
          String id,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    AuditRecord r = trail.find(id, ui);
    if (format.structured()) return format.render(AuditViews.item(r), ui.width());
    return AuditViews.detail(r);
  }

  @Command(
      command = "qualification history",
      group = "Qualification",
      description =
          """
          One timeline of the customer's qualification changes, oldest first.
          Partner Center's update_customer_qualification records merged with pcsh's write           journal, then the qualification now. A journal entry and an audit record are one change           when the record carries the entry's MS-RequestId, or else when both are for the same           customer and qualification (when the record names one) and at most 5 minutes apart.
          Usage: qualification history [--customer ID] [--since 7d|DATE] [options]
          Example: qualification history
          Example: qualification history --customer 8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13 --since 30d
          See also: qualification show, audit list, journal""")
  String history(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = "since", label = "7d|DATE", description = SINCE + " (default: 90d)")
          String since,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    AuditRange range = AuditRange.parse(since, null, (int) AuditRange.KEPT.toDays(), trail.clock());
    QualificationHistory.Timeline timeline = history.of(id, range, ui);
    if (format.structured()) return format.render(HistoryView.json(timeline), ui.width());
    return HistoryView.text(timeline, recent, ui.width());
  }

  /** Free text the service compares: no control characters, at most 256 characters. */
  private static String text(String option, String value) {
    String v = Inputs.cleanValue(option, value);
    if (v.length() > 256) {
      throw Failure.usage(
          option + " is " + v.length() + " characters long; at most 256 are accepted.",
          "give a shorter part of the name.");
    }
    return v;
  }

  /** An operation or resource type: words joined by '_' as the service spells them. */
  private static String type(String option, String value, String example) {
    String v = Inputs.cleanValue(option, value);
    if (!v.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw Failure.usage(
          option + " '" + Inputs.shown(v) + "' is not a type: types are words joined by '_'.",
          "e.g. " + option + " " + example + "; `audit list --output json` shows the types.");
    }
    return v;
  }
}
