package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.emulator.SeedCustomers.CONTOSO_LTD_ID;
import static pcsh.emulator.SeedCustomers.FABRIKAM_ID;
import static pcsh.emulator.SeedCustomers.LITWARE_ID;
import static pcsh.emulator.SeedCustomers.NORTHWIND_ID;
import static pcsh.emulator.SeedCustomers.WOODGROVE_ID;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * `qualify bulk` before anything is written: every bad row reported at once, a missing file, column
 * or header refused, --yes needed without a terminal, and the plan of a dry run; none of them sends
 * a write.
 */
// hang guard: each test takes about a second; 60 s only stops a run that hangs
@Timeout(60)
class BulkValidationTest extends BulkQualifyFixture {

  @Test
  void everyBadRowIsReportedAtOnceAndNothingIsSent() throws Exception {
    Path csv =
        file(
            """
        Customer ID,Kind,Code,Segment,Website
        # a comment, then a blank line

        not-a-guid!,soe,,,
        %s,gcc,,,
        %s,nonprofit,,,
        %s,education,448812,,
        %s,platinum,,,
        %s,soe,,,
        %s,education,,K13,
        "%s",soe,,,
        %s,soe,,,
        """
                .formatted(
                    NORTHWIND_ID,
                    CONTOSO_LTD_ID,
                    LITWARE_ID,
                    FABRIKAM_ID,
                    WOODGROVE_ID,
                    SeedCustomers.CONTOSO_HEALTH_ID,
                    WOODGROVE_ID.toUpperCase(java.util.Locale.ROOT),
                    SeedCustomers.ADATUM_ID));

    assertThatThrownBy(() -> bulk(Map.of()).bulk(csv.toString(), null, null, true, false, false))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage())
                  .contains("7 of 9 rows")
                  .contains("line 4: 'not-a-guid!' is neither a customer id")
                  .contains("line 5: gcc needs a code")
                  .contains("line 6: a customer's qualification cannot be set to nonprofit")
                  .contains("line 7: a code is only for gcc")
                  .contains("line 8: unknown kind 'platinum'")
                  .contains("line 10: segment 'K13' is not an education segment")
                  .contains("line 11: the customer " + WOODGROVE_ID + " is also on line 9")
                  .doesNotContain("line 9:")
                  .doesNotContain("line 12:");
              assertThat(e.nextStep()).contains("correct those lines");
            });
    assertThat(emulator.requestCount()).isZero();
  }

  @Test
  void aMissingFileAColumnOrRowsAreUsageErrors() throws Exception {
    BulkQualifyCommands bulk = bulk(Map.of());
    assertThatThrownBy(
            () -> bulk.bulk(dir.resolve("none.csv").toString(), null, null, true, false, false))
        .hasMessageContaining("does not exist");
    Path noKind = file("customer,segmnet\n" + NORTHWIND_ID + ",K12\n");
    assertThatThrownBy(() -> bulk.bulk(noKind.toString(), null, null, true, false, false))
        .hasMessageContaining("unknown column 'segmnet'");
    Path empty = file("# nothing\n\n");
    assertThatThrownBy(() -> bulk.bulk(empty.toString(), null, null, true, false, false))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("no header row");
    assertThat(emulator.requestCount()).isZero();
  }

  @Test
  void withoutATerminalItNeedsYes() throws Exception {
    Path csv = file("customer,kind\n" + NORTHWIND_ID + ",soe\n");

    assertThatThrownBy(() -> bulk(Map.of()).bulk(csv.toString(), null, null, false, false, false))
        .isInstanceOfSatisfying(
            Failure.class, e -> assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("without confirmation");
    assertThat(emulator.requestCount()).isZero();
  }

  @Test
  void aDryRunShowsThePlanAndWritesNothing() throws Exception {
    Path csv =
        file(
            "customer,kind,code\n"
                + NORTHWIND_ID
                + ",gcc,448812\n"
                + FABRIKAM_ID
                + ",education,\n");

    String out = bulk(Map.of()).bulk(csv.toString(), null, null, false, true, false);

    assertThat(out)
        .contains("1 to qualify: 1 as GovernmentCommunityCloud")
        .contains("1 already qualified (skipped)")
        .contains(
            "line 2: PUT /v1/customers/" + NORTHWIND_ID + "/qualification?code=448812  body 3")
        .contains("Dry run: nothing was written.");
    assertThat(emulator.writeCount()).isZero();
    assertThat(dir.resolve("input.results.csv")).doesNotExist();
  }
}
