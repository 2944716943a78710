package pcsh.shell;

import java.io.IOError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;
import pcsh.output.Progress;

/**
 * What commands need from the terminal: its width, whether a person can answer, and asking them.
 */
@Component
public class Ui implements Progress {

  private final Terminal terminal;
  private final boolean pager;

  public Ui(Terminal terminal) {
    this(terminal, true);
  }

  @org.springframework.beans.factory.annotation.Autowired
  Ui(Terminal terminal, org.springframework.core.env.Environment env) {
    this(terminal, !"never".equalsIgnoreCase(env.getProperty("pcsh.pager", "auto")));
  }

  Ui(Terminal terminal, boolean pager) {
    this.terminal = terminal;
    this.pager = pager;
  }

  /**
   * Text longer than the screen goes through JLine's pager on a terminal (q returns to the prompt);
   * piped output and short text are returned to print as they are.
   */
  public String page(String text, String title) {
    if (!pager || noTerminal() || text.lines().count() < terminal.getHeight() - 1) return text;
    try {
      new org.jline.builtins.Less(terminal, java.nio.file.Path.of("."))
          .run(
              new org.jline.builtins.Source.InputStreamSource(
                  new java.io.ByteArrayInputStream(
                      (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  true,
                  title));
      return "";
    } catch (java.io.IOException | InterruptedException | IOError e) {
      Thread.interrupted();
      return text;
    }
  }

  /**
   * JLine falls back to a dumb terminal when stdin or stdout is not a tty: nobody can answer a
   * question.
   */
  public boolean noTerminal() {
    String t = terminal.getType();
    return Terminal.TYPE_DUMB.equals(t) || Terminal.TYPE_DUMB_COLOR.equals(t);
  }

  /** 0 when output is not a terminal, so tables are not cut for a pipe. */
  public int width() {
    return noTerminal() ? 0 : terminal.getWidth();
  }

  /** One status line, rewritten in place on a terminal; nothing when output is piped. */
  @Override
  public void progress(String line) {
    if (noTerminal()) return;
    String text =
        line.length() >= terminal.getWidth() && terminal.getWidth() > 1
            ? line.substring(0, terminal.getWidth() - 2) + "…"
            : line;
    terminal.writer().print("\r" + text + "\u001b[K");
    terminal.writer().flush();
    progressShown = true;
  }

  @Override
  public void progressDone() {
    if (!progressShown) return;
    terminal.writer().print("\r\u001b[K");
    terminal.writer().flush();
    progressShown = false;
  }

  private volatile boolean progressShown;

  private volatile java.util.function.Consumer<String> transcript = text -> {};

  /** Streamed output also goes here (the session transcript keeps its first lines). */
  public void transcribeStreamsTo(java.util.function.Consumer<String> sink) {
    this.transcript = sink;
  }

  /** A writer for output printed as it is produced, where a command's returned text would go. */
  public StreamedOutput stream() {
    return new StreamedOutput(terminal.writer(), transcript);
  }

  /** Whether long text goes through the pager ({@link #page}), which needs the whole text first. */
  public boolean pages() {
    return pager && !noTerminal();
  }

  public void print(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  /** Clears the screen, as the terminal's own capability does it; nothing without a terminal. */
  public void clearScreen() {
    if (noTerminal()) return;
    terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
    terminal.flush();
  }

  /**
   * A notice that is not the command's data (a warning before a write): on the terminal when there
   * is one, else on stderr, so that stdout of a one-shot run or a script carries only data.
   */
  public void notice(String text) {
    if (noTerminal()) {
      System.err.print(text);
      System.err.flush();
    } else {
      print(text);
    }
  }

  /**
   * Asks for a line on a throw-away reader (kept out of the history); empty on Ctrl-C or Ctrl-D.
   */
  public java.util.Optional<String> ask(String prompt) {
    if (noTerminal()) return java.util.Optional.empty();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .variable(LineReader.DISABLE_HISTORY, true)
            .build();
    try {
      return java.util.Optional.ofNullable(reader.readLine(prompt));
    } catch (UserInterruptException | EndOfFileException | IOError e) {
      Thread.interrupted();
      return java.util.Optional.empty();
    }
  }

  /**
   * Asks for a secret on a throw-away reader that echoes '*' and keeps nothing in the history.
   * Without a terminal it reads one line from standard input (so a token can be piped in); empty
   * when there is none.
   *
   * @throws Cancelled on Ctrl-C or Ctrl-D
   */
  java.util.Optional<String> secret(String prompt) {
    if (noTerminal()) {
      return oneLine(System.in).map(String::strip).filter(l -> !l.isEmpty());
    }
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .variable(LineReader.DISABLE_HISTORY, true)
            .build();
    try {
      String answer = reader.readLine(prompt, '*');
      return java.util.Optional.ofNullable(answer).map(String::strip).filter(a -> !a.isEmpty());
    } catch (UserInterruptException | EndOfFileException | IOError e) {
      Thread.interrupted();
      throw new Cancelled();
    }
  }

  /**
   * One line, read byte by byte so that nothing after it is consumed (a script may go on with more
   * lines).
   */
  public static java.util.Optional<String> oneLine(java.io.InputStream in) {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1 && b != '\n') line.write(b);
      if (b == -1 && line.size() == 0) return java.util.Optional.empty();
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        line.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\r", ""));
  }

  /** Rewrites the current line (a countdown); on a dumb terminal prints it as a line of its own. */
  void status(String text) {
    if (noTerminal()) {
      print(text + "\n");
    } else {
      print("\r" + text + "\u001b[K");
    }
  }

  /** The user pressed Ctrl-C or Ctrl-D at a prompt. */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled at the prompt");
    }
  }

  /**
   * Asks "[y/N]" on a throw-away reader, so the answer stays out of the history. Ctrl-C or Ctrl-D
   * mean no. Callers check {@link #noTerminal()} first: without a terminal pcsh refuses rather than
   * guess.
   */
  public boolean confirm(String question) {
    return ask(question + " [y/N] ").filter(a -> a.strip().matches("(?i)y|yes")).isPresent();
  }
}
