package pcsh.commands;

import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.output.OutputFormat;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.values.Values;

/** The session's default output format. */
@Command(group = "Session")
public class OutputCommand {

  private final OutputPreference preference;
  private final Settings settings;

  OutputCommand(OutputPreference preference, Settings settings) {
    this.preference = preference;
    this.settings = settings;
  }

  @Command(
      command = "output",
      description =
          """
          Show or set this session's default output format.
          table, json, yaml or csv; --output on a command still wins, and pcsh.output is the \
          default of a new session.
          Example: output json
          Example: output
          See also: whoami""")
  String output(
      @Option(longNames = "format", label = "FORMAT", description = "table, json, yaml or csv")
          @OptionValues(provider = "outputFormats")
          String format) {
    if (format == null) {
      return "Output: "
          + preference.get().map(OutputFormat::id).orElse(settings.output() + " (pcsh.output)");
    }
    OutputFormat f =
        OutputFormat.parse(Values.choice("output", format, OutputFormat.ids())).orElseThrow();
    preference.set(f);
    return "Output is now " + f.id() + " for this session.";
  }
}
