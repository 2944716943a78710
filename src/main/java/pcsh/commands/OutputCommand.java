package pcsh.commands;

import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.failure.Failure;
import pcsh.output.OutputFormat;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;

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
          "Show or set this session's default output format (table, json,"
              + " yaml or csv); --output on a command still wins. Example: output json")
  String output(
      @Option(longNames = "format", description = "table, json, yaml or csv")
          @OptionValues(provider = "outputFormats")
          String format) {
    if (format == null) {
      return "Output: "
          + preference.get().map(OutputFormat::id).orElse(settings.output() + " (pcsh.output)");
    }
    OutputFormat f =
        OutputFormat.parse(format)
            .orElseThrow(
                () ->
                    Failure.usage(
                        "Unknown output format '" + Inputs.shown(format) + "'.",
                        "use one of " + OutputFormat.choices() + "."));
    preference.set(f);
    return "Output is now " + f.id() + " for this session.";
  }
}
