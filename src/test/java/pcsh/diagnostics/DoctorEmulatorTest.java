package pcsh.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcsh.diagnostics.Check.Status;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;

/**
 * {@code doctor} against the embedded emulator: every line in order, the demo partner's token
 * claims read locally, a customer's GDAP lines, and the lines that warn or fail on this machine's
 * own state (file permissions, unsettled writes, signed out).
 */
class DoctorEmulatorTest extends DoctorFixture {

  static Emulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  Doctor doctor() throws Exception {
    return doctor("embedded", () -> emulator.baseUrl().toString());
  }

  @Test
  void aHealthySetUpIsAllOkInTheOrderSupportAsks() throws Exception {
    List<Check> checks = doctor().run(Optional.of(SeedCustomers.TAILSPIN_ID));

    assertThat(checks)
        .extracting(Check::name)
        .containsExactly(
            "base URL",
            "environment",
            "Graph (GDAP)",
            "PCSH_HOME",
            "history",
            "private files",
            "reachability",
            "clock",
            "sign-in",
            "token",
            "audience",
            "App+User",
            "MFA",
            "Graph token",
            "rate limit",
            "write journal",
            "customer",
            "qualification",
            "account status",
            "GDAP for GCC");
    assertThat(checks)
        .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.OK));
    assertThat(line(checks, "base URL").found())
        .contains("the embedded emulator (pcsh.base-url=embedded, from");
    assertThat(line(checks, "reachability").found()).contains("answered 200", "ms", "MS-RequestId");
    assertThat(line(checks, "MFA").found()).isEqualTo("amr pwd, mfa");
    assertThat(line(checks, "customer").found()).contains("Tailspin County Government");
    assertThat(line(checks, "qualification").found()).contains("GovernmentCommunityCloud");
    assertThat(line(checks, "account status").found())
        .isEqualTo(
            "No account status (Partner Center has none for this customer); transactions are not"
                + " blocked.");
    assertThat(line(checks, "GDAP for GCC").found()).contains("Directory Readers");
    assertThat(checks.toString()).doesNotContain("eyJ");
  }

  @Test
  void anAccountUnderReviewWarnsThatTransactionsAreBlocked() throws Exception {
    Check litware = line(doctor().run(Optional.of(SeedCustomers.LITWARE_ID)), "account status");

    assertThat(litware.status()).isEqualTo(Status.WARN);
    assertThat(litware.found())
        .startsWith("UnderReview, last updated ")
        .endsWith("the customer's transactions are blocked.");
    assertThat(litware.next()).contains("cannot buy until the status is Allowed");
  }

  @Test
  void aCustomerWithoutAGccRoleWarnsAndAnUnknownOneFails() throws Exception {
    Doctor d = doctor();

    Check northwind = line(d.run(Optional.of(SeedCustomers.NORTHWIND_ID)), "GDAP for GCC");
    List<Check> unknown = d.run(Optional.of("00000000-0000-4000-8000-000000000000"));

    assertThat(northwind.status()).isEqualTo(Status.WARN);
    assertThat(northwind.next()).contains("customer access");
    assertThat(line(unknown, "customer").status()).isEqualTo(Status.FAIL);
    assertThat(line(unknown, "customer").found()).contains("404", "60003");
    assertThat(maybe(unknown, "GDAP for GCC")).isEmpty();
  }

  @Test
  void openPermissionsAndUnsettledWritesWarnAndAnOpenTokenCacheFails() throws Exception {
    Doctor d = doctor();
    journal.intent(
        "11111111-2222-4333-8444-555555555555",
        SeedCustomers.NORTHWIND_ID,
        "Education (legacy PUT)",
        "None");
    Files.setPosixFilePermissions(journal.file(), PosixFilePermissions.fromString("rw-r--r--"));
    Path cache = Files.createDirectories(home.resolve("auth")).resolve("msal-token-cache.json");
    Files.writeString(cache, "{}");
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createDirectories(home.resolve("history"));
    Files.setPosixFilePermissions(
        home.resolve("history"), PosixFilePermissions.fromString("rwxr-xr-x"));

    List<Check> checks = d.run(Optional.empty());

    assertThat(line(checks, "write journal").status()).isEqualTo(Status.WARN);
    assertThat(line(checks, "write journal").found())
        .contains("11111111-2222-4333-8444-555555555555");
    assertThat(line(checks, "history").status()).isEqualTo(Status.WARN);
    assertThat(line(checks, "history").found()).contains("0755");
    assertThat(line(checks, "private files").status()).isEqualTo(Status.FAIL);
    assertThat(line(checks, "private files").found()).contains("token cache", "journal.jsonl");
    assertThat(line(checks, "private files").next()).startsWith("run `chmod 600 ");
  }

  @Test
  void signedOutTheSignInFailsAndNothingIsSent() throws Exception {
    doctor();
    auth.logout();
    Doctor d = doctor(); // a new pcsh process after the logout of an earlier one
    long before = emulator.requestCount();

    List<Check> checks = d.run(Optional.empty());

    assertThat(line(checks, "reachability").status()).isEqualTo(Status.WARN);
    assertThat(line(checks, "sign-in").status()).isEqualTo(Status.FAIL);
    assertThat(line(checks, "sign-in").next()).isEqualTo("run `login`.");
    assertThat(emulator.requestCount()).isEqualTo(before);
  }
}
