package pcsh.shell;

import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.PartnerCenterClient;
import pcsh.api.ValidationCode;
import pcsh.output.Json;
import pcsh.output.OutputFormat;
import pcsh.output.Table;
import pcsh.session.Settings;

/** The partner's GCC validation codes. */
@Command(group = "Qualification")
class ValidationCodeCommands {

  private final PartnerCenterClient client;
  private final Settings settings;
  private final Ui ui;

  ValidationCodeCommands(PartnerCenterClient client, Settings settings, Ui ui) {
    this.client = client;
    this.settings = settings;
    this.ui = ui;
  }

  @Command(command = "validation-codes list", description = "List the partner's GCC validation codes with their"
      + " remaining creates; pass a validationId to `qualify gcc --code`. Example: validation-codes list")
  String list(
      @Option(longNames = "output", shortNames = 'o', description = "table or json")
      @OptionValues(provider = "outputFormats") String output) {
    OutputFormat format = Inputs.output(output, settings);
    List<ValidationCode> codes = client.validationCodes();
    if (format == OutputFormat.JSON) return Json.pretty(codes);
    if (codes.isEmpty()) return "The partner has no GCC validation codes.";
    Table t = new Table(List.of("VALIDATION ID", "ORGANIZATION", "REMAINING/MAX", ""));
    codes.forEach(c -> t.row(c.validationId(), c.organizationName(),
        count(c.remainingCreates()) + "/" + count(c.maxCreates()), c.exhausted() ? "exhausted" : ""));
    return t.render(ui.width()).stripTrailing();
  }

  private static String count(Integer n) {
    return n == null ? "?" : n.toString();
  }
}
