package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.emulator.SeedCustomers.NORTHWIND_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import pcsh.session.SelectedCustomer;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The {@code doctor} command: a checklist (or JSON), exit 0 when no line fails and 1 after printing
 * it when one does, 2 for a bad {@code --customer} with nothing sent.
 */
class DoctorCommandTest extends AccessFixture {

  @Test
  void theChecklistEndsWithItsCountsAndTheSelectedCustomerIsChecked() throws Exception {
    DiagnosticsCommands d = diagnostics();
    fixture.session.update(
        s ->
            s.selecting(
                new SelectedCustomer(
                    NORTHWIND_ID,
                    "Northwind Traders",
                    "northwindtraders.onmicrosoft.com",
                    java.util.Optional.empty())));

    String out = d.doctor(null, null, null);

    assertThat(out)
        .containsPattern("(?m)^OK    base URL +the embedded emulator")
        .containsPattern("(?m)^OK    MFA +amr pwd, mfa$")
        .containsPattern("(?m)^WARN  GDAP for GCC +No active GDAP relationship")
        .containsPattern("(?m)^ +next: a GovernmentCommunityCloud write needs")
        .containsPattern("\\n\\n\\d+ OK, 1 WARN, 0 FAIL$");
  }

  @Test
  void jsonHasOneObjectPerLine() throws Exception {
    JsonNode json = new ObjectMapper().readTree(diagnostics().doctor(null, "json", null));

    assertThat(json.isArray()).isTrue();
    assertThat(json.get(0).path("status").asText()).isEqualTo("OK");
    assertThat(json.get(0).path("check").asText()).isEqualTo("base URL");
    assertThat(json.get(0).has("next")).isTrue();
  }

  @Test
  void aFailingLineIsPrintedAndThenExitsOne() throws Exception {
    DiagnosticsCommands d = diagnostics();
    fixture.session.update(s -> s.signedOut());

    assertThatThrownBy(() -> d.doctor(null, null, null))
        .satisfies(
            e -> {
              ErrorReport r = ErrorReport.of(e);
              assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
              assertThat(r.text()).contains("doctor: 1 check(s) failed: sign-in.");
            });
    assertThat(screen.toString(java.nio.charset.StandardCharsets.UTF_8))
        .containsPattern("(?m)^FAIL  sign-in +not signed in$")
        .contains("0 WARN, 1 FAIL");
  }

  @Test
  void aBadCustomerIdIsAUsageErrorAndNothingIsSent() throws Exception {
    DiagnosticsCommands d = diagnostics();
    long before = emulator.requestCount();

    assertThatThrownBy(() -> d.doctor("not-a-guid", null, null))
        .satisfies(e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> d.doctor(null, "xml", null))
        .satisfies(e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(emulator.requestCount()).isEqualTo(before);
  }
}
