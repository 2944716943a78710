package pcsh.commands;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RetryPolicy;
import pcsh.customers.RecentCustomers;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Redactor;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.FailureLog;
import pcsh.shell.OutputPreference;
import pcsh.shell.Ui;
import pcsh.support.Transcript;
import pcsh.support.WireTrace;

/**
 * What the troubleshooting tests start from: a WireMock service, an empty {@code $PCSH_HOME}, a
 * recorded dumb terminal, and the client wired as the shell wires it (retries whose waits are
 * recorded, every exchange to the wire trace and the transcript, failures to the failure log).
 */
abstract class SupportFixture {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String CANARY_TOKEN = "canary-access-7f3e9a1c5b2d4e6f8a0b";
  static final String CANARY_REFRESH = "canary-refresh-0c4e8a2f6b1d3e5a7c9f";
  static final String CANARY_SECRET = "canary-secret-9d8c7b6a5f4e3d2c1b0a";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  Terminal terminal;
  ByteArrayOutputStream screen;
  final List<Duration> waits = new ArrayList<>();
  ExchangeLog exchanges;
  PartnerCenterClient client;
  Settings settings;
  SessionHolder session;
  WriteJournal journal;
  FailureLog failures;
  Transcript transcript;
  WireTrace trace;
  Ui ui;

  @BeforeEach
  void setUp() throws Exception {
    screen = new ByteArrayOutputStream();
    // a dumb terminal writes straight to the screen: a pty-backed one copies output on a thread of
    // its own, so a test could read the screen before the last lines arrive
    terminal =
        new org.jline.terminal.impl.DumbTerminal(
            "support", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), screen, UTF_8);
    ui = new Ui(terminal);
    settings =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    home.toString(),
                    Settings.HISTORY_DIR,
                    home.resolve("history").toString())
                ::get);
    session = new SessionHolder(Session.start(Optional.empty()));
    journal = WriteJournal.in(settings);
    failures = new FailureLog();
    transcript = new Transcript(settings.historyDir(), Redactor.shared());
    failures.listen(r -> transcript.error(r.text()));
    trace = new WireTrace(ui::print, false, false);
    exchanges = new ExchangeLog();
    exchanges.listen(trace::exchange);
    exchanges.listen(transcript::exchange);
    RetryPolicy retry =
        new RetryPolicy(
            4,
            Duration.ofMillis(40),
            Duration.ofSeconds(30),
            (w, why, next, max) -> waits.add(w),
            new Random(1));
    client =
        new PartnerCenterClient(
            wm::baseUrl,
            () -> Optional.of(CANARY_TOKEN),
            () -> "corr-1",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            () -> false,
            exchanges,
            retry,
            Redactor.shared());
  }

  @AfterEach
  void tearDown() throws Exception {
    terminal.close();
  }

  QualificationCommands qualification() {
    return new QualificationCommands(
        client,
        session,
        settings,
        ui,
        new RecentCustomers(),
        new OutputPreference(),
        writer(client));
  }

  SupportCommands support() {
    return new SupportCommands(
        trace,
        exchanges,
        failures,
        transcript,
        journal,
        settings,
        session,
        ui,
        Redactor.shared(),
        writer(client),
        new pcsh.raw.ApiRequests(
            client::raw,
            () -> {
              throw new IllegalStateException("no Graph here");
            },
            () -> pcsh.auth.GraphToken.unavailable("none here", "none"),
            journal));
  }

  QualificationWriter writer(PartnerCenterClient c) {
    return new QualificationWriter(c, journal, (id, state) -> {});
  }

  static String customer() {
    return "{\"id\":\""
        + ID
        + "\",\"companyProfile\":{\"companyName\":\"Fabrikam\",\"domain\":\"fabrikam.example\"}}";
  }
}
