package pcsh.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.Resource;
import pcsh.failure.Failure;
import pcsh.picture.Overview;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.ErrorFacts;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;

/** {@code customer overview}: the customer's whole picture on one screen, for support. */
@Command(group = "Customer picture")
public class OverviewCommand {

  private final Overview overview;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final OutputPreference preference;

  OverviewCommand(
      Overview overview,
      SessionHolder session,
      Settings settings,
      Ui ui,
      OutputPreference preference) {
    this.overview = overview;
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.preference = preference;
  }

  @Command(
      command = "customer overview",
      description =
          """
          The customer on one screen, for support.
          Company, domain and tenant; relationship to the partner; account status; qualification \
          and its last change; the GDAP verdict with the nearest expiry; subscriptions by status \
          with the next commitment end; licences near or over their limit; indirect resellers; \
          open service requests. The parts are read at once, within the rate limit; a part that \
          fails shows one line with its status, error code and ids, and the others still show. \
          Exit 0 when every part was read, 1 when any failed. --output json prints one object \
          with a key per part, each holding its data or {"error": ...}.
          Example: customer overview
          Example: customer overview --customer 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41 --output json
          See also: customer profile, subscriptions list, account status, customer access""")
  String show(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    Overview.Result result = overview.of(id);
    String text =
        format.structured()
            ? format.render(OverviewView.json(result), ui.width())
            : OverviewView.text(result);
    if (!result.anyFailed()) return text;
    List<String> failed = new ArrayList<>();
    for (Overview.Part p : result.parts()) if (p.failed()) failed.add(p.key());
    ui.print(text.stripTrailing() + "\n");
    throw Failure.failed(
        "customer overview: "
            + failed.size()
            + " of "
            + result.parts().size()
            + " parts could not be read: "
            + String.join(", ", failed)
            + ".",
        "each FAILED line says why, with the ids support asks for; the part's own command (e.g."
            + " `subscriptions list`) shows its error in full.");
  }

  /** What a part's JSON holds when it failed. */
  static Map<String, Object> error(RuntimeException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", ErrorFacts.json(e));
    return m;
  }

  static String name(Resource customer) {
    return customer.text("companyProfile", "companyName");
  }
}
