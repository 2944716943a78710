package pcsh.commands;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.session.Redactor;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.FailureLog;
import pcsh.support.Transcript;
import pcsh.support.WireTrace;

/**
 * What the bad-input corpus runs against: the customer, qualification, support and emulator
 * commands built by hand, with a WireMock service behind them that records whatever reaches it.
 */
abstract class BadInputFixture {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  CommandsFixture fixture;
  Path home;

  record Commands(
      CustomerCommands customers,
      QualificationCommands qualification,
      SupportCommands support,
      EmulatorCommands emulator) {}

  Commands commands;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new CommandsFixture(wm::baseUrl);
    home = Files.createTempDirectory("pcsh-bad-input");
    Settings settings =
        Settings.from(
            Map.of(
                    Settings.HOME,
                    home.toString(),
                    Settings.HISTORY_DIR,
                    home.resolve("history").toString())
                ::get);
    FailureLog failures = new FailureLog();
    WireTrace trace = new WireTrace(fixture.ui::print, false, false);
    SupportCommands support =
        new SupportCommands(
            trace,
            fixture.exchanges,
            failures,
            new Transcript(settings.historyDir(), Redactor.shared()),
            fixture.journal,
            settings,
            fixture.session,
            fixture.ui,
            Redactor.shared(),
            fixture.writer(),
            fixture.apiRequests());
    commands =
        new Commands(
            fixture.customers(),
            fixture.qualification(),
            support,
            new EmulatorCommands(settings, fixture.ui, new EmbeddedEmulator(settings)));
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }
}
