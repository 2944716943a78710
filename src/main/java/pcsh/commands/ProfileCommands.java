package pcsh.commands;

import static pcsh.commands.PictureViews.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.Resource;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.picture.AccountStatus;
import pcsh.picture.CustomerPicture;
import pcsh.picture.CustomerPicture.PartnerType;
import pcsh.picture.Read;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/** The customer's profiles, its indirect resellers and providers, and its account status. */
@Command(group = "Customer picture")
public class ProfileCommands {

  private final CustomerPicture picture;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final OutputPreference preference;

  ProfileCommands(
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
      command = "customer profile",
      description =
          """
          Show the customer's company profile and billing profile.
          Company name, domain, tenant, address, email, registration number and custom domains; \
          the billing contact, language and address. Without a suitable GDAP role Partner Center \
          leaves out the address, the email and the custom domains: pcsh shows them as hidden, \
          with the roles that would show them. --output json prints both profiles as received.
          Example: customer profile
          Example: customer profile --customer 2d4f6a8c-0e1b-4d3f-a5c7-e9f1b3d5a7c9 --output json
          See also: customer show, customer overview, customer access""")
  String profile(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    CustomerPicture.Profile p = picture.profile(id);
    if (format.structured()) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      out.put("companyProfile", p.company().json());
      out.put("billingProfile", p.billing().json());
      if (!p.customer().node("customDomains").isMissingNode())
        out.put("customDomains", p.customer().node("customDomains"));
      return format.render(out, ui.width());
    }
    Resource c = p.company();
    StringBuilder b = new StringBuilder("Company profile\n");
    field(b, "  Company name", c.text("companyName"));
    field(b, "  Domain", c.text("domain"));
    field(b, "  Tenant id", c.text("tenantId"));
    String address =
        c.has("address") ? PictureViews.address(new Resource(c.node("address"))) : null;
    field(b, "  Address", c.has("address") ? address : PictureViews.hidden(Read.ADDRESS_AND_EMAIL));
    field(b, "  Phone", c.text("address", "phoneNumber"));
    field(
        b,
        "  Email",
        c.has("email") ? c.text("email") : PictureViews.hidden(Read.ADDRESS_AND_EMAIL));
    field(b, "  Registration no.", c.text("organizationRegistrationNumber"));
    field(
        b,
        "  Custom domains",
        p.customer().has("customDomains")
            ? orNone(String.join(", ", p.customer().texts("customDomains")))
            : PictureViews.hidden(Read.CUSTOM_DOMAINS));
    field(b, "  Relationship", p.customer().text("relationshipToPartner"));
    Resource billing = p.billing();
    b.append("\nBilling profile\n");
    field(b, "  Contact", PictureViews.person(billing));
    field(b, "  Company name", billing.text("companyName"));
    field(
        b,
        "  Language",
        String.join(
            " / ",
            java.util.stream.Stream.of(billing.text("culture"), billing.text("language"))
                .filter(s -> s != null && !s.isBlank())
                .toList()));
    Resource billingAddress = new Resource(billing.node("defaultAddress"));
    field(b, "  Address", PictureViews.address(billingAddress));
    field(b, "  Addressed to", PictureViews.person(billingAddress));
    return b.toString().stripTrailing();
  }

  @Command(
      command = "relationships list",
      description =
          """
          List a customer's indirect resellers and providers, or the partner's own.
          With a customer (--customer or the selected one): the indirect resellers and providers \
          that serve it. With --partner-type: the partner's own indirect relationships, provider \
          (those it is the indirect provider of) or reseller (those it is an indirect reseller \
          of). Error 1002 there usually means the partner is not an indirect provider or reseller.
          Usage: relationships list [--customer ID | --partner-type provider|reseller] [options]
          Example: relationships list --customer 7c9e1a3b-5d7f-4b1d-9f3a-5c7e9a1b3d5f
          Example: relationships list --partner-type reseller --output json
          See also: customer overview, subscriptions list""")
  String relationships(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(
              longNames = "partner-type",
              label = "TYPE",
              description =
                  "provider or reseller: the partner's own indirect relationships, not a"
                      + " customer's")
          @OptionValues(provider = "partnerTypes")
          String partnerType,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    List<Resource> found;
    String none;
    if (partnerType != null) {
      String t = Values.choice("--partner-type", partnerType, List.of("provider", "reseller"));
      if (customer != null) {
        throw Failure.usage(
            "--partner-type lists the partner's own relationships, --customer a customer's: give"
                + " one of them.",
            "e.g. `relationships list --partner-type " + t + "`.");
      }
      PartnerType type = t.equals("provider") ? PartnerType.PROVIDER : PartnerType.RESELLER;
      found = picture.partnerRelationships(type);
      none = "The partner has no " + type.wire() + " relationships.";
    } else {
      String id = Inputs.targetCustomer(customer, session);
      found = picture.relationships(id);
      none = "Customer " + id + " has no indirect resellers or providers.";
    }
    if (format.structured())
      return format.render(found.stream().map(Resource::json).toList(), ui.width());
    if (found.isEmpty()) return none;
    Table t = new Table(List.of("NAME", "TYPE", "STATE", "MPN ID", "LOCATION", "ID"));
    for (Resource r : found) {
      t.row(
          r.text("name"),
          r.text("relationshipType"),
          r.text("state"),
          r.text("mpnId"),
          r.text("location"),
          r.text("id"));
    }
    return t.render(ui.width()).stripTrailing();
  }

  @Command(
      command = "account status",
      description =
          """
          Show the customer's account validation status.
          Allowed, UnderReview, NotAllowed, Unknown or Not Ready, as Partner Center sends it, and \
          whether it blocks the customer's transactions (UnderReview, NotAllowed and Unknown do). \
          A customer Partner Center has no status for (its 404 with code 600074) is not blocked, \
          and the command succeeds. --output json prints {"accountStatus": <the answer, or null \
          when there is none>, "transactionsBlocked": true|false}.
          Example: account status
          Example: account status --customer 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
          See also: customer overview, doctor""")
  String accountStatus(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    AccountStatus status = picture.accountStatus(id);
    if (format.structured()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("accountStatus", status.status().map(Resource::json).orElse(null));
      out.put("transactionsBlocked", status.blocking());
      return format.render(out, ui.width());
    }
    return "Account status: " + pcsh.output.Text.oneLine(status.sentence());
  }

  private static String orNone(String s) {
    return s.isBlank() ? "none" : s;
  }
}
