package pcsh.shell;

import java.io.IOError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;

/** What commands need from the terminal: its width, whether a person can answer, and asking them. */
@Component
class Ui {

  private final Terminal terminal;

  Ui(Terminal terminal) {
    this.terminal = terminal;
  }

  /** JLine falls back to a dumb terminal when stdin or stdout is not a tty: nobody can answer a question. */
  boolean noTerminal() {
    String t = terminal.getType();
    return Terminal.TYPE_DUMB.equals(t) || Terminal.TYPE_DUMB_COLOR.equals(t);
  }

  /** 0 when output is not a terminal, so tables are not cut for a pipe. */
  int width() {
    return noTerminal() ? 0 : terminal.getWidth();
  }

  void print(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  /**
   * Asks "[y/N]" on a throw-away reader, so the answer stays out of the history. Ctrl-C or Ctrl-D mean no.
   * Callers check {@link #noTerminal()} first: without a terminal pcsh refuses rather than guess.
   */
  boolean confirm(String question) {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .variable(LineReader.DISABLE_HISTORY, true)
        .build();
    try {
      String answer = reader.readLine(question + " [y/N] ");
      return answer != null && answer.strip().matches("(?i)y|yes");
    } catch (UserInterruptException | EndOfFileException | IOError e) {
      Thread.interrupted();
      return false;
    }
  }
}
