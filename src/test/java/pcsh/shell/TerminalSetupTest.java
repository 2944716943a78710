package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JLine's set-up at start, as the launchers' {@code pcsh.stdout-tty} asks for it. */
class TerminalSetupTest {

  private static final List<String> TOUCHED =
      List.of(
          TerminalSetup.STDOUT_TTY,
          TerminalBuilder.PROP_PROVIDER,
          TerminalBuilder.PROP_EXEC,
          TerminalBuilder.PROP_ENCODING);

  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void save() {
    TOUCHED.forEach(k -> saved.put(k, System.getProperty(k)));
    TOUCHED.forEach(System::clearProperty);
  }

  @AfterEach
  void restore() {
    saved.forEach(
        (k, v) -> {
          if (v == null) System.clearProperty(k);
          else System.setProperty(k, v);
        });
  }

  @Test
  void whenStdoutIsNotATerminalJLineMakesItsDumbTerminalWithoutAskingItsProviders()
      throws Exception {
    System.setProperty(TerminalSetup.STDOUT_TTY, "false");

    TerminalSetup.quickDetection();

    assertThat(System.getProperty(TerminalBuilder.PROP_PROVIDER))
        .isEqualTo(TerminalBuilder.PROP_PROVIDER_DUMB);
    assertThat(System.getProperty(TerminalBuilder.PROP_EXEC)).isNull();
    // what Spring Shell then builds (stdout is not a terminal here either): JLine's dumb terminal
    try (Terminal t =
        TerminalBuilder.builder().systemOutput(TerminalBuilder.SystemOutput.SysOut).build()) {
      assertThat(t).isInstanceOf(DumbTerminal.class);
    }
  }

  @Test
  void aProviderTheUserChoseIsKept() {
    System.setProperty(TerminalSetup.STDOUT_TTY, "false");
    System.setProperty(TerminalBuilder.PROP_PROVIDER, "exec");

    TerminalSetup.quickDetection();

    assertThat(System.getProperty(TerminalBuilder.PROP_PROVIDER)).isEqualTo("exec");
  }

  @Test
  void withoutTheLaunchersWordJLineAsksItsProvidersAsBefore() {
    TerminalSetup.quickDetection();

    assertThat(System.getProperty(TerminalBuilder.PROP_PROVIDER)).isNull();
  }
}
