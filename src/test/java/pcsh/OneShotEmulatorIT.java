package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot runs of the built jar against the embedded emulator: exit codes and state that persists.
 */
class OneShotEmulatorIT {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String FABRIKAM = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String LITWARE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  @TempDir Path home;
  Pcsh pcsh;

  @BeforeEach
  void setUp() {
    pcsh = new Pcsh(home, Map.of());
  }

  @Test
  void aQualificationSetInOneRunIsSeenByTheNextUntilReset() throws Exception {
    var set = pcsh.run("qualify", "gcc", "--customer", LITWARE, "--code", "448812", "--yes");
    assertThat(set.exit()).as(set.toString()).isZero();
    assertThat(set.out()).contains("Done: Litware County Library is now GovernmentCommunityCloud");

    var show = pcsh.run("qualification", "show", "--customer", LITWARE, "--output", "json");
    assertThat(show.exit()).as(show.toString()).isZero();
    assertThat(show.out()).contains("\"qualification\" : \"government_community_cloud\"");

    var codes = pcsh.run("validation-codes", "list", "--output", "json");
    assertThat(codes.out())
        .containsPattern(
            "\"validationId\" : \"448812\",\\s+\"maxCreates\" : 10,\\s+\"remainingCreates\" : 6");

    assertThat(pcsh.run("emulator", "reset").exit()).isZero();
    assertThat(pcsh.run("qualification", "show", "--customer", LITWARE).out())
        .contains("Qualification:  None");
  }

  @Test
  void exitCodesFollowTheReadme() throws Exception {
    var list = pcsh.run("customers", "list", "--size", "3");
    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(list.out()).contains("Northwind Traders").contains("more are available");
    assertThat(list.err()).isEmpty();

    var notFound = pcsh.run("customer", "show", "--customer", UNKNOWN);
    assertThat(notFound.exit()).as(notFound.toString()).isEqualTo(3);
    assertThat(notFound.out()).isEmpty();
    assertThat(notFound.err())
        .contains(
            "HTTP 404",
            "Partner Center error 60003",
            "MS-CorrelationId: ",
            "MS-RequestId: ",
            "Time (UTC): ",
            "Next: ");

    var refused = pcsh.run("qualify", "gcc", "--customer", FABRIKAM, "--code", "448812", "--yes");
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(5);
    assertThat(refused.err()).contains("only be set on a customer with no qualification");

    var usage = pcsh.run("qualify", "none");
    assertThat(usage.exit()).as(usage.toString()).isEqualTo(2);

    assertThat(pcsh.run("logout").exit()).isZero();
    var signedOut = pcsh.run("customers", "list");
    assertThat(signedOut.exit()).as(signedOut.toString()).isEqualTo(4);
    assertThat(signedOut.err()).contains("Not signed in", "login");
    assertThat(pcsh.run("login").exit()).isZero();
  }

  @Test
  void theUsersSettingsFileOverridesTheDefaultsAndAnOptionOverridesBoth() throws Exception {
    java.nio.file.Files.writeString(home.resolve("shell.properties"), "pcsh.output=json\n");

    var fromFile = pcsh.run("validation-codes", "list");
    var fromOption = pcsh.run("validation-codes", "list", "--output", "table");

    assertThat(fromFile.out())
        .as(fromFile.toString())
        .startsWith("[")
        .contains("\"validationId\" : \"448812\"");
    assertThat(fromOption.out()).as(fromOption.toString()).startsWith("VALIDATION ID");
  }
}
