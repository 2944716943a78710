package pcsh.commands;

import static pcsh.commands.PictureViews.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.Resource;
import pcsh.api.ResourcePage;
import pcsh.failure.Failure;
import pcsh.output.Table;
import pcsh.picture.CustomerPicture;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;

/** The users of the customer's tenant and their directory roles. */
@Command(group = "Customer picture")
public class UserCommands {

  static final List<String> HEADERS =
      List.of("ID", "DISPLAY NAME", "USER PRINCIPAL NAME", "STATE", "DELETED");

  private final CustomerPicture picture;
  private final SessionHolder session;
  private final Settings settings;
  private final Ui ui;
  private final OutputPreference preference;

  UserCommands(
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
      command = "users list",
      description =
          """
          List the users of the customer's tenant.
          The first page (500 users); --all follows every page, printing each as it arrives, so \
          memory stays flat however many users there are. --deleted lists the users deleted in \
          the last 30 days instead. Reading users needs one of the GDAP roles Directory Readers, \
          Global Reader or User Administrator, and an App+User sign-in.
          Example: users list --all --output csv
          Example: users list --deleted --customer 3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11
          See also: user show, licenses list""")
  String list(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = "deleted", description = "the users deleted in the last 30 days")
          boolean deleted,
      @Option(longNames = "all", description = "every page") boolean all,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(
              longNames = SharedOptions.QUERY,
              description =
                  "JMESPath expression applied to the result, e.g. \"[].userPrincipalName\"; with"
                      + " --all every page is collected before the query runs")
          String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    String id = Inputs.targetCustomer(customer, session);
    ResourcePage page = picture.users(id, deleted);
    if (all && page.hasNext() && format.query().isEmpty() && (format.structured() || !ui.pages())) {
      return stream(id, page, format);
    }
    List<Resource> users = new ArrayList<>(page.items());
    boolean more = page.hasNext();
    while (all && more) {
      ui.progress("Fetched " + users.size() + " users; fetching the next page...");
      Optional<ResourcePage> next = picture.nextUsers(id, page);
      if (next.isEmpty()) break;
      page = next.get();
      users.addAll(page.items());
      more = page.hasNext();
    }
    ui.progressDone();
    if (format.structured())
      return format.render(users.stream().map(Resource::json).toList(), ui.width());
    if (users.isEmpty()) return deleted ? "No users deleted in the last 30 days." : "No users.";
    Table t = new Table(HEADERS);
    users.forEach(u -> t.row(row(u)));
    String out = t.render(ui.width());
    if (more && !all)
      out += "Showing the first " + users.size() + " users; more are available: use --all.\n";
    return ui.page(out.stripTrailing(), "users");
  }

  /** Every page printed as it arrives, each then dropped (see {@link ListingStream}). */
  private String stream(String customerId, ResourcePage first, OutputSpec format) {
    ListingStream<Resource> listing =
        new ListingStream<>(ui, format, HEADERS, UserCommands::row, Resource::json);
    return listing.run(
        () -> {
          ResourcePage page = first;
          while (true) {
            listing.write(page.items());
            if (!page.hasNext()) break;
            listing.between("users", "run the command again.");
            ui.progress("Fetched " + listing.count() + " users; fetching the next page...");
            Optional<ResourcePage> next = picture.nextUsers(customerId, page);
            if (next.isEmpty()) break;
            page = next.get();
          }
        },
        "No users.\n");
  }

  static String[] row(Resource u) {
    return new String[] {
      u.text("id"),
      u.text("displayName"),
      u.text("userPrincipalName"),
      u.text("state"),
      u.text("softDeletionTime")
    };
  }

  @Command(
      command = "user show",
      description =
          """
          Show one user of the customer's tenant, with its directory roles.
          Name, user principal name, state, usage location, domain type, last directory sync, and \
          the directory roles the user holds (which need Directory Readers, Global Reader, User \
          Administrator, Privileged Role Administrator or Directory Writers through GDAP). The \
          user's password profile is never shown.
          Usage: user show <user id> [--customer ID] [options]
          Example: user show 4a7b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d
          Example: user show <id> --output json
          See also: users list""")
  String show(
      @Option(longNames = "id", label = "USER-ID", description = "the user's id (a GUID)")
          String user,
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    if (user == null) {
      throw Failure.usage(
          "user show needs a user id.", "e.g. `user show <id>`; `users list` shows the ids.");
    }
    String uid = Inputs.guid("--id", user, "user", "`users list` shows the users' ids.");
    String id = Inputs.targetCustomer(customer, session);
    CustomerPicture.User u = picture.user(id, uid);
    if (format.structured()) {
      com.fasterxml.jackson.databind.node.ObjectNode out =
          u.user().json().isObject()
              ? ((com.fasterxml.jackson.databind.node.ObjectNode) u.user().json()).deepCopy()
              : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      com.fasterxml.jackson.databind.node.ArrayNode roles = out.putArray("directoryRoles");
      u.roles().forEach(r -> roles.add(r.json()));
      return format.render(out, ui.width());
    }
    Resource r = u.user();
    StringBuilder b = new StringBuilder();
    field(b, "User", r.text("id"));
    field(b, "Display name", r.text("displayName"));
    field(b, "Name", join(r.text("firstName"), r.text("lastName")));
    field(b, "User principal", r.text("userPrincipalName"));
    field(b, "State", r.text("state"));
    field(b, "Deleted on", r.text("softDeletionTime"));
    field(b, "Usage location", r.text("usageLocation"));
    field(b, "Domain type", r.text("userDomainType"));
    field(b, "Phone", r.text("phoneNumber"));
    field(b, "Last dir. sync", r.text("lastDirectorySyncTime"));
    field(b, "Immutable id", r.text("immutableId"));
    List<String> roles =
        u.roles().stream().map(x -> PictureViews.first(x, "name", "displayName", "id")).toList();
    field(b, "Directory roles", roles.isEmpty() ? "none" : String.join(", ", roles));
    return b.toString().stripTrailing();
  }

  private static String join(String a, String b) {
    return String.join(
        " ", java.util.stream.Stream.of(a, b).filter(s -> s != null && !s.isBlank()).toList());
  }
}
