package pcsh.commands;

import java.util.List;
import org.springframework.shell.ExitRequest;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.context.InteractionMode;
import pcsh.failure.Failure;
import pcsh.session.Settings;
import pcsh.shell.CompletionScript;
import pcsh.shell.Help;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.TypedLines;
import pcsh.shell.Ui;
import pcsh.shell.VersionInfo;
import pcsh.values.Values;

/**
 * Help, the version, completion for the user's own shell, and leaving or clearing the interactive
 * shell. These replace Spring Shell's built-in commands, whose auto-configuration pcsh leaves out:
 * it scans every bean for its older {@code @ShellMethod} annotations at each start.
 */
@Command(group = "Built-In Commands")
public class ShellCommands {

  private final Help help;
  private final CompletionScript completion;
  private final Settings settings;
  private final OutputPreference preference;
  private final Ui ui;
  private final TypedLines typed;

  ShellCommands(
      Help help,
      CompletionScript completion,
      Settings settings,
      OutputPreference preference,
      Ui ui,
      TypedLines typed) {
    this.help = help;
    this.completion = completion;
    this.settings = settings;
    this.preference = preference;
    this.ui = ui;
    this.typed = typed;
  }

  @Command(
      command = "history",
      description =
          """
          Show the commands typed in the interactive shell, oldest first.
          They come from pcsh.history.dir (mode 0600); a line that looked as if it held a secret \
          was never kept. Up-arrow recalls them at the prompt.
          Example: history
          Example: history --limit 100
          See also: sessions list, sessions show""")
  String history(
      @Option(
              longNames = "limit",
              label = "N",
              defaultValue = "20",
              description = "how many, newest last, 1 to 10000")
          String limitOption) {
    int limit = Values.integer("--limit", limitOption, 1, 10000);
    List<String> lines = typed.last(limit);
    if (lines.isEmpty()) return "No commands typed yet.";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(String.format("%5d  %s%n", i + 1, pcsh.output.Text.oneLine(lines.get(i))));
    }
    return b.toString().stripTrailing();
  }

  @Command(
      command = "help",
      description =
          """
          List the commands, or show one command's help.
          With a command: its usage, description, options (value names, defaults, accepted \
          values), examples and related commands; `<command> --help` shows the same.
          Example: help
          Example: help qualify gcc
          See also: version""")
  String help(
      @Option(
              longNames = "command",
              label = "COMMAND",
              arity = OptionArity.ZERO_OR_MORE,
              description = "a command, e.g. qualify gcc")
          @OptionValues(provider = "commandNames")
          String[] command) {
    if (command == null || command.length == 0) return help.commands(ui.width());
    return help.command(String.join(" ", command), ui.width());
  }

  @Command(
      command = "exit",
      alias = "quit",
      interactionMode = InteractionMode.INTERACTIVE,
      description =
          """
          Leave the interactive shell (Ctrl-D does the same).
          Example: exit""")
  void exit() {
    // Spring Shell's loop ends on this; a one-shot run has nothing to leave
    throw new ExitRequest();
  }

  @Command(
      command = "clear",
      interactionMode = InteractionMode.INTERACTIVE,
      description =
          """
          Clear the screen (Ctrl-L does the same).
          Example: clear""")
  void clear() {
    ui.clearScreen();
  }

  @Command(
      command = "version",
      description =
          """
          Show pcsh's version and what it runs on.
          The version, the git commit and build time of this build, where pcsh is installed, the \
          Java runtime, its vendor and where it is, the Spring Shell and JLine versions, the OS, \
          and where requests go. Also `./pcsh --version`.
          Example: version
          Example: version --output json""")
  String version(
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    VersionInfo v = VersionInfo.of(settings);
    if (format.structured()) return format.render(v.fields(), ui.width());
    StringBuilder b = new StringBuilder();
    b.append("pcsh ").append(v.version()).append('\n');
    b.append("Commit:       ").append(v.commit());
    if (!v.commitTime().equals("unknown")) b.append(" (").append(v.commitTime()).append(')');
    b.append('\n');
    b.append("Built:        ").append(v.buildTime()).append('\n');
    b.append("Installed in: ").append(v.installedIn()).append('\n');
    b.append("Java:         ").append(v.java()).append(" (").append(v.javaVendor()).append(")\n");
    b.append("Runtime:      ").append(v.runtime()).append('\n');
    b.append("Spring Shell: ").append(v.springShell()).append('\n');
    b.append("JLine:        ").append(v.jline()).append('\n');
    b.append("OS:           ").append(v.os()).append('\n');
    b.append("Base URL:     ").append(v.baseUrl());
    return b.toString();
  }

  @Command(
      command = "completion",
      description =
          """
          Print a completion script for bash or zsh.
          Sourced, it completes commands, options and fixed values from your own shell, and \
          customers and validation codes from what pcsh has seen (kept in $PCSH_HOME/completion); \
          a Tab never starts pcsh or calls the service. It registers for `pcsh` and `./pcsh`.
          Example: source <(./pcsh completion bash)
          Example: ./pcsh completion zsh > ~/.zsh/pcsh-completion.zsh
          See also: help""")
  String completion(
      @Option(longNames = "shell", label = "SHELL", description = "bash or zsh")
          @OptionValues(provider = "shells")
          String shell) {
    if (shell == null) {
      throw Failure.usage(
          "completion needs the shell: bash or zsh.",
          "run `./pcsh completion bash` or `./pcsh completion zsh` (the README shows how to install it).");
    }
    return completion.script(Values.choice("completion", shell, List.of("bash", "zsh")));
  }
}
