package pcsh.diagnostics;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import pcsh.access.AccessCheck;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RetryPolicy;
import pcsh.auth.Authenticator;
import pcsh.graph.GraphClient;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.GraphEndpoint;
import pcsh.session.Principal;
import pcsh.session.Redactor;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles;

/**
 * A {@link Doctor} wired as the shell wires it, for a base URL (the emulator's or WireMock's) and
 * an environment of PCSH_ variables the test chooses, in a private {@code $PCSH_HOME}.
 */
abstract class DoctorFixture {

  @TempDir Path home;
  final Map<String, String> env = new HashMap<>();
  WriteJournal journal;
  Authenticator auth;

  /** An unsigned JWT with these claims, as the test builds its tokens. */
  static String jwt(String claims) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8))
        + "."
        + b.encodeToString(claims.getBytes(UTF_8))
        + ".";
  }

  /**
   * @param baseUrl "embedded" or a URL
   * @param embedded where the embedded emulator listens, when baseUrl is "embedded"
   */
  Doctor doctor(String baseUrl, Supplier<String> embedded) throws Exception {
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    Settings settings =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    home.toString(),
                    Settings.HISTORY_DIR,
                    home.resolve("history").toString(),
                    Settings.BASE_URL,
                    baseUrl)
                ::get);
    auth =
        new Authenticator(
            settings,
            env::get,
            new Principal(
                Principal.AuthKind.EMULATOR_DEMO,
                "Contoso Demo Partner",
                "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
                "admin@contosodemopartner.onmicrosoft.com"));
    SessionHolder session = new SessionHolder(Session.start(auth.restore()));
    ExchangeLog exchanges = new ExchangeLog();
    Supplier<String> target = settings.embedded() ? embedded : () -> baseUrl;
    PartnerCenterClient client =
        new PartnerCenterClient(
            target,
            auth::token,
            () -> session.get().correlationId(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            () -> false,
            exchanges,
            RetryPolicy.none(),
            Redactor.shared());
    journal = WriteJournal.in(settings);
    GraphEndpoint g = GraphEndpoint.of(settings);
    GraphClient graph =
        new GraphClient(
            g.embedded() ? embedded : g::baseUrl,
            () -> auth.graphToken().value(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            exchanges,
            Redactor.shared());
    return new Doctor(
        settings,
        SettingsFiles.provenance(null, home.resolve("shell.properties")),
        client,
        new QualificationWriter(client, journal, (id, state) -> {}),
        journal,
        auth,
        session,
        new AccessCheck(graph, auth::graphToken),
        Clock.systemUTC());
  }

  static Check line(List<Check> checks, String name) {
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + name + " in " + checks));
  }

  static Optional<Check> maybe(List<Check> checks, String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
