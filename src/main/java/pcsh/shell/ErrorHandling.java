package pcsh.shell;

import java.io.PrintStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.result.CommandNotFoundMessageProvider;

/**
 * Hooks {@link ErrorReport} into Spring Shell. In the interactive shell the report is printed in the session;
 * in a one-shot run it goes to stderr, so stdout carries only data, and the exit code is the report's.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandling {

  /** Ahead of Spring Shell's own parser-error resolver (-100), which prints red text and no next step. */
  @Bean
  @Order(-200)
  CommandExceptionResolver pcshErrors(ObjectProvider<ShellContext> context) {
    return e -> {
      ErrorReport r = ErrorReport.of(e);
      if (oneShot(context)) {
        stderr().print(r.text());
        stderr().flush();
        return CommandHandlingResult.of(null, r.exitCode().code());
      }
      return CommandHandlingResult.of(r.text(), r.exitCode().code());
    };
  }

  @Bean
  CommandNotFoundMessageProvider commandNotFoundMessage(ObjectProvider<ShellContext> context) {
    return c -> {
      ErrorReport r = ErrorReport.commandNotFound(c.commands());
      if (oneShot(context)) {
        stderr().print(r.text());
        stderr().flush();
        return "";
      }
      return r.text().stripTrailing();
    };
  }

  /** A one-shot command that is not found ends the run with exit 2 (usage), not Spring Boot's 1. */
  @Bean
  ExitCodeExceptionMapper commandNotFoundExitCode() {
    return e -> e instanceof CommandNotFound || e.getCause() instanceof CommandNotFound
        ? ExitCode.USAGE.code() : 0;
  }

  private static boolean oneShot(ObjectProvider<ShellContext> context) {
    ShellContext c = context.getIfAvailable();
    return c != null && c.getInteractionMode() == InteractionMode.NONINTERACTIVE;
  }

  private static PrintStream stderr() {
    return System.err;
  }
}
