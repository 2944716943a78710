package pcsh.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.shell.Input;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.InteractiveShellRunner;
import org.springframework.stereotype.Component;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * Runs commands from {@code --file script.pcsh} or from stdin when it is not a terminal, in order:
 * blank lines and {@code #} comments are skipped, a trailing {@code \} joins the next line. It
 * stops at the first failure and the process exits with that command's code, unless {@code
 * --continue-on-error}; then it runs every line and exits with the first failure's code. There is
 * no prompt and no question: writes need {@code --yes}.
 */
@Component
@Order(InteractiveShellRunner.PRECEDENCE - 10)
class ScriptRunner implements ShellRunner, ExitCodeGenerator {

  static final String FILE = "pcsh.file";
  static final String CONTINUE = "pcsh.continue-on-error";
  static final String STDIN_TTY = "pcsh.stdin-tty";

  private final Shell shell;
  private final ShellContext context;
  private final Parser parser;
  private final FailureLog failures;
  private final ScriptMode mode;
  private final String file;
  private final boolean continueOnError;
  private final boolean stdinIsTerminal;
  private volatile int exitCode;
  private final org.springframework.beans.factory.ObjectProvider<SessionStart> sessionStart;

  ScriptRunner(
      Shell shell,
      ShellContext context,
      Parser parser,
      FailureLog failures,
      ScriptMode mode,
      Environment env,
      org.springframework.beans.factory.ObjectProvider<SessionStart> sessionStart) {
    this.sessionStart = sessionStart;
    this.shell = shell;
    this.context = context;
    this.parser = parser;
    this.failures = failures;
    this.mode = mode;
    this.file = env.getProperty(FILE, "");
    this.continueOnError = env.getProperty(CONTINUE, Boolean.class, false);
    // the launcher knows whether stdin is a terminal ([ -t 0 ]); without it, the console check
    this.stdinIsTerminal = env.getProperty(STDIN_TTY, Boolean.class, consoleIsTerminal());
  }

  /**
   * Whether stdin and stdout are a terminal, as far as Java can tell: on JDK 22 and newer {@code
   * System.console()} is there even when they are redirected, and {@code Console.isTerminal()}
   * (called by name: pcsh compiles for 17) tells; before 22 a console means a terminal.
   */
  @SuppressWarnings("SystemConsoleNull") // null still means no console; isTerminal() decides on 22+
  static boolean consoleIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public boolean run(String[] args) throws Exception {
    if (args.length > 0) return false;
    BufferedReader in;
    if (!file.isEmpty()) {
      try {
        in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        report(
            Failure.usage(
                "No script file '" + Text.shown(file) + "'.", "check the path given to --file."));
        return true;
      }
    } else if (!stdinIsTerminal) {
      in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    } else {
      SessionStart start = sessionStart.getIfAvailable();
      if (start != null) start.interactive();
      return false;
    }
    mode.start();
    // INTERACTIVE keeps Spring Shell from throwing on the first failure; FailureLog tells this
    // runner instead
    context.setInteractionMode(InteractionMode.INTERACTIVE);
    try (in) {
      shell.run(() -> next(in));
    }
    exitCode = failures.first().map(r -> r.exitCode().code()).orElse(0);
    return true;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }

  private Input next(BufferedReader in) {
    if (!continueOnError && failures.count() > 0) return null;
    try {
      String command = nextCommand(in);
      if (command == null) return null;
      // a script line keeps its own quoting (JLine's, as typed in the shell); its words are final
      ParsedLine line = parser.parse(command, command.length() + 1);
      return new VerbatimInput(line.words());
    } catch (IOException e) {
      report(
          Failure.failed(
              "Could not read the script: " + e.getMessage(), "check the file and try again."));
      return null;
    }
  }

  /** The next command: skips blank lines and comments, joins lines ending in a backslash. */
  static String nextCommand(BufferedReader in) throws IOException {
    StringBuilder command = new StringBuilder();
    String raw;
    while ((raw = in.readLine()) != null) {
      String line = raw.strip();
      if (command.length() == 0 && (line.isEmpty() || line.startsWith("#"))) continue;
      if (line.endsWith("\\")) {
        command.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      return command.append(line).toString().strip();
    }
    return command.length() == 0 ? null : command.toString().strip();
  }

  private void report(Failure e) {
    ErrorReport r = ErrorReport.of(e);
    failures.record(r);
    System.err.print(r.text());
    exitCode = r.exitCode().code();
  }
}
