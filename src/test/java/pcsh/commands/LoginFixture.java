package pcsh.commands;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pcsh.auth.Authenticator;
import pcsh.auth.EntraStub;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.EmbeddedEmulator;
import pcsh.shell.OutputPreference;
import pcsh.shell.Ui;

/**
 * What the sign-in command tests start from: a stub of Entra ID, an empty {@code $PCSH_HOME}, and
 * the {@code login}, {@code logout} and {@code whoami} commands as plain Java on a terminal whose
 * output the tests read and whose keyboard can answer a hidden prompt.
 */
abstract class LoginFixture {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN_PATH = EntraStub.TOKEN_PATH;

  @TempDir Path home;

  final Map<String, String> env = new HashMap<>();
  final Map<String, String> settingsFile = new HashMap<>();
  final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  Terminal terminal;
  SessionHolder session;
  Authenticator auth;
  SessionCommands commands;

  /** Starts pcsh's side; {@code typed} is what the user types once a hidden prompt appears. */
  void start(String typed) throws Exception {
    java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
    java.io.PipedInputStream in = new java.io.PipedInputStream(keyboard);
    terminal =
        TerminalBuilder.builder()
            .system(false)
            .type("xterm")
            .size(new org.jline.terminal.Size(120, 40))
            .streams(in, screen)
            .build();
    if (!typed.isEmpty()) {
      Thread user =
          new Thread(
              () -> {
                try {
                  pcsh.HangGuard.await("the hidden prompt is shown")
                      .until(
                          () -> screen.toString(StandardCharsets.UTF_8).contains("(input hidden)"));
                  keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
                  keyboard.flush();
                  Thread.sleep(
                      60_000); // a pipe whose writer thread ended reads as broken: stay, like a
                  // keyboard
                } catch (Exception e) {
                  // the test fails on the missing answer
                }
              });
      user.setDaemon(true);
      user.start();
    }
    settingsFile.put("pcsh.home", home.toString());
    settingsFile.put("pcsh.base-url", "https://api.partnercenter.microsoft.com");
    settingsFile.putIfAbsent("pcsh.auth.client-id", java.util.UUID.randomUUID().toString());
    Settings settings = Settings.from(settingsFile::get);
    auth = new EntraStub(wm, wm.baseUrl()).authenticator(settings, env, null);
    session = new SessionHolder(Session.start(auth.restore()));
    commands =
        new SessionCommands(
            auth,
            session,
            settings,
            new EmbeddedEmulator(settings),
            new Ui(terminal),
            settingsFile::get,
            new OutputPreference());
  }

  @AfterEach
  void close() throws Exception {
    if (terminal != null) terminal.close();
  }

  String screen() {
    terminal.writer().flush();
    return screen.toString(StandardCharsets.UTF_8);
  }

  String login() throws Exception {
    return commands.login(false, false, false, false, null, null, null, null);
  }

  void deviceCodeSucceeds() {
    EntraStub entra = new EntraStub(wm, wm.baseUrl());
    entra.deviceCode(900);
    entra.tokenSequence(TOKEN_PATH, 1, EntraStub.userToken("AT-1", "RT-1", 3600));
  }
}
