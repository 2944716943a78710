package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access diagnostics as a user meets them, one process per command against the embedded
 * emulator: doctor, a GCC write whose GDAP check warns on stderr, Partner Center's MFA refusal, and
 * a failure in one run that the next run's last-error and support bundle still show.
 */
class AccessIT {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  @TempDir Path home;

  @Test
  void aFailureInOneRunIsShownByTheNextRunsLastErrorAndBundle() throws Exception {
    Pcsh pcsh = new Pcsh(home, Map.of());
    assertThat(pcsh.run("customer", "show", "--customer", UNKNOWN).exit()).isEqualTo(3);

    var last = pcsh.run("last-error", "--verbose");
    var bundle = pcsh.run("support", "bundle", "--to", home.resolve("b.txt").toString());

    assertThat(last.exit()).as(last.toString()).isZero();
    assertThat(last.out())
        .containsPattern("Last failure, in an earlier one-shot run \\(pid \\d+\\) at 20")
        .contains(
            "HTTP 404",
            "Partner Center error 60003",
            "MS-RequestId:",
            "< 404",
            "Authorization: [REDACTED]");
    assertThat(bundle.exit()).as(bundle.toString()).isZero();
    assertThat(bundle.out()).contains("No session transcript in it:", "--latest-session");
    assertThat(Files.readString(home.resolve("b.txt")))
        .contains("(from one-shot run (pid ", "HTTP 404", "< 404", "(no transcript: ");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("last-error.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void doctorChecksTheEmulatorSetUp() throws Exception {
    var table = new Pcsh(home, Map.of()).run("doctor", "--customer", NORTHWIND);

    assertThat(table.exit()).as(table.toString()).isZero();
    assertThat(table.out())
        .containsPattern("(?m)^OK    MFA +amr pwd, mfa$")
        .containsPattern("(?m)^OK    reachability +GET /v1/customers\\?size=1 answered 200")
        .containsPattern("(?m)^WARN  GDAP for GCC +No active GDAP relationship")
        .containsPattern("\\d+ OK, \\d+ WARN, 0 FAIL\n$")
        .doesNotContain("eyJ");
  }

  @Test
  void aGccWriteWarnsOnStderrAndStillGoesThrough() throws Exception {
    var run =
        new Pcsh(home, Map.of())
            .run("qualify", "gcc", "--customer", NORTHWIND, "--code", "448812", "--yes");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains(
            "Warning: GDAP for GovernmentCommunityCloud: No active GDAP relationship", "Going on");
    assertThat(run.out())
        .contains("Done: Northwind Traders is now GovernmentCommunityCloud")
        .doesNotContain("Warning");
  }

  @Test
  void partnerCentersMfaRefusalHasItsOwnMessageAndTheDemoPartnerPassesTheRule() throws Exception {
    var refused =
        new Pcsh(home, Map.of("PCSH_EMULATOR_FAULTS", "seed=1,mfa-required=1"))
            .run("customers", "list", "--size", "1");
    var ruled =
        new Pcsh(home, Map.of("PCSH_EMULATOR_REQUIRE_MFA", "true"))
            .run("customers", "list", "--size", "1");

    assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
    assertThat(refused.err())
        .contains(
            "HTTP 401 Unauthorized",
            "did not use multi-factor authentication",
            "Partner Center error 900421",
            "MS-RequestId:",
            "`doctor`");
    assertThat(ruled.exit()).as(ruled.toString()).isZero();
  }
}
