package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RetryPolicy;
import pcsh.customers.RecentCustomers;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Redactor;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;
import pcsh.shell.FailureLog;
import pcsh.shell.OutputPreference;
import pcsh.shell.SecretFilteringHistory;
import pcsh.shell.Ui;
import pcsh.support.Transcript;
import pcsh.support.WireTrace;

/**
 * The troubleshooting features in process: read retries with one MS-RequestId, writes sent once,
 * debug and --show-request output, last-error, transcripts, the support bundle, the journal; and a
 * canary access token, refresh token and client secret through a whole session with debug on,
 * searched for in every output and file.
 */
class SupportTest {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String CANARY_TOKEN = "canary-access-7f3e9a1c5b2d4e6f8a0b";
  static final String CANARY_REFRESH = "canary-refresh-0c4e8a2f6b1d3e5a7c9f";
  static final String CANARY_SECRET = "canary-secret-9d8c7b6a5f4e3d2c1b0a";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  private Terminal terminal;
  private ByteArrayOutputStream screen;
  private final List<Duration> waits = new ArrayList<>();
  private ExchangeLog exchanges;
  private PartnerCenterClient client;
  private Settings settings;
  private SessionHolder session;
  private WriteJournal journal;
  private FailureLog failures;
  private Transcript transcript;
  private WireTrace trace;
  private Ui ui;

  @BeforeEach
  void setUp() throws Exception {
    screen = new ByteArrayOutputStream();
    terminal =
        TerminalBuilder.builder()
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(new ByteArrayInputStream(new byte[0]), screen)
            .build();
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

  private QualificationCommands qualification() {
    return new QualificationCommands(
        client,
        session,
        settings,
        ui,
        new RecentCustomers(),
        new OutputPreference(),
        writer(client));
  }

  private SupportCommands support() {
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
        writer(client));
  }

  private QualificationWriter writer(PartnerCenterClient c) {
    return new QualificationWriter(c, journal, (id, state) -> {});
  }

  private static String customer() {
    return "{\"id\":\""
        + ID
        + "\",\"companyProfile\":{\"companyName\":\"Fabrikam\",\"domain\":\"fabrikam.example\"}}";
  }

