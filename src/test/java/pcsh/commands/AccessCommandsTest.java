package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.emulator.SeedCustomers.CONTOSO_LTD_ID;
import static pcsh.emulator.SeedCustomers.LITWARE_ID;
import static pcsh.emulator.SeedCustomers.NORTHWIND_ID;
import static pcsh.emulator.SeedCustomers.TAILSPIN_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pcsh.auth.GraphToken;
import pcsh.emulator.Faults;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The GDAP check where users meet it: {@code customer access}, and before {@code qualify gcc} and
 * the gcc rows of {@code qualify bulk}, where it warns on stderr and the write still goes out,
 * whether Graph says no role, cannot be read, or is down; {@code --skip-access-check} sends nothing
 * to Graph.
 */
class AccessCommandsTest extends AccessFixture {

  @Test
  void customerAccessListsRelationshipsAssignmentsAndTheVerdict() throws Exception {
    DiagnosticsCommands d = diagnostics();

    String table = d.access(TAILSPIN_ID, null, null);
    JsonNode json = new ObjectMapper().readTree(d.access(NORTHWIND_ID, "json", null));

    assertThat(table)
        .contains(
            "Customer:  Tailspin County Government (" + TAILSPIN_ID + ")",
            "RELATIONSHIP",
            "Tailspin County - directory and licences",
            "Directory Readers, License Administrator, Global Reader",
            "expired",
            "security group ",
            "(active): Directory Readers, Global Reader")
        .endsWith("(pcsh does not check that your account is in that group).");
    assertThat(table.lines().reduce((a, b) -> b).orElseThrow()).startsWith("GCC: yes. ");
    assertThat(json.path("verdict").path("gccRole").asBoolean()).isFalse();
    assertThat(json.path("relationships").get(0).path("roles").toString())
        .contains("Helpdesk Administrator", "69091246-20e8-4a56-aa4d-066075b2a7a8");
    assertThat(d.access(CONTOSO_LTD_ID, null, null))
        .contains("No GDAP relationship with this customer.")
        .endsWith("GCC: no. The partner has no GDAP relationship with this customer.");
  }

  @Test
  void customerAccessWithoutAGraphTokenOrWithGraphRefusingIsAnAuthFailureWithGraphsIds()
      throws Exception {
    DiagnosticsCommands d = diagnostics();
    emulator.setFaults(Faults.parse("graph=403"));

    assertThatThrownBy(() -> d.access(NORTHWIND_ID, null, null))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.AUTH);
              assertThat(r.text())
                  .contains(
                      "HTTP 403 Forbidden",
                      "Authorization_RequestDenied",
                      "request-id:",
                      "client-request-id:",
                      "date:",
                      "DelegatedAdminRelationship.Read.All");
            });
    graphToken = () -> GraphToken.unavailable("consent is missing (AADSTS65001)", "ask an admin.");
    assertThatThrownBy(() -> diagnostics().access(NORTHWIND_ID, null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(ErrorReport.of(f).exitCode()).isEqualTo(ExitCode.AUTH);
              assertThat(f.getMessage()).contains("consent is missing");
            });
  }

  @Test
  void qualifyGccWarnsOnStderrAndStillWrites() throws Exception {
    long writes = emulator.writeCount();

    Captured<String> run =
        stderr(() -> qualification().gcc("448812", NORTHWIND_ID, true, false, null, null));

    assertThat(run.err())
        .contains(
            "Warning: GDAP for GovernmentCommunityCloud: No active GDAP relationship",
            "Going on: Partner Center decides");
    assertThat(run.result()).contains("Done: Northwind Traders is now GovernmentCommunityCloud");
    assertThat(emulator.writeCount()).isEqualTo(writes + 1);
    assertThat(graphRequests()).isPositive();
  }

  @Test
  void skippingTheCheckAsksGraphNothing() throws Exception {
    Captured<String> dry =
        stderr(() -> qualification().gcc("448812", LITWARE_ID, false, true, null, null, true));

    assertThat(dry.err()).isEmpty();
    assertThat(graphRequests()).isZero();
    assertThat(dry.result()).contains("Dry run: nothing was sent.");
  }

  @Test
  void aGraphOutageOrA403IsOneLineAndDoesNotBlockTheWrite() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    graphUrl = () -> "http://127.0.0.1:" + port;

    Captured<String> down =
        stderr(() -> qualification().gcc("448812", NORTHWIND_ID, true, false, null, null));

    assertThat(down.err().lines())
        .singleElement()
        .asString()
        .contains("GDAP roles not checked", "no response");
    assertThat(down.result()).contains("Done: Northwind Traders is now GovernmentCommunityCloud");

    graphUrl = () -> emulator.baseUrl().toString();
    emulator.setFaults(Faults.parse("graph=403"));
    Captured<String> refused =
        stderr(() -> qualification().gcc("448812", LITWARE_ID, true, false, null, null));
    assertThat(refused.err().lines()).singleElement().asString().contains("HTTP 403");
    assertThat(refused.result())
        .contains("Done: Litware County Library is now GovernmentCommunityCloud");
  }

  @Test
  void bulkChecksTheGccRowsBeforeWriting() throws Exception {
    Path csv =
        Files.writeString(
            fixture.home.resolve("rows.csv"),
            "customer,kind,code\n"
                + NORTHWIND_ID
                + ",gcc,448812\n"
                + LITWARE_ID
                + ",gcc,448812\n"
                + CONTOSO_LTD_ID
                + ",soe,\n");

    Captured<String> run =
        stderr(() -> bulk().bulk(csv.toString(), null, null, true, false, false));

    assertThat(run.err())
        .contains("customer " + NORTHWIND_ID, "customer " + LITWARE_ID, "Going on")
        .doesNotContain("customer " + CONTOSO_LTD_ID);
    assertThat(run.result()).contains("applied 3, skipped 0, failed 0");
  }
}
