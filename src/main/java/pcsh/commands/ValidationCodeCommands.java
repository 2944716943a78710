package pcsh.commands;

import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.PartnerCenterClient;
import pcsh.api.ValidationCode;
import pcsh.output.Table;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.shell.completion.CompletionCache;

/** The partner's GCC validation codes. */
@Command(group = "Qualification")
public class ValidationCodeCommands {

  private final PartnerCenterClient client;
  private final Settings settings;
  private final Ui ui;

  private final OutputPreference preference;
  private final java.util.Optional<CompletionCache> completion;

  ValidationCodeCommands(
      PartnerCenterClient client,
      Settings settings,
      Ui ui,
      OutputPreference preference,
      org.springframework.beans.factory.ObjectProvider<CompletionCache> completion) {
    this.preference = preference;
    this.completion = java.util.Optional.ofNullable(completion.getIfAvailable());
    this.client = client;
    this.settings = settings;
    this.ui = ui;
  }

  @Command(
      command = "validation-codes list",
      description =
          """
          List the partner's GCC validation codes with their remaining creates.
          Pass a validationId to `qualify gcc --code`; an exhausted code is marked.
          Example: validation-codes list
          Example: validation-codes list --output json --query "[].validationId"
          See also: qualify gcc""")
  String list(
      @Option(longNames = SharedOptions.OUTPUT) String output,
      @Option(longNames = SharedOptions.QUERY) String query) {
    OutputSpec format = Inputs.output(output, query, preference, settings);
    List<ValidationCode> codes = client.validationCodes();
    completion.ifPresent(c -> c.saw(codes));
    if (format.structured()) return format.render(codes, ui.width());
    if (codes.isEmpty()) return "The partner has no GCC validation codes.";
    Table t = new Table(List.of("VALIDATION ID", "ORGANIZATION", "REMAINING/MAX", ""));
    codes.forEach(
        c ->
            t.row(
                c.validationId(),
                c.organizationName(),
                count(c.remainingCreates()) + "/" + count(c.maxCreates()),
                c.exhausted() ? "exhausted" : ""));
    return t.render(ui.width()).stripTrailing();
  }

  private static String count(Integer n) {
    return n == null ? "?" : n.toString();
  }
}