  @Test
  void aThrottledReadWaitsRetryAfterThenRetriesWithTheSameRequestId() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"))
            .willSetStateTo("503"));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs("503")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(customer())));

    assertThat(client.customer(ID).companyName()).isEqualTo("Fabrikam");

    List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)));
    assertThat(sent).hasSize(3);
    assertThat(sent.stream().map(r -> r.getHeader("MS-RequestId")).distinct()).hasSize(1);
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
    assertThat(exchanges.recent()).extracting(e -> e.status()).containsExactly(429, 503, 200);
  }

  @Test
  void readRetriesAreBoundedAndTheFailureCarriesItsIds() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("MS-CorrelationId", "corr-1")
                    .withBody("{\"code\":800003,\"description\":\"Unexpected\"}")));

    assertThatThrownBy(() -> client.customer(ID))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.text())
                  .contains(
                      "HTTP 500",
                      "800003",
                      "MS-CorrelationId: corr-1",
                      "MS-RequestId:",
                      "Time (UTC):",
                      "Next:");
            });
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)))).hasSize(4);
  }

  @Test
  void aWriteIsSentOnceEvenWhenTheServiceIsBusy() {
    wm.stubFor(get(urlPathEqualTo("/v1/customers/" + ID)).willReturn(okJson(customer())));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualification"))
            .willReturn(okJson("\"None\"")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID + "/qualifications")).willReturn(okJson("[]")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> qualification().soe(ID, true, false, null, null));

    assertThat(
            wm.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))))
        .hasSize(1);
    WriteJournal.Entry e = journal.entries().get(0);
    assertThat(e.result()).isEqualTo("FAILED");
    assertThat(e.requestId())
        .isEqualTo(
            wm.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + ID + "/qualifications")))
                .get(0)
                .getHeader("MS-RequestId"));
  }

  @Test
  void aJournalledWriteWithoutOutcomeIsSettledByReadingBack() throws Exception {
    Emulator emulator = Emulator.start(EmulatorConfig.inMemory());
    try {
      PartnerCenterClient c =
          new PartnerCenterClient(
              () -> emulator.baseUrl().toString(),
              () -> Optional.of("t"),
              () -> "corr",
              Duration.ofSeconds(2),
              Duration.ofSeconds(5));
      String northwind = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
      // pcsh "crashed" after writing the intent and sending the write, before recording the outcome
      journal.intent(
          "11111111-2222-4333-8444-555555555555", northwind, "StateOwnedEntity (V2 POST)", "None");
      c.createQualification(northwind, pcsh.api.QualificationRequest.stateOwnedEntity());
      journal.intent(
          "66666666-2222-4333-8444-555555555555", northwind, "Education (legacy PUT)", "None");

      List<String> settled = writer(c).reconcile();

      assertThat(settled).hasSize(2);
      assertThat(journal.entries())
          .extracting(WriteJournal.Entry::result)
          .containsExactly("RECONCILED_APPLIED", "RECONCILED_NOT_APPLIED");
      assertThat(journal.pending()).isEmpty();
      assertThat(support().journal(20))
          .contains("RECONCILED_APPLIED", "11111111-2222-4333-8444-555555555555");
    } finally {
      emulator.close();
    }
  }

  @Test
  void canarySecretsNeverAppearInAnyOutputOrFile() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String echo =
        "{\"code\":800003,\"description\":\"token "
            + CANARY_TOKEN
            + " and Bearer "
            + CANARY_TOKEN
            + " refused\",\"refresh_token\":\""
            + CANARY_REFRESH
            + "\",\"client_secret\":\""
            + CANARY_SECRET
            + "\",\"validationCode\":\"448812\"}";
    List<String> printed = new ArrayList<>();
    try {
      transcript.start("test session");
      new SecretFilteringHistory(home.resolve("history/pcsh_history"), transcript::command)
          .add(Instant.now(), "login --refresh-token " + CANARY_REFRESH);
      SupportCommands support = support();
      printed.add(support.debug("on"));
      printed.add(support.showRequest("on"));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID))
              .willReturn(okJson(customer()).withHeader("Set-Cookie", "session=" + CANARY_SECRET)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID + "/qualification"))
              .willReturn(aResponse().withStatus(400).withBody(echo)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/" + ID + "/qualifications"))
              .willReturn(aResponse().withStatus(400).withBody(echo)));
      wm.stubFor(
          get(urlPathEqualTo("/v1/customers/all/validations"))
              .willReturn(
                  okJson(
                      "[{\"validationId\":\""
                          + "448812\",\"organizationName\":\"x\",\"refreshToken\":\""
                          + CANARY_REFRESH
                          + "\"}]")));
      printed.add(client.customer(ID).companyName());
      transcript.command("qualification show --customer " + ID);
      try {
        qualification().show(ID, null, null);
      } catch (RuntimeException e) {
        ErrorReport r = ErrorReport.of(e);
        failures.record(r, e);
        printed.add(r.text());
      }
      client.validationCodes();
      printed.add(support.lastError(true));
      printed.add(support.sessionsShow(null));
      printed.add(support.sessionsList());
      printed.add(support.bundle(null, home.resolve("bundle.txt").toString()));
      printed.add(support.journal(10));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(String.join("\n", printed)).contains("Authorization: [REDACTED]", "MS-RequestId");
    List<String> outputs = new ArrayList<>(printed);
    outputs.add(screen.toString(StandardCharsets.UTF_8));
    outputs.add(stdout.toString(StandardCharsets.UTF_8));
    outputs.add(stderr.toString(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.walk(home)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("bundle.txt", transcript.file().getFileName().toString());
    for (Path f : files) outputs.add(f + "\n" + Files.readString(f));
    for (String o : outputs) {
      assertThat(o).doesNotContain(CANARY_TOKEN, CANARY_REFRESH, CANARY_SECRET);
    }
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains("curl -X GET", "$PCSH_ACCESS_TOKEN", "< 400", "[REDACTED]");
    assertThat(Files.readString(home.resolve("bundle.txt")))
        .contains("MS-RequestId", "Last error", "qualification show");
    assertThat(Files.readString(transcript.file()))
        .contains(
            "> qualification show",
            "GET /v1/customers/" + ID,
            "! error",
            "(a line that looked as if it held a secret; not recorded)");
  }

  @Test
  void transcriptJournalAndBundleAreOwnerOnly() throws Exception {
    transcript.start("x");
    transcript.command("whoami");
    journal.intent(
        "11111111-2222-4333-8444-555555555555", ID, "StateOwnedEntity (V2 POST)", "None");
    support().bundle(null, home.resolve("b.txt").toString());
    for (Path p : List.of(transcript.file(), journal.file(), home.resolve("b.txt"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
          .as(p.toString())
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.historyDir())))
        .isEqualTo("rwx------");
  }

  @Test
  void theEmulatorListensOnLoopbackOnly() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      assertThat(emulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
      for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        for (var addr : java.util.Collections.list(nic.getInetAddresses())) {
          if (addr.isLoopbackAddress() || !(addr instanceof java.net.Inet4Address)) continue;
          try (java.net.Socket s = new java.net.Socket()) {
            assertThatThrownBy(
                    () -> s.connect(new java.net.InetSocketAddress(addr, emulator.port()), 500))
                .as("connect via " + addr)
                .isInstanceOf(java.io.IOException.class);
          }
        }
      }
    }
  }

  @Test
  void ctrlCInterruptsARunningRequestAndReportsItAsCancelled() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers/" + ID))
            .willReturn(okJson(customer()).withFixedDelay(4000)));
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread command =
        new Thread(
            () -> {
              try {
                client.customer(ID);
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    long start = System.nanoTime();
    command.start();
    Thread.sleep(300);
    command.interrupt(); // what Spring Shell does on Ctrl-C
    command.join(3000);

    assertThat(command.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(failure.get())
        .isInstanceOfSatisfying(
            pcsh.api.PartnerCenterException.class,
            e -> assertThat(e.kind()).isEqualTo(pcsh.api.PartnerCenterException.Kind.CANCELLED));
    assertThat(ErrorReport.of(failure.get()).text()).contains("cancelled", "MS-RequestId");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/" + ID)))).hasSize(1);
  }

  @Test
  void emulatorFaultsAreSetFromTheSettingAndTheCommand() throws Exception {
    Settings withFaults =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    home.toString(),
                    Settings.EMULATOR_FAULTS,
                    "seed=7,throttle=0.5,retry-after=0")
                ::get);
    try (EmbeddedEmulator embedded = new EmbeddedEmulator(withFaults)) {
      EmulatorCommands emulator = new EmulatorCommands(withFaults, ui, embedded);
      assertThat(emulator.faults(null)).contains("seed=7", "throttle=0.5");
      assertThat(emulator.faults("seed=9,5xx=0.25")).contains("seed=9", "5xx=0.25");
      embedded.baseUrl();
      assertThat(embedded.faults().serverErrorRate()).isEqualTo(0.25);
      assertThat(emulator.faults("none")).isEqualTo("Emulator faults: none.");
    }
  }

  @Test
  void debugAndShowRequestTakeOnOrOff() {
    SupportCommands s = support();
    assertThat(s.debug(null)).isEqualTo("Debug output is off.");
    assertThat(s.debug("on")).isEqualTo("Debug output is on.");
    assertThat(s.showRequest("off")).contains("is off");
    assertThatThrownBy(() -> s.debug("maybe"))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(s.lastError(false)).isEqualTo("No failure in this session.");
  }
}
