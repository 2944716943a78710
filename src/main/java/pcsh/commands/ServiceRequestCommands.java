package pcsh.commands;

import static pcsh.commands.PictureViews.field;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.Resource;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.picture.CustomerPicture;
import pcsh.picture.ServiceRequestValues;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/**
 * Service requests, read-only: creating one through the API was retired on 31 August 2020 (spec
 * 22), so pcsh lists and shows them and points to the Partner Center portal for the rest.
 */
@Command(group = "Customer picture")
public class ServiceRequestCommands {

  private final CustomerPicture picture;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final OutputPreference preference;

  ServiceRequestCommands(
      CustomerPicture picture,
      SessionHolder session,
      Settings settings,
      Ui ui,
      OutputPreference preference) {
    this.picture = picture;
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.preference = preference;
  }

  @Command(
      command = "service-requests list",
      description =
          """
          List service requests: the customer's, or the partner's when no customer is selected.
          With --customer (or the selected customer) that customer's requests, otherwise all of \
          the partner's, every page (offset paging). --status and --severity keep one value; \
          pcsh filters, as the list sends them as strings or as integers. \
          Read-only: creating a service request through the API was retired on 31 August 2020; \
          create or update one in the Partner Center portal (Help + support).
          Usage: service-requests list [--customer ID] [--status S] [--severity S] [options]
          Example: service-requests list --status open
          Example: service-requests list --customer 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41 --output json
          See also: service-request show, customer overview""")
  String list(
      @Option(
              longNames = SharedOptions.CUSTOMER,
              description = "customer id (default: the selected customer, else the partner's)")
          String customer,
      @Option(
              longNames = "status",
              label = "STATUS",
              description = "none, open, closed or attention_needed")
          @OptionValues(provider = "serviceRequestStatuses")
          String status,
      @Option(
              longNames = "severity",
              label = "SEVERITY",
              description = "unknown, critical, moderate or minimal")
          @OptionValues(provider = "serviceRequestSeverities")
          String severity,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String st =
        status == null ? null : Values.choice("--status", status, ServiceRequestValues.STATUSES);
    String sv =
        severity == null
            ? null
            : Values.choice("--severity", severity, ServiceRequestValues.SEVERITIES);
    Optional<String> id =
        customer != null
            ? Optional.of(Inputs.customerId(Inputs.cleanValue("--customer", customer)))
            : session.get().customer().map(c -> c.id());
    Predicate<Resource> keep =
        r ->
            (st == null || st.equals(ServiceRequestValues.status(r)))
                && (sv == null || sv.equals(ServiceRequestValues.severity(r)));
    List<Resource> found = picture.serviceRequests(id.orElse(null), keep);
    if (format.structured())
      return format.render(found.stream().map(Resource::json).toList(), ui.width());
    if (found.isEmpty()) {
      return "No service requests"
          + (st == null && sv == null ? "" : " match")
          + (id.isPresent() ? " for customer " + id.get() : "")
          + ".";
    }
    Table t = new Table(List.of("ID", "TITLE", "SEVERITY", "STATUS", "PRODUCT", "CREATED"));
    for (Resource r : found) {
      t.row(
          r.text("id"),
          r.text("title"),
          ServiceRequestValues.severity(r),
          ServiceRequestValues.status(r),
          r.text("productName"),
          r.text("createdDate"));
    }
    return ui.page(t.render(ui.width()).stripTrailing(), "service requests");
  }

  @Command(
      command = "service-request show",
      description =
          """
          Show one service request, with its notes.
          Title, severity, status, product, support topic, organization, contacts, dates and \
          description, then each note. \
          Read-only: creating a service request through the API was retired on 31 August 2020; \
          create or update one in the Partner Center portal (Help + support).
          Usage: service-request show <request id> [options]
          Example: service-request show 613090811273571
          Example: service-request show 613090811273571 --output json
          See also: service-requests list""")
  String show(
      @Option(longNames = "id", label = "REQUEST-ID", description = "the request's id (digits)")
          String request,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    if (request == null) {
      throw Failure.usage(
          "service-request show needs a request id.",
          "e.g. `service-request show <id>`; `service-requests list` shows the ids.");
    }
    String rid =
        Inputs.id(
            "--id",
            request,
            "[0-9]{1,30}",
            "a service request id (digits)",
            "`service-requests list` shows the ids.");
    Resource r = picture.serviceRequest(rid);
    if (format.structured()) return format.render(r.json(), ui.width());
    StringBuilder b = new StringBuilder();
    field(b, "Service request", r.text("id"));
    field(b, "Title", r.text("title"));
    field(b, "Severity", ServiceRequestValues.severity(r));
    field(b, "Status", ServiceRequestValues.status(r));
    field(b, "Product", named(r, "productName", "productId"));
    field(b, "Support topic", named(r, "supportTopicName", "supportTopicId"));
    Resource org = new Resource(r.node("organization"));
    field(b, "Organization", named(org, "name", "id"));
    field(b, "Country", r.text("countryCode"));
    field(b, "Primary contact", PictureViews.person(new Resource(r.node("primaryContact"))));
    field(b, "Last updated by", PictureViews.person(new Resource(r.node("lastUpdatedBy"))));
    field(b, "Created", PictureViews.date(r.text("createdDate")));
    field(b, "Modified", PictureViews.date(r.text("lastModifiedDate")));
    field(b, "Closed", PictureViews.date(r.text("lastClosedDate")));
    field(b, "Description", r.text("description"));
    List<Resource> notes = r.list("notes");
    b.append(notes.isEmpty() ? "Notes:            none\n" : "Notes:\n");
    for (Resource n : notes) {
      b.append("  ")
          .append(Text.oneLine(PictureViews.date(n.text("createdDate"))))
          .append(
              n.text("createdByName") == null ? "" : " by " + Text.oneLine(n.text("createdByName")))
          .append(": ")
          .append(Text.oneLine(n.text("text")))
          .append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** "name (id)", or whichever of the two there is. */
  private static String named(Resource r, String nameField, String idField) {
    String name = r.text(nameField);
    String id = r.text(idField);
    if (name == null || name.isBlank()) return id;
    return id == null || id.isBlank() ? name : name + " (" + id + ")";
  }
}
