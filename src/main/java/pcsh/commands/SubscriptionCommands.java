package pcsh.commands;

import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.Resource;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.picture.CustomerPicture;
import pcsh.picture.Overview;
import pcsh.picture.SeenSubscriptions;
import pcsh.picture.SubscriptionStatus;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/** The customer's subscriptions (new commerce and legacy) and its licences (subscribed SKUs). */
@Command(group = "Customer picture")
public class SubscriptionCommands {

  private static final List<String> HEADERS =
      List.of("ID", "NAME", "STATUS", "QTY", "TERM", "BILLING", "AUTO-RENEW", "COMMITMENT END");

  private final CustomerPicture picture;
  private final SeenSubscriptions seen;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final OutputPreference preference;

  SubscriptionCommands(
      CustomerPicture picture,
      SeenSubscriptions seen,
      SessionHolder session,
      Settings settings,
      Ui ui,
      OutputPreference preference) {
    this.picture = picture;
    this.seen = seen;
    this.session = session;
    this.settings = settings;
    this.ui = ui;
    this.preference = preference;
  }

  @Command(
      command = "subscriptions list",
      description =
          """
          List the customer's subscriptions, new commerce and legacy.
          Name, status, quantity, term, billing cycle, auto-renew and commitment end; `subscription \
          show` has the rest. A status Partner Center added after pcsh was built is shown as \
          received. --status keeps one of the documented statuses (pcsh filters: the service has no \
          status filter); --order or --mpn-id (not both) asks the service for those of one order \
          or of one indirect reseller.
          Usage: subscriptions list [--status S] [--order ID | --mpn-id ID] [options]
          Example: subscriptions list --status active
          Example: subscriptions list --customer 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41 --output json
          See also: subscription show, licenses list, customer overview""")
  String list(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(
              longNames = "status",
              label = "STATUS",
              description =
                  "none, active, pending, suspended, expired, disabled or deleted (any case)")
          @OptionValues(provider = "subscriptionStatuses")
          String status,
      @Option(
              longNames = "order",
              label = "ID",
              description = "only the subscriptions of this order")
          String order,
      @Option(
              longNames = "mpn-id",
              label = "ID",
              description = "only the subscriptions sold by this indirect reseller (its MPN id)")
          String mpnId,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String s = status == null ? null : Values.choice("--status", status, SubscriptionStatus.KNOWN);
    if (order != null && mpnId != null) {
      throw Failure.usage(
          "--order and --mpn-id cannot be combined: Partner Center lists the subscriptions of an"
              + " order or of a reseller, not both.",
          "use one of them.");
    }
    String o =
        order == null
            ? null
            : Inputs.id(
                "--order",
                order,
                "[A-Za-z0-9_-]{1,100}",
                "an order id (letters, digits, - and _)",
                "`subscription show <id>` shows a subscription's order id.");
    String m =
        mpnId == null
            ? null
            : Inputs.id(
                "--mpn-id",
                mpnId,
                "[0-9]{1,20}",
                "an MPN id (digits)",
                "`relationships list` shows the MPN ids of the customer's resellers.");
    String id = Inputs.targetCustomer(customer, session);
    List<Resource> found = picture.subscriptions(id, s, o, m);
    seen.saw(id, found);
    if (format.structured())
      return format.render(found.stream().map(Resource::json).toList(), ui.width());
    if (found.isEmpty()) return "No subscriptions" + (s == null ? "" : " with status " + s) + ".";
    Table t = new Table(HEADERS);
    for (Resource r : found) {
      t.row(
          r.text("id"),
          name(r),
          SubscriptionStatus.of(r),
          r.text("quantity"),
          r.text("termDuration"),
          r.text("billingCycle"),
          PictureViews.yesNo(r.bool("autoRenewEnabled")),
          Overview.commitmentEnd(r));
    }
    return ui.page(t.render(ui.width()).stripTrailing(), "subscriptions");
  }

  @Command(
      command = "subscription show",
      description =
          """
          Show one subscription in full.
          Its offer (new commerce: product, SKU and availability; legacy: the offer link), \
          quantity, status (with suspension reasons), term, billing cycle, auto-renew, dates, \
          next-term instructions and the MPN id of its indirect reseller. Ids complete on Tab \
          once a listing has shown them.
          Usage: subscription show <subscription id> [--customer ID] [options]
          Example: subscription show 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11
          Example: subscription show <id> --output json
          See also: subscriptions list""")
  String show(
      @Option(longNames = "id", label = "SUBSCRIPTION-ID", description = "the subscription's id")
          @OptionValues(provider = "subscriptionIds")
          String subscription,
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    if (subscription == null) {
      throw Failure.usage(
          "subscription show needs a subscription id.",
          "e.g. `subscription show <id>`; `subscriptions list` shows the ids.");
    }
    String sid =
        Inputs.guid(
            "--id", subscription, "subscription", "`subscriptions list` shows the customer's ids.");
    String id = Inputs.targetCustomer(customer, session);
    Resource r = picture.subscription(id, sid);
    seen.saw(id, List.of(r));
    if (format.structured()) return format.render(r.json(), ui.width());
    return SubscriptionView.detail(r);
  }

  @Command(
      command = "licenses list",
      description =
          """
          List the customer's licences (subscribed SKUs).
          SKU part number, name, and units: total, consumed, available, in warning and \
          suspended. --group 2 lists Minecraft licences; the default, group 1, is everything \
          managed in Entra ID. No key joins a licence to a subscription.
          Example: licenses list
          Example: licenses list --group 2 --output csv
          See also: subscriptions list, customer overview""")
  String licenses(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(
              longNames = "group",
              label = "1|2",
              description = "licence group: 1 (Entra ID, the default) or 2 (Minecraft)")
          @OptionValues(provider = "licenseGroups")
          String group,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String g = group == null ? null : "Group" + Values.choice("--group", group, List.of("1", "2"));
    String id = Inputs.targetCustomer(customer, session);
    List<Resource> skus = picture.licences(id, g);
    if (format.structured())
      return format.render(skus.stream().map(Resource::json).toList(), ui.width());
    if (skus.isEmpty()) return "No licences" + (g == null ? "" : " in " + g) + ".";
    Table t =
        new Table(
            List.of(
                "SKU PART NUMBER",
                "NAME",
                "TOTAL",
                "CONSUMED",
                "AVAILABLE",
                "WARNING",
                "SUSPENDED"));
    for (Resource r : skus) {
      t.row(
          r.text("productSku", "skuPartNumber"),
          r.text("productSku", "name"),
          r.text("totalUnits"),
          r.text("consumedUnits"),
          r.text("availableUnits"),
          r.text("warningUnits"),
          r.text("suspendedUnits"));
    }
    return t.render(ui.width()).stripTrailing();
  }

  /** The friendly name, else the offer's name. */
  static String name(Resource r) {
    return PictureViews.first(r, "friendlyName", "offerName", "offerId");
  }
}
