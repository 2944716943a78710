package pcsh.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import pcsh.api.Customer;
import pcsh.api.CustomerFilter;
import pcsh.api.CustomerPage;
import pcsh.api.PartnerCenterClient;
import pcsh.customers.CustomerFinder;
import pcsh.customers.RecentCustomers;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.output.Text;
import pcsh.session.SelectedCustomer;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.shell.completion.CompletionCache;
import pcsh.values.Values;

/** Finding, selecting and showing customers. */
@Command(group = "Customers")
public class CustomerCommands {

  static final int MAX_PAGE = 500;
  private static final List<String> HEADERS = List.of("ID", "COMPANY NAME", "DOMAIN");
  private static final int CANDIDATES = 10;

  private final PartnerCenterClient client;
  private final SessionHolder session;
  private final Settings settings;
  private final RecentCustomers recent;
  private final Ui ui;
  private final ShellContext shellContext;
  private final OutputPreference preference;
  private final Optional<CompletionCache> completion;
  private final CustomerFinder finder;

  CustomerCommands(
      PartnerCenterClient client,
      SessionHolder session,
      Settings settings,
      RecentCustomers recent,
      Ui ui,
      ShellContext shellContext,
      OutputPreference preference,
      org.springframework.beans.factory.ObjectProvider<CompletionCache> completion) {
    this.preference = preference;
    this.completion = Optional.ofNullable(completion.getIfAvailable());
    this.client = client;
    this.session = session;
    this.settings = settings;
    this.recent = recent;
    this.ui = ui;
    this.shellContext = shellContext;
    this.finder = new CustomerFinder(client, recent);
  }

  @Command(
      command = "customers list",
      description =
          """
          List customers, one page at a time.
          Without options, the first page (pcsh.customers.page-size, 50); --all fetches every page \
          and prints each as it arrives. --name and --domain keep the customers whose company name \
          or domain starts with the value, in any case (Partner Center filters on one of them).
          Example: customers list --name contoso
          Example: customers list --all --output csv --query "[].{id: id, domain: companyProfile.domain}"
          See also: use customer, customer show""")
  String list(
      @Option(
              longNames = "size",
              label = "N",
              description =
                  "customers per page, 1 to 500 (default: pcsh.customers.page-size, or 500 with --all)")
          String size,
      @Option(longNames = "all", description = "fetch every page") boolean all,
      @Option(longNames = "name", label = "PREFIX", description = "company name prefix (any case)")
          String name,
      @Option(longNames = "domain", label = "PREFIX", description = "domain prefix (any case)")
          String domain,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(
              longNames = SharedOptions.QUERY,
              description =
                  "JMESPath expression applied to the result, e.g. \"[].id\";"
                      + " with --all every page is collected before the query runs (without one, pages print as they arrive)")
          String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    Integer pageOption = size == null ? null : Values.integer("--size", size, 1, MAX_PAGE);
    if (name != null && domain != null) {
      throw Failure.usage(
          "--name and --domain cannot be combined: Partner Center filters on one field.",
          "use one of them.");
    }
    // the prefix goes to the service exactly as typed (JSON-encoded in the filter)
    CustomerFilter filter =
        name != null
            ? CustomerFilter.companyNameStartsWith(Values.text("--name", name))
            : domain != null
                ? CustomerFilter.domainStartsWith(Values.text("--domain", domain))
                : null;
    int pageSize =
        pageOption != null
            ? pageOption
            : all ? MAX_PAGE : Math.min(MAX_PAGE, Math.max(1, settings.pageSize()));

    CustomerPage page = client.customers(pageSize, filter);
    if (all
        && page.nextToken().isPresent()
        && format.query().isEmpty()
        && (format.structured() || !ui.pages())) {
      return new CustomerStream(client, ui, recent).print(page, format, HEADERS);
    }
    List<Customer> customers = new ArrayList<>(page.itemsOrEmpty());
    Optional<String> next = page.nextToken();
    while (all && next.isPresent()) {
      ui.progress("Fetched " + customers.size() + " customers; fetching the next page...");
      page = client.nextCustomers(next.get());
      customers.addAll(page.itemsOrEmpty());
      next = page.nextToken();
    }
    ui.progressDone();
    recent.saw(
        customers.size() > RecentCustomers.MAX_KNOWN
            ? customers.subList(0, RecentCustomers.MAX_KNOWN)
            : customers);
    if (format.structured()) return format.render(customers, ui.width());
    Table t = new Table(HEADERS);
    customers.forEach(c -> t.row(c.id(), c.companyName(), c.domain()));
    StringBuilder out = new StringBuilder(t.render(ui.width()));
    if (customers.isEmpty()) {
      out.setLength(0);
      out.append("No customers").append(filter == null ? "" : " match that prefix").append(".\n");
    } else if (next.isPresent()) {
      out.append("Showing ")
          .append(customers.size())
          .append(" customers; more are available: use --all, or")
          .append(" narrow with --name or --domain.\n");
    }
    return ui.page(out.toString().stripTrailing(), "customers");
  }

