package pcsh.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.springframework.shell.Input;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import pcsh.api.WarmUp;
import pcsh.failure.Failure;

/**
 * Spring Shell's loop, with pcsh reading the words. For a command whose method is a {@link
 * CommandTargets} target, {@link CommandLine} reads the words as given and the values are handed to
 * the method, while Spring Shell is shown only the command's name: it still checks availability,
 * calls the method, runs the exception resolvers (so a usage error reads and exits like any other
 * failure) and sets the exit code. {@code <command> --help} prints the command's help. Anything
 * else (no such command, a blank line) is Spring Shell's as before. After each command, {@code
 * afterCommand} runs (the completion file keeps what the command saw).
 */
class PcshShell extends Shell {

  private final CommandCatalog catalog;
  private final CommandTargets targets;
  private final Help help;
  private final Ui ui;
  private final Runnable afterCommand;

  PcshShell(
      ResultHandlerService results,
      CommandCatalog catalog,
      Terminal terminal,
      ShellContext context,
      ExitCodeMappings exitCodes,
      CommandTargets targets,
      Help help,
      Ui ui,
      Runnable afterCommand) {
    super(results, catalog, terminal, context, exitCodes);
    this.afterCommand = afterCommand;
    this.catalog = catalog;
    this.targets = targets;
    this.help = help;
    this.ui = ui;
  }

  @Override
  protected Object evaluate(Input input) {
    // a one-shot command that sends requests had them prepared while Spring started: it runs once
    // that is done, never beside it
    WarmUp.awaitDone();
    try {
      return read(input);
    } finally {
      afterCommand.run();
    }
  }

  private Object read(Input input) {
    List<String> words = words(input);
    if (words.stream().allMatch(String::isBlank)) return super.evaluate(input);
    Optional<CommandLine.Match> match =
        CommandLine.match(catalog.getRegistrations().values(), words);
    if (match.isEmpty()) return super.evaluate(input);
    CommandRegistration reg = match.get().registration();
    List<String> commandWords = match.get().commandWords();
    Object parsed;
    try {
      parsed =
          CommandLine.parse(
              reg,
              words.subList(commandWords.size(), words.size()),
              targets
                  .target(reg.getCommand())
                  .map(CommandTargets.Target::required)
                  .orElse(Set.of()));
    } catch (Failure f) {
      parsed = f;
    }
    if (parsed instanceof CommandLine.Parsed p && p.help()) return help.command(reg, ui.width());
    if (!targets.handles(reg)) return super.evaluate(input);
    Input name = new VerbatimInput(commandWords);
    return targets.with(parsed, () -> super.evaluate(name));
  }

  /**
   * The words as typed. JLine's parser ends a line that closes with a blank or a quote with an
   * extra empty word (where the cursor is); that one is not the user's.
   */
  private static List<String> words(Input input) {
    List<String> words = input.words();
    if (input instanceof VerbatimInput || words.isEmpty()) return words;
    return words.get(words.size() - 1).isEmpty() ? words.subList(0, words.size() - 1) : words;
  }
}
