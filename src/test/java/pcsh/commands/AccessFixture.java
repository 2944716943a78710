package pcsh.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pcsh.access.AccessCheck;
import pcsh.auth.Authenticator;
import pcsh.auth.GraphToken;
import pcsh.diagnostics.Doctor;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.graph.GraphClient;
import pcsh.session.Principal;
import pcsh.session.Redactor;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles;

/**
 * What the access command tests start from: the emulator (Partner Center and Graph on one port),
 * the command beans of a {@link CommandsFixture} pointed at it, a GDAP check on a Graph base URL
 * the test may change, and stderr captured, where notices go without a terminal.
 */
abstract class AccessFixture {

  Emulator emulator;
  CommandsFixture fixture;
  Supplier<String> graphUrl;
  Supplier<GraphToken> graphToken = () -> GraphToken.of("graph-t", "the test");
  final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20));
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), screen);
    graphUrl = () -> emulator.baseUrl().toString();
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
    emulator.close();
  }

  AccessCheck access() {
    return new AccessCheck(
        new GraphClient(
            () -> graphUrl.get(),
            () -> graphToken.get().value(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            fixture.exchanges,
            Redactor.shared()),
        () -> graphToken.get());
  }

  QualificationCommands qualification() {
    QualificationCommands q = fixture.qualification();
    q.accessCheck(access());
    return q;
  }

  BulkQualifyCommands bulk() {
    BulkQualifyCommands b = fixture.bulk(Map.of());
    b.accessCheck(access());
    return b;
  }

  /** The commands with a doctor whose sign-in is the emulator's demo partner in a private home. */
  DiagnosticsCommands diagnostics() throws Exception {
    Files.setPosixFilePermissions(fixture.home, PosixFilePermissions.fromString("rwx------"));
    Settings settings =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    fixture.home.toString(),
                    Settings.HISTORY_DIR,
                    fixture.home.resolve("history").toString())
                ::get);
    Authenticator auth =
        new Authenticator(
            settings,
            Map.<String, String>of()::get,
            new Principal(Principal.AuthKind.EMULATOR_DEMO, "Demo", "tenant-1", "admin@demo"));
    fixture.session.update(s -> auth.restore().map(s::signedIn).orElse(s));
    Doctor doctor =
        new Doctor(
            settings,
            SettingsFiles.provenance(null, fixture.home.resolve("shell.properties")),
            fixture.client,
            fixture.writer(),
            fixture.journal,
            auth,
            fixture.session,
            access(),
            Clock.systemUTC());
    return new DiagnosticsCommands(
        doctor,
        access(),
        fixture.session,
        settings,
        fixture.preference,
        fixture.recent,
        fixture.ui);
  }

  /** Runs {@code call} and returns what it printed on stderr, with its result. */
  static <T> Captured<T> stderr(Callable<T> call) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      T result = call.call();
      return new Captured<>(result, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  record Captured<T>(T result, String err) {}

  long graphRequests() {
    return fixture.exchanges.recent().stream().filter(e -> e.path().startsWith("/v1.0/")).count();
  }
}
