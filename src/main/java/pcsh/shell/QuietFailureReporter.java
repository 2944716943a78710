package pcsh.shell;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;

/**
 * Keeps Spring Boot from printing "Application run failed" and a stack trace after a one-shot
 * command failed: the failure was already reported to the user, and only its exit code is left to
 * deliver.
 */
public final class QuietFailureReporter implements SpringBootExceptionReporter {

  public QuietFailureReporter(ConfigurableApplicationContext context) {}

  @Override
  public boolean reportException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.boot.ExitCodeGenerator
          || t instanceof CommandNotFound
          || t instanceof org.springframework.shell.CommandNotCurrentlyAvailable
          || t instanceof CommandParserExceptionsException) {
        return true;
      }
    }
    return false;
  }
}
