package pcsh.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pcsh.access.CustomerAccess.RelationshipView;
import pcsh.api.ExchangeLog;
import pcsh.auth.GraphToken;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.Faults;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.graph.GraphClient;
import pcsh.graph.GraphException;
import pcsh.session.Redactor;

/**
 * The GDAP check against the emulator's Graph, one seeded case per named customer: the verdict
 * {@code customer access} ends with, and the lines shown before a GCC write, including every way
 * Graph can be unreadable (no token, 403, an outage), which is one line and never a failure.
 */
class AccessCheckTest {

  static Emulator emulator;
  final ExchangeLog exchanges = new ExchangeLog();

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void noFaults() {
    emulator.setFaults(Faults.NONE);
  }

  GraphClient graph(Supplier<String> baseUrl, int pageSize) {
    return new GraphClient(
        baseUrl,
        () -> Optional.of("graph-token-1"),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        exchanges,
        Redactor.shared(),
        pageSize);
  }

  AccessCheck check(Supplier<String> baseUrl, int pageSize) {
    return new AccessCheck(
        graph(baseUrl, pageSize), () -> GraphToken.of("graph-token-1", "the test"));
  }

  AccessCheck check() {
    return check(() -> emulator.baseUrl().toString(), GraphClient.MAX_PAGE);
  }

  @Test
  void tailspinHasAnActiveRelationshipWithDirectoryReadersGivenToAGroup() {
    CustomerAccess a = check().read(SeedCustomers.TAILSPIN_ID);

    assertThat(a.customerName()).isEqualTo("Tailspin County Government");
    assertThat(a.relationships())
        .extracting(RelationshipView::status)
        .containsExactly("active", "expired");
    RelationshipView active = a.relationships().get(0);
    assertThat(active.roles())
        .containsExactly("Directory Readers", "License Administrator", "Global Reader");
    assertThat(active.autoExtend()).isEqualTo("P180D");
    assertThat(active.assignments())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.roles()).contains("Directory Readers");
              assertThat(x.status()).isEqualTo("active");
            });
    assertThat(a.relationships().get(1).assignments()).as("not read for an expired one").isNull();
    assertThat(a.verdict().ok()).isTrue();
    assertThat(a.verdict().text()).contains("Directory Readers", "security group");
    assertThat(check().beforeGcc(SeedCustomers.TAILSPIN_ID)).isEmpty();
  }

  @Test
  void eachOtherSeededCaseEndsInItsOwnVerdict() {
    assertThat(check().read(SeedCustomers.NORTHWIND_ID).verdict())
        .satisfies(
            v -> {
              assertThat(v.gccRole()).isFalse();
              assertThat(v.text())
                  .contains("No active GDAP relationship", "includes Directory Readers");
            });
    assertThat(check().read(SeedCustomers.NORTHWIND_ID).relationships().get(0).roles())
        .as("a role pcsh has no name for is shown by its id")
        .contains("Helpdesk Administrator", "69091246-20e8-4a56-aa4d-066075b2a7a8");
    assertThat(check().read(SeedCustomers.LITWARE_ID).verdict().text())
        .contains("No GDAP relationship with this customer is active (expired)");
    assertThat(check().read(SeedCustomers.CONTOSO_LTD_ID).verdict().text())
        .isEqualTo("The partner has no GDAP relationship with this customer.");
    assertThat(check().read(SeedCustomers.CONTOSO_HEALTH_ID).verdict().text())
        .contains("approvalPending");
    CustomerAccess.Verdict fabrikam = check().read(SeedCustomers.FABRIKAM_ID).verdict();
    assertThat(fabrikam.gccRole()).isTrue();
    assertThat(fabrikam.assigned()).isFalse();
    assertThat(fabrikam.text()).contains("License Administrator", "no active access assignment");
  }

  @Test
  void beforeAGccWriteAMissingRoleIsAWarningWithWhereToGrantIt() {
    List<String> lines = check().beforeGcc(SeedCustomers.NORTHWIND_ID);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("Warning: GDAP for GovernmentCommunityCloud: No active");
    assertThat(lines.get(1)).contains("Admin relationships", "security group");
    assertThat(lines.get(2)).contains("Going on", "--skip-access-check");
  }

  @Test
  void bulkRowsWarnPerCustomerAndExplainOnce() {
    List<String> lines =
        check()
            .beforeGcc(
                List.of(
                    SeedCustomers.TAILSPIN_ID,
                    SeedCustomers.LITWARE_ID,
                    SeedCustomers.CONTOSO_LTD_ID));

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("customer " + SeedCustomers.LITWARE_ID, "expired");
    assertThat(lines.get(1)).contains("customer " + SeedCustomers.CONTOSO_LTD_ID);
  }

  @Test
  void pagingReadsEveryRelationshipAndEveryAssignment() {
    CustomerAccess a =
        check(() -> emulator.baseUrl().toString(), 1).read(SeedCustomers.TAILSPIN_ID);

    assertThat(a.relationships()).hasSize(2);
    assertThat(exchanges.recent())
        .filteredOn(e -> e.url().contains("$skiptoken=") || e.url().contains("%24skiptoken="))
        .isNotEmpty();
  }

  @Test
  void whenGraphCannotBeReadTheCheckIsOneLineAndNeverAFailure() throws Exception {
    AccessCheck noToken =
        new AccessCheck(
            graph(() -> emulator.baseUrl().toString(), GraphClient.MAX_PAGE),
            () -> GraphToken.unavailable("consent is missing (AADSTS65001)", "ask an admin"));
    assertThat(noToken.beforeGcc(SeedCustomers.NORTHWIND_ID))
        .singleElement()
        .asString()
        .contains("GDAP roles not checked", "consent is missing (AADSTS65001)", "going on");
    assertThatThrownBy(() -> noToken.read(SeedCustomers.NORTHWIND_ID))
        .isInstanceOfSatisfying(
            Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.AUTH));

    emulator.setFaults(Faults.parse("graph=403"));
    assertThat(check().beforeGcc(List.of(SeedCustomers.NORTHWIND_ID, SeedCustomers.LITWARE_ID)))
        .singleElement()
        .asString()
        .contains("HTTP 403", "Authorization_RequestDenied", "request-id ");
    assertThatThrownBy(() -> check().read(SeedCustomers.NORTHWIND_ID))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(403));

    emulator.setFaults(Faults.NONE);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(
            check(() -> "http://127.0.0.1:" + port, GraphClient.MAX_PAGE)
                .beforeGcc(SeedCustomers.NORTHWIND_ID))
        .singleElement()
        .asString()
        .contains("no response from Microsoft Graph");
  }
}
