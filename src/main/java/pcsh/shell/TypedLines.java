package pcsh.shell;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pcsh.session.Settings;

/**
 * The lines typed in the interactive shell, as the history keeps them (secret-looking lines never
 * are): this session's history when one is attached, else the history file, which a one-shot run
 * reads without attaching it to anything.
 */
@Component
public class TypedLines {

  private final ObjectProvider<History> history;
  private final Terminal terminal;
  private final Settings settings;

  TypedLines(ObjectProvider<History> history, Terminal terminal, Settings settings) {
    this.history = history;
    this.terminal = terminal;
    this.settings = settings;
  }

  /** The last {@code n} lines, oldest first. */
  public List<String> last(int n) {
    List<String> lines = new ArrayList<>();
    History h = history.getIfAvailable();
    if (h != null) h.forEach(e -> lines.add(e.line()));
    if (lines.isEmpty()) fromFile().forEach(e -> lines.add(e.line()));
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  private History fromFile() {
    var file = settings.historyDir().resolve(ShellConfiguration.HISTORY_FILE);
    if (!Files.isRegularFile(file)) return new DefaultHistory();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .variable(LineReader.HISTORY_FILE, file)
            .build();
    return new DefaultHistory(reader);
  }
}
