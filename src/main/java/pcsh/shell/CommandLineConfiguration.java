package pcsh.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.config.ShellConversionServiceSupplier;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import pcsh.shell.completion.CompletionFile;

/**
 * pcsh's reading of command lines: its {@link PcshShell} is the {@code Shell} every runner (and
 * Spring Shell's test client) uses; Spring Shell's own stays unused.
 */
@Configuration(proxyBeanMethods = false)
class CommandLineConfiguration {

  @Bean
  @Primary
  PcshShell pcshShell(
      ResultHandlerService results,
      CommandCatalog catalog,
      Terminal terminal,
      ShellConversionServiceSupplier conversions,
      ShellContext context,
      ExitCodeMappings exitCodes,
      CommandTargets targets,
      Help help,
      Ui ui,
      ObjectProvider<CompletionFile> completionFile) {
    PcshShell shell =
        new PcshShell(
            results,
            catalog,
            terminal,
            context,
            exitCodes,
            targets,
            help,
            ui,
            () -> completionFile.ifAvailable(CompletionFile::save));
    shell.setConversionService(conversions.get());
    return shell;
  }

  /** The catalog comes late: it is built from the commands, and the help command needs this. */
  @Bean
  Help help(ObjectProvider<CommandCatalog> catalog, CommandTargets targets) {
    return new Help(catalog, targets);
  }

  @Bean
  CompletionScript completionScript(
      ObjectProvider<CommandCatalog> catalog,
      CommandTargets targets,
      Help help,
      BeanFactory beans) {
    return new CompletionScript(catalog, targets, help, beans);
  }
}
