package pcsh.shell;

import java.util.List;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.shell.Input;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.NonInteractiveShellRunner;
import org.springframework.stereotype.Component;

/**
 * {@code ./pcsh <command> ...}: runs the one command the arguments name, each argument exactly as
 * the user's shell passed it (Spring Shell's own runner, turned off, joins them into a line and
 * parses it again, which loses quotes, apostrophes, backslashes and empty values). The process
 * exits with the command's code: that of the failure it reported, else 0.
 */
@Component
@Order(NonInteractiveShellRunner.PRECEDENCE - 10)
public class OneShotRunner implements ShellRunner, ExitCodeGenerator {

  private final Shell shell;
  private final ShellContext context;
  private final FailureLog failures;
  private volatile int exitCode;

  OneShotRunner(Shell shell, ShellContext context, FailureLog failures) {
    this.shell = shell;
    this.context = context;
    this.failures = failures;
  }

  @Override
  public boolean run(String[] args) {
    if (args.length == 0) return false;
    context.setInteractionMode(InteractionMode.NONINTERACTIVE);
    long before = failures.count();
    Input[] next = {new VerbatimInput(List.of(args))};
    try {
      shell.run(
          () -> {
            Input i = next[0];
            next[0] = null;
            return i;
          });
    } catch (ErrorHandling.Reported e) {
      // Spring Shell signals the exit code of a failure pcsh reported; FailureLog has it (a process
      // that runs several commands, as tests do, may get one left over from an earlier command)
    } catch (Exception e) {
      if (failures.count() == before) {
        ErrorReport r = ErrorReport.of(e);
        failures.record(r, e);
        System.err.print(r.text());
      }
    }
    exitCode =
        failures.count() == before ? 0 : failures.last().map(r -> r.exitCode().code()).orElse(1);
    return true;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
