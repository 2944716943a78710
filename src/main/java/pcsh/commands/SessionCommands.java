package pcsh.commands;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.auth.Authenticator;
import pcsh.auth.LoginRequest;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.session.Principal;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.TerminalInteraction;
import pcsh.shell.Ui;
import pcsh.support.Transcript;

/**
 * Signing in and out, and who the shell acts as. (Past 300 lines because each command's description
 * is its help page, and login has a switch for each way to sign in.)
 */
@Command(group = "Session")
public class SessionCommands {

  private final Authenticator auth;
  private final SessionHolder session;
  private final Settings settings;
  private final EmbeddedEmulator emulator;
  private final OutputPreference preference;
  private final Ui ui;
  private final Function<String, String> lookup;
  private Transcript transcript;

  /** The session transcript, whose id {@code whoami} shows. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void transcript(Transcript t) {
    this.transcript = t;
  }

  @org.springframework.beans.factory.annotation.Autowired
  SessionCommands(
      Authenticator auth,
      SessionHolder session,
      Settings settings,
      EmbeddedEmulator emulator,
      Ui ui,
      Environment environment,
      OutputPreference preference) {
    this(auth, session, settings, emulator, ui, environment::getProperty, preference);
  }

  SessionCommands(
      Authenticator auth,
      SessionHolder session,
      Settings settings,
      EmbeddedEmulator emulator,
      Ui ui,
      Function<String, String> lookup,
      OutputPreference preference) {
    this.preference = preference;
    this.auth = auth;
    this.session = session;
    this.settings = settings;
    this.emulator = emulator;
    this.ui = ui;
    this.lookup = lookup;
  }

  @Command(
      command = "login",
      description =
          """
          Sign in.
          With the embedded emulator, as the demo partner. With the real service, the device code \
          flow by default, or --browser, --refresh-token, --service-principal or --token; secrets \
          come from PCSH_* variables or a hidden prompt, never from arguments. The README's \
          "Signing in to the real Partner Center" has the details.
          Example: login
          Example: login --browser --tenant contoso.onmicrosoft.com
          Example: login --profile contoso
          See also: whoami, logout""")
  String login(
      @Option(
              longNames = "browser",
              description = "sign in in a browser (authorization code, loopback redirect)")
          boolean browser,
      @Option(
              longNames = "refresh-token",
              description =
                  "secure application model: redeem a refresh token from"
                      + " PCSH_REFRESH_TOKEN or a hidden prompt (client secret from PCSH_CLIENT_SECRET or a prompt)")
          boolean refreshToken,
      @Option(
              longNames = "service-principal",
              description =
                  "app-only (client credentials): needs --client-id and"
                      + " --tenant; secret from PCSH_CLIENT_SECRET or a hidden prompt, or --certificate")
          boolean servicePrincipal,
      @Option(
              longNames = "token",
              description =
                  "use a bearer token from PCSH_ACCESS_TOKEN, a hidden prompt or"
                      + " standard input")
          boolean token,
      @Option(
              longNames = "client-id",
              label = "APP-ID",
              description = "application (client) id (default: pcsh.auth.client-id)")
          String clientId,
      @Option(
              longNames = "tenant",
              label = "TENANT",
              description = "tenant id or domain (default: pcsh.auth.tenant)")
          String tenant,
      @Option(
              longNames = "certificate",
              label = "FILE",
              description =
                  "PKCS#12 file for --service-principal (password from"
                      + " PCSH_CERTIFICATE_PASSWORD or a hidden prompt)")
          String certificate,
      @Option(
              longNames = "profile",
              label = "NAME",
              description =
                  "a named profile from the settings files:"
                      + " pcsh.profile.NAME.tenant, .client-id, .environment")
          String profile)
      throws IOException {
    int modes =
        (browser ? 1 : 0) + (refreshToken ? 1 : 0) + (servicePrincipal ? 1 : 0) + (token ? 1 : 0);
    if (modes > 1) {
      throw Failure.usage(
          "Choose one way to sign in: --browser, --refresh-token, --service-principal or"
              + " --token.",
          "run `login` alone for the device code flow; `help login` lists the options.");
    }
    if (certificate != null && !servicePrincipal) {
      throw Failure.usage(
          "--certificate is for --service-principal.",
          "add --service-principal, or drop" + " --certificate.");
    }
    if (settings.embedded()) {
      Principal p = auth.login(null, null);
      session.update(s -> s.signedIn(p));
      return "Signed in as "
          + describe(p)
          + "."
          + (modes > 0 || profile != null
              ? " The embedded emulator needs no credentials, so the options were not used."
              : "");
    }
    LoginRequest.Mode mode =
        browser
            ? LoginRequest.Mode.BROWSER
            : refreshToken
                ? LoginRequest.Mode.REFRESH_TOKEN
                : servicePrincipal
                    ? LoginRequest.Mode.SERVICE_PRINCIPAL
                    : token ? LoginRequest.Mode.TOKEN : LoginRequest.Mode.DEVICE_CODE;
    LoginRequest request =
        LoginRequests.resolve(settings, lookup, mode, profile, clientId, tenant, certificate);
    TerminalInteraction interaction = new TerminalInteraction(ui);
    Principal p;
    try {
      p = auth.login(request, interaction);
    } finally {
      interaction.end();
    }
    session.update(s -> s.signedIn(p));
    String done = "Signed in as " + describe(p) + ".";
    if (p.kind() == Principal.AuthKind.ACCESS_TOKEN && mode != LoginRequest.Mode.TOKEN) {
      done +=
          " pcsh uses "
              + Authenticator.TOKEN_ENV
              + " while it is set; unset it to sign in with Entra ID.";
    }
    if (p.kind() == Principal.AuthKind.SERVICE_PRINCIPAL) {
      done +=
          "\nWarning: this is an app-only sign-in. Reads work, but Partner Center refuses qualification"
              + " writes (qualify ...), which need App+User: use `login` or `login --refresh-token` for those.";
    }
    return done;
  }

  @Command(
      command = "logout",
      description =
          """
          Sign out: forget the account and its cached tokens.
          Commands that call the service then need `login` again.
          Example: logout
          See also: login, whoami""")
  String logout() throws IOException {
    if (!auth.logout()) {
      throw Failure.failed(
          "pcsh is using the token in "
              + Authenticator.TOKEN_ENV
              + " from the environment, and cannot forget it.",
          "unset " + Authenticator.TOKEN_ENV + " (and start pcsh again) to sign out.");
    }
    session.update(Session::signedOut);
    return "Signed out. Commands that call Partner Center need `login` again.";
  }

  @Command(
      command = "whoami",
      description =
          """
          Show where pcsh points and who it acts as.
          The base URL, the signed-in partner, user, tenant and kind of sign-in, when the token \
          expires, the selected customer, the session's correlation id and session id.
          Example: whoami
          Example: whoami --output json
          See also: login, use customer, version""")
  String whoami(
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    Session s = session.get();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put(
        "baseUrl",
        settings.embedded()
            ? "embedded" + (emulator.started() ? " (" + emulator.baseUrl() + ")" : "")
            : settings.apiBaseUrl());
    info.put("signedIn", s.principal().isPresent());
    Optional<Instant> expires = auth.expiresOn();
    s.principal()
        .ifPresent(
            p -> {
              info.put("partner", p.partnerName());
              info.put("partnerTenantId", p.tenantId());
              info.put("user", p.user());
              info.put("environment", p.environment());
              info.put("authentication", p.kind().label());
              info.put("tokenExpiresOn", expires.map(Instant::toString).orElse(null));
            });
    s.customer()
        .ifPresent(
            c -> {
              info.put("customerId", c.id());
              info.put("customer", c.companyName());
            });
    info.put("correlationId", s.correlationId());
    if (transcript != null) info.put("sessionId", transcript.id());
    if (format.structured()) return format.render(info, ui.width());
    StringBuilder b = new StringBuilder();
    b.append("Base URL:        ").append(info.get("baseUrl")).append('\n');
    b.append("Signed in:       ")
        .append(s.principal().map(SessionCommands::describe).orElse("no (run `login`)"))
        .append('\n');
    s.principal()
        .ifPresent(
            p -> {
              b.append("User:            ").append(Text.oneLine(p.user())).append('\n');
              b.append("Tenant:          ").append(Text.oneLine(p.tenantId())).append('\n');
              b.append("Environment:     ").append(p.environment()).append('\n');
              b.append("Authentication:  ").append(p.kind().label()).append('\n');
              if (p.kind() != Principal.AuthKind.EMULATOR_DEMO) {
                b.append("Token expires:   ")
                    .append(
                        expires
                            .map(
                                e ->
                                    e.truncatedTo(ChronoUnit.SECONDS)
                                        + " ("
                                        + Duration.between(Instant.now(), e).toMinutes()
                                        + " min)")
                            .orElse("unknown"))
                    .append('\n');
              }
            });
    b.append("Customer:        ")
        .append(
            s.customer()
                .map(c -> Text.oneLine(c.label()) + " (" + c.id() + ")")
                .orElse("none selected (run `use customer`)"))
        .append('\n');
    b.append("Correlation id:  ").append(s.correlationId()).append('\n');
    if (transcript != null) {
      b.append("Session:         ")
          .append(transcript.id())
          .append(
              transcript.started()
                  ? " (transcript " + transcript.file() + ")"
                  : " (no transcript: not interactive)")
          .append('\n');
    }
    return b.toString().stripTrailing();
  }

  private static String describe(Principal p) {
    return Text.oneLine(p.partnerName())
        + " (tenant "
        + Text.oneLine(p.tenantId())
        + ", user "
        + Text.oneLine(p.user())
        + ", "
        + p.kind().label()
        + ")";
  }
}
