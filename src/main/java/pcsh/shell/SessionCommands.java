package pcsh.shell;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.auth.Authenticator;
import pcsh.output.OutputFormat;
import pcsh.output.Text;
import pcsh.session.Principal;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;

/** Signing in and out, and who the shell acts as. */
@Command(group = "Session")
class SessionCommands {

  private final Authenticator auth;
  private final SessionHolder session;
  private final Settings settings;
  private final EmbeddedEmulator emulator;
  private final OutputPreference preference;
  private final Ui ui;

  SessionCommands(Authenticator auth, SessionHolder session, Settings settings, EmbeddedEmulator emulator,
      OutputPreference preference, Ui ui) {
    this.preference = preference;
    this.ui = ui;
    this.auth = auth;
    this.session = session;
    this.settings = settings;
    this.emulator = emulator;
  }

  @Command(command = "login", description = "Sign in: as the demo partner on the embedded emulator, or with"
      + " PCSH_ACCESS_TOKEN against a real base URL. Example: login")
  String login() throws IOException {
    Principal p = auth.login();
    session.update(s -> s.signedIn(p));
    return "Signed in as " + describe(p) + ".";
  }

  @Command(command = "logout", description = "Sign out; commands that call the service then need login."
      + " Example: logout")
  String logout() throws IOException {
    if (!auth.logout()) {
      throw PcshException.failure("pcsh is using the token in " + Authenticator.TOKEN_ENV
              + " from the environment, and cannot forget it.",
          "unset " + Authenticator.TOKEN_ENV + " (and start pcsh again) to sign out.");
    }
    session.update(Session::signedOut);
    return "Signed out. Commands that call Partner Center need `login` again.";
  }

  @Command(command = "whoami", description = "Show the base URL, the signed-in partner and the selected"
      + " customer. Example: whoami --output json")
  String whoami(
      @Option(longNames = "output", shortNames = 'o', description = "table, json, yaml or csv (default: pcsh.output)")
      @OptionValues(provider = "outputFormats") String output,
      @Option(longNames = "query", description = "JMESPath expression applied to the result, e.g. \"[].id\"")
      String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    Session s = session.get();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("baseUrl", settings.embedded()
        ? "embedded" + (emulator.started() ? " (" + emulator.baseUrl() + ")" : "") : settings.baseUrl());
    info.put("signedIn", s.principal().isPresent());
    s.principal().ifPresent(p -> {
      info.put("partner", p.partnerName());
      info.put("partnerTenantId", p.tenantId());
      info.put("user", p.user());
      info.put("authentication", p.kind() == Principal.AuthKind.EMULATOR_DEMO
          ? "embedded emulator demo partner" : "access token from " + Authenticator.TOKEN_ENV);
    });
    s.customer().ifPresent(c -> {
      info.put("customerId", c.id());
      info.put("customer", c.companyName());
    });
    info.put("correlationId", s.correlationId());
    if (format.structured()) return format.render(info, ui.width());
    StringBuilder b = new StringBuilder();
    b.append("Base URL:        ").append(info.get("baseUrl")).append('\n');
    b.append("Signed in:       ").append(s.principal().map(SessionCommands::describe).orElse("no (run `login`)"))
        .append('\n');
    b.append("Customer:        ").append(s.customer()
        .map(c -> Text.oneLine(c.label()) + " (" + c.id() + ")").orElse("none selected (run `use customer`)"))
        .append('\n');
    b.append("Correlation id:  ").append(s.correlationId()).append('\n');
    return b.toString().stripTrailing();
  }

  @Command(command = "output", description = "Show or set this session's default output format (table, json,"
      + " yaml or csv); --output on a command still wins. Example: output json")
  String output(@Option(longNames = "format", description = "table, json, yaml or csv")
      @OptionValues(provider = "outputFormats") String format) {
    if (format == null) {
      return "Output: " + preference.get().map(OutputFormat::id).orElse(settings.output() + " (pcsh.output)");
    }
    OutputFormat f = OutputFormat.parse(format).orElseThrow(() -> PcshException.usage(
        "Unknown output format '" + Inputs.shown(format) + "'.", "use one of " + OutputFormat.choices() + "."));
    preference.set(f);
    return "Output is now " + f.id() + " for this session.";
  }

  private static String describe(Principal p) {
    return Text.oneLine(p.partnerName()) + " (tenant " + p.tenantId() + ", user " + Text.oneLine(p.user()) + ", "
        + (p.kind() == Principal.AuthKind.EMULATOR_DEMO ? "embedded emulator" : "token from "
        + Authenticator.TOKEN_ENV) + ")";
  }
}
