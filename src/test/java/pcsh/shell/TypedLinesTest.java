package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import pcsh.session.Settings;

/** `history` shows what an interactive session kept, also from a later one-shot run. */
class TypedLinesTest {

  @TempDir Path dir;

  @Test
  void aLaterRunReadsTheLinesAnInteractiveSessionKeptWithoutItsSecrets() throws Exception {
    Path historyDir = dir.resolve("history");
    try (Terminal terminal = dumb()) {
      SecretFilteringHistory kept =
          new SecretFilteringHistory(historyDir.resolve(ShellConfiguration.HISTORY_FILE));
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(kept).build();
      kept.attach(reader);
      kept.add("whoami");
      kept.add("login --token eyJhbGciOiJIUzI1NiJ9.canary");
      kept.add("customers list --size 2");
      kept.add("use customer northwind");
      kept.save();
    }
    Settings settings =
        Settings.from(
            Map.of(Settings.HOME, dir.toString(), Settings.HISTORY_DIR, historyDir.toString())
                ::get);
    try (Terminal terminal = dumb()) {
      TypedLines lines =
          new TypedLines(
              new StaticListableBeanFactory().getBeanProvider(History.class), terminal, settings);

      assertThat(lines.last(2))
          .containsExactly("customers list --size 2", "use customer northwind");
      assertThat(lines.last(20))
          .containsExactly("whoami", "customers list --size 2", "use customer northwind");
    }
  }

  private static Terminal dumb() throws Exception {
    return TerminalBuilder.builder()
        .dumb(true)
        .type(Terminal.TYPE_DUMB)
        .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
        .build();
  }
}
