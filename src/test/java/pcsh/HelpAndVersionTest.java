package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;

/**
 * {@code help}, {@code <command> --help} and {@code version} in one-shot runs: what they show, that
 * they fit in 100 columns, and that asking for help exits 0.
 */
class HelpAndVersionTest {

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = InProcessPcsh.embedded();
  }

  @Test
  void helpListsTheGroupsInOrderAndEachCommandOnOneLine() throws Exception {
    InProcessPcsh.Run r = pcsh.run("help");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    fitsIn100Columns(r.out());
    List<String> headings = r.out().lines().filter(l -> l.matches("[A-Z][A-Z -]+")).toList();
    assertThat(headings)
        .containsSubsequence(
            "USAGE",
            "SESSION",
            "CUSTOMERS",
            "QUALIFICATION",
            "SUPPORT",
            "EMULATOR",
            "BUILT-IN COMMANDS");
    assertThat(r.out())
        .containsPattern("\\n  customers list +List customers, one page at a time\\.\\n")
        .containsPattern(
            "\\n  qualify gcc +Qualify the customer as GovernmentCommunityCloud with a validation code\\.\\n")
        .contains("`<command> --help`");
    for (CommandRegistration c : commands()) {
      assertThat(r.out().lines().filter(l -> l.startsWith("  " + c.getCommand() + " ")))
          .as(c.getCommand())
          .hasSize(1);
    }
  }

  @Test
  void aCommandsHelpHasUsageOptionsWithValueNamesAndDefaultsExamplesAndRelatedCommands()
      throws Exception {
    InProcessPcsh.Run r = pcsh.run("qualify", "gcc", "--help");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Qualify the customer as GovernmentCommunityCloud with a validation code.\n\n")
        .contains("Codes come from")
        .contains("USAGE\n  qualify gcc --code VALIDATION-ID [--customer ID]")
        .contains(
            "OPTIONS\n      --code VALIDATION-ID  a validationId from `validation-codes list`")
        .contains("  -y, --yes ")
        .contains("  -o, --output FORMAT ")
        .contains("  -h, --help ")
        .contains("EXAMPLES\n  qualify gcc --code 448812\n")
        .contains("SEE ALSO\n  validation-codes list, qualification show");
    assertThat(pcsh.run("qualify", "gcc", "-h").out()).isEqualTo(r.out());
    assertThat(pcsh.run("help", "qualify", "gcc").out()).isEqualTo(r.out());
    assertThat(pcsh.run("qualification", "watch", "--help").out())
        .contains("--interval DURATION")
        .contains("(default: 5s)")
        .contains("(default: 1h)");
    assertThat(pcsh.run("debug", "--help").out()).contains("USAGE\n  debug [<on|off>]");
  }

  @Test
  void helpApiShowsItsFormTheOptionsAndTheFiveExamples() throws Exception {
    InProcessPcsh.Run r = pcsh.run("help", "api");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Send any Partner Center (or Microsoft Graph) request")
        .contains("USAGE\n  api [METHOD] PATH [-f KEY=VALUE]...")
        .contains("  -X, --method METHOD ")
        .contains("  -f, --raw-field KEY=VALUE... ")
        .contains("  -F, --field KEY=VALUE... ")
        .contains("  -H, --header 'NAME: VALUE'... ")
        .contains("  -i, --include ")
        .contains("      --paginate ")
        .contains("      --graph ")
        .contains("      --dry-run ")
        .contains(
            "EXAMPLES\n"
                + "  api /v1/customers/{customer}/subscriptions\n"
                + "  api --paginate /v1/customers -f size=500 -o csv\n"
                + "  api /v1/customers/{customer}/subscriptions/{subscription-id}/provisioningstatus\n"
                + "  api --graph /v1.0/tenantRelationships/delegatedAdminRelationships -o table\n"
                + "  api PATCH /v1/servicerequests/616122 -f status=closed --dry-run\n");
  }

  @Test
  void helpWinsOverAMistakeOnTheSameLineAndSendsNothing() throws Exception {
    InProcessPcsh.Run r = pcsh.run("customers", "list", "--bogus", "--size", "0x10", "--help");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("List customers, one page at a time.");
  }

  @Test
  void everyCommandsHelpFitsIn100ColumnsWithItsOptions() throws Exception {
    for (CommandRegistration c : commands()) {
      InProcessPcsh.Run r = pcsh.run((c.getCommand() + " --help").split(" "));
      assertThat(r.exit()).as(c.getCommand() + "\n" + r).isZero();
      assertThat(r.out())
          .as(c.getCommand())
          .contains("\nUSAGE\n  ", "\nOPTIONS\n", "  -h, --help ");
      fitsIn100Columns(r.out());
    }
  }

  @Test
  void helpForNoSuchCommandIsAUsageError() throws Exception {
    InProcessPcsh.Run r = pcsh.run("help", "frobnicate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("No command 'frobnicate'.", "Next: run `help`");
  }

  @Test
  void versionShowsTheBuildTheRuntimeAndWhereRequestsGo() throws Exception {
    InProcessPcsh.Run r = pcsh.run("version");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("pcsh ")
        .containsPattern("Commit: +[0-9a-f]{7,}|Commit: +unknown")
        .contains("Java:         " + System.getProperty("java.version"))
        .contains("Runtime:      " + System.getProperty("java.home"))
        .containsPattern("Installed in: \\S")
        .contains("Spring Shell: 3.4.2")
        .contains("JLine:        3.30.6")
        .contains("OS:           " + System.getProperty("os.name"))
        .contains("Base URL:     embedded (the emulator)");

    JsonNode json = new ObjectMapper().readTree(pcsh.run("version", "--output", "json").out());
    assertThat(json.get("springShell").asText()).isEqualTo("3.4.2");
    assertThat(json.get("javaVendor").asText()).isEqualTo(System.getProperty("java.vendor"));
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "version",
            "commit",
            "commitTime",
            "buildTime",
            "installedIn",
            "java",
            "javaVendor",
            "runtime",
            "springShell",
            "jline",
            "os",
            "baseUrl");
  }

  private static List<CommandRegistration> commands() throws Exception {
    pcsh.run("version");
    return pcsh.bean(CommandCatalog.class).getRegistrations().values().stream()
        .filter(c -> !c.isHidden())
        .toList();
  }

  private static void fitsIn100Columns(String text) {
    assertThat(text.lines().filter(l -> l.codePointCount(0, l.length()) > 100)).isEmpty();
  }
}