  @Command(
      command = "use customer",
      description =
          """
          Select the customer the next commands work on.
          By id, domain or company-name prefix (several matches are listed and nothing is \
          selected); `use customer -` goes back to the previous one; with no argument, pick from \
          recent customers. The prompt shows the selection; it lasts for the shell session.
          Example: use customer Northwind
          Example: use customer contoso.onmicrosoft.com
          Example: use customer -
          See also: customers list, customer show, whoami""")
  String use(
      @Option(
              longNames = "customer",
              label = "CUSTOMER",
              arity = OptionArity.ZERO_OR_MORE,
              description =
                  "customer id, domain, company-name prefix, or - for the previous customer")
          @OptionValues(provider = "customerNames")
          String[] query) {
    String q = query == null ? "" : String.join(" ", query).strip();
    if (q.codePoints().anyMatch(Character::isISOControl)) Values.text("use customer", q);
    Customer chosen;
    if (q.equals("-")) {
      SelectedCustomer previous =
          session
              .get()
              .previous()
              .orElseThrow(
                  () ->
                      Failure.usage(
                          "There is no previous customer to go back to.",
                          "select one with `use customer <id | domain | name>`."));
      chosen = client.customer(previous.id());
    } else if (q.isEmpty()) {
      chosen = pick();
    } else {
      chosen = find(q);
    }
    recent.saw(chosen);
    SelectedCustomer selected =
        new SelectedCustomer(chosen.id(), chosen.companyName(), chosen.domain());
    session.update(s -> s.selecting(selected));
    completion.ifPresent(CompletionCache::warm);
    String note =
        shellContext.getInteractionMode() == InteractionMode.NONINTERACTIVE
            ? "\n(A selection lasts for one shell session; in one-shot runs pass --customer "
                + chosen.id()
                + ".)"
            : "";
    return "Using customer "
        + Text.oneLine(selected.label())
        + " ("
        + chosen.id()
        + ", "
        + Text.oneLine(chosen.domain())
        + ")."
        + note;
  }

  /**
   * A numbered list of recent customers (or the first page); the answer is a number or a name
   * prefix.
   */
  private Customer pick() {
    if (ui.noTerminal()) {
      throw Failure.usage(
          "use customer needs an id, a domain or a company-name prefix.",
          "e.g. `use customer northwind`; `customers list` shows them.");
    }
    List<Customer> choices = recent.recent();
    if (choices.isEmpty()) choices = client.customers(CANDIDATES, null).itemsOrEmpty();
    choices = choices.stream().limit(CANDIDATES).toList();
    Table t = new Table(List.of("#", "COMPANY NAME", "DOMAIN", "ID"));
    for (int i = 0; i < choices.size(); i++) {
      Customer c = choices.get(i);
      t.row(Integer.toString(i + 1), c.companyName(), c.domain(), c.id());
    }
    ui.print(t.render(ui.width()));
    String answer =
        ui.ask("Number, or a name or domain prefix (Enter cancels): ")
            .map(String::strip)
            .orElse("");
    if (answer.isEmpty())
      throw Failure.usage("Nothing selected.", "run `use customer` again to pick one.");
    if (answer.matches("[0-9]{1,3}")) {
      int n = Integer.parseInt(answer);
      if (n < 1 || n > choices.size()) {
        throw Failure.usage(
            "There is no customer number " + n + ".", "pick 1 to " + choices.size() + ".");
      }
      return choices.get(n - 1);
    }
    return find(Inputs.cleanValue("use customer", answer));
  }

  @Command(
      command = "customer show",
      description =
          """
          Show a customer: the selected one, or --customer ID.
          Its id, company name, domain, tenant id, email, relationship and custom domains, read \
          from Partner Center.
          Example: customer show
          Example: customer show --customer 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11 --output json
          See also: use customer, qualification show""")
  String show(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    Customer c = client.customer(id);
    recent.saw(c);
    if (format.structured()) return format.render(c, ui.width());
    StringBuilder b = new StringBuilder();
    field(b, "ID", c.id());
    field(b, "Company name", c.companyName());
    field(b, "Domain", c.domain());
    field(b, "Tenant id", c.companyProfile() == null ? null : c.companyProfile().tenantId());
    field(b, "Email", c.companyProfile() == null ? null : c.companyProfile().email());
    field(b, "Relationship", c.relationshipToPartner());
    field(b, "Commerce id", c.commerceId());
    if (c.customDomains() != null && !c.customDomains().isEmpty()) {
      field(b, "Custom domains", String.join(", ", c.customDomains()));
    }
    return b.toString().stripTrailing();
  }

  private Customer find(String q) {
    return finder.find(q, ui.width());
  }

  private static void field(StringBuilder b, String label, String value) {
    if (value == null || value.isBlank()) return;
    b.append(String.format("%-16s%s%n", label + ":", Text.oneLine(value)));
  }
}
