package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.Exchange;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * `audit list`, `audit show`, `qualification history` and the last-change line of `qualification
 * show`, against the emulator's seeded history and writes made through pcsh; what was sent is read
 * from the client's exchange log.
 */
class AuditCommandsTest {

  static final String TAILSPIN = SeedCustomers.TAILSPIN_ID;
  static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final ObjectMapper JSON = new ObjectMapper();

  private Emulator emulator;
  private ByteArrayOutputStream output;
  private CommandsFixture fixture;
  private AuditCommands audit;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    output = new ByteArrayOutputStream();
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), output);
    audit = fixture.audit();
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  @Test
  void ninetyDaysAreReadAsThreeWindowsAndTheOperationIsFilteredLocally() {
    assertThat(list(null, "90d", "UPDATE_customer_qualification", null, null, null)).isNull();

    List<String> lines = output.toString(UTF_8).lines().toList();
    assertThat(lines.get(0))
        .startsWith("TIME (UTC)")
        .contains("CUSTOMER", "OPERATION", "STATUS", "USER", "CHANGE");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2))
        .contains(
            "Tailspin County Government",
            "update_customer_qualification",
            "succeeded",
            "admin@contosodemopartner.onmicrosoft.com",
            "Qualification: None → GovernmentCommunityCloud");
    assertThat(lines.get(1)).contains("Contoso Health", "failed", "None → Education");
    assertThat(lines.get(3))
        .contains("Woodgrove State Energy", "7a4c2d9e-3f1b-4c8a-9e6d-1b2c3d4e5f60");
    assertThat(sent())
        .containsExactly(
            window(TODAY.minusDays(29), TODAY, null),
            window(TODAY.minusDays(59), TODAY.minusDays(30), null),
            window(TODAY.minusDays(89), TODAY.minusDays(60), null));
  }

  @Test
  void jsonIsTheRecordsAsSentWithTheirValuesParsed() throws Exception {
    list(TAILSPIN, "60d", null, null, null, "json");

    JsonNode records = JSON.readTree(output.toString(UTF_8));
    assertThat(records.isArray()).isTrue();
    assertThat(records)
        .allSatisfy(r -> assertThat(r.path("customerId").asText()).isEqualTo(TAILSPIN));
    JsonNode gcc =
        java.util.stream.StreamSupport.stream(records.spliterator(), false)
            .filter(r -> r.path("operationType").asText().equals("update_customer_qualification"))
            .findFirst()
            .orElseThrow();
    assertThat(gcc.path("resourceNewValue").isTextual()).isTrue();
    assertThat(gcc.path("resourceNewValueParsed").path("Qualification").asText())
        .isEqualTo("GovernmentCommunityCloud");
    assertThat(gcc.path("resourceOldValueParsed").path("Qualification").asText()).isEqualTo("None");
    assertThat(sent()).allMatch(s -> s.contains("\"Field\":\"CustomerId\""));
  }

  @Test
  void csvStartsWithTheDocumentedColumnsWhateverTheFirstRecordLacks() {
    list(null, "60d", null, "customer", null, "csv");

    List<String> lines = output.toString(UTF_8).lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "id,operationDate,customerId,customerName,operationType,resourceType,operationStatus,"
                + "userPrincipalName,applicationId,originalCorrelationId,resourceOldValue,resourceNewValue,"
                + "customizedData,partnerId,attributes")
        .endsWith("resourceOldValueParsed,resourceNewValueParsed");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",customer,"));
    assertThat(lines).anyMatch(l -> l.contains("add_customer,customer,failed"));
  }

  @Test
  void onlyTheFirstOfCustomerCompanyAndResourceTypeIsSentTheOthersApplyLocally() {
    list(TAILSPIN, "60d", null, "granular_admin_relationship", "COUNTY gov", null);

    List<String> lines = output.toString(UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("approve_granular_admin_relationship");
    assertThat(sent()).allMatch(s -> s.contains("CustomerId") && !s.contains("CompanyName"));

    output.reset();
    list(null, "60d", null, "customer_user", "contoso", null);
    assertThat(output.toString(UTF_8).lines().skip(1))
        .isNotEmpty()
        .allMatch(l -> l.contains("Contoso") && l.contains("_user"));
    assertThat(sent().get(sent().size() - 1))
        .contains("\"Field\":\"CompanyName\"", "\"Operator\":\"substring\"");
  }

  @Test
  void aRangeWithNothingSaysSo() {
    list(null, "1d", "no_such_operation", null, null, null);

    assertThat(output.toString(UTF_8).strip())
        .isEqualTo("No audit records match in " + TODAY + ".");
  }

  @Test
  void auditShowFindsARecordWithOneNarrowRequest() throws Exception {
    list(TAILSPIN, "60d", "update_customer_qualification", null, null, "json");
    String id = JSON.readTree(output.toString(UTF_8)).get(0).path("id").asText();
    int before = fixture.exchanges.recent().size();

    String shown = audit.show(id, null, null);

    assertThat(shown)
        .contains("Audit record:   " + id)
        .contains("Operation:      update_customer_qualification")
        .contains("Customer:       Tailspin County Government (" + TAILSPIN + ")")
        .contains("Application:    Partner Center Native App")
        .contains("Correlation id: ")
        .contains("Change:         Qualification: None → GovernmentCommunityCloud")
        .contains("New value:\n  {\n    \"Qualification\" : \"GovernmentCommunityCloud\"");
    List<String> searched = sent().subList(before, sent().size());
    LocalDate day = TODAY.minusDays(41);
    assertThat(searched).containsExactly(window(day.minusDays(1), day.plusDays(1), TAILSPIN));
    assertThat(
            JSON.readTree(audit.show(id, "json", null))
                .path("resourceNewValueParsed")
                .path("Qualification")
                .asText())
        .isEqualTo("GovernmentCommunityCloud");
  }

  @Test
  void auditShowOfAnIdNoRecordHasIsNotFound() {
    assertThatThrownBy(() -> audit.show("no-such-record", null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.NOT_FOUND);
              assertThat(e.getMessage()).contains("No audit record no-such-record");
            });
    assertThat(sent()).hasSize(3); // an id of another shape is looked for in all 90 days
  }

  @Test
  void historyMergesPcshsWritesWithTheLogAndEndsWithTheQualificationNow() {
    fixture.qualification().gcc("448812", NORTHWIND, true, false, null, null);
    fixture.qualification().soe(NORTHWIND, true, false, null, null);

    String out = audit.history(NORTHWIND, null, null, null);

    assertThat(out)
        .contains("Range:     " + TODAY.minusDays(89) + " to " + TODAY + " (UTC)")
        .contains("None → GovernmentCommunityCloud")
        .contains("GovernmentCommunityCloud → StateOwnedEntity")
        .contains("this pcsh (admin@contosodemopartner.onmicrosoft.com)")
        .contains("MS-RequestId ")
        .endsWith("Now:       GovernmentCommunityCloud + StateOwnedEntity");
    assertThat(out.lines().filter(l -> l.contains("this pcsh"))).hasSize(2);
  }

  @Test
  void historyShowsChangesMadeElsewhere() {
    String out = audit.history(TAILSPIN, "60d", null, null);

    assertThat(out)
        .contains("None → GovernmentCommunityCloud")
        .contains(
            "elsewhere: admin@contosodemopartner.onmicrosoft.com via Partner Center Native App")
        .endsWith("Now:       GovernmentCommunityCloud");
  }

  @Test
  void qualificationShowGainsTheLastChangeUnlessToldNot() {
    QualificationCommands q = fixture.qualification();
    q.gcc("448812", NORTHWIND, true, false, null, null);
    int before = fixture.exchanges.recent().size();

    String shown = q.show(NORTHWIND, false, null, null);
    String quiet = q.show(NORTHWIND, true, null, null);

    assertThat(shown)
        .containsPattern(
            "Last change:    None → GovernmentCommunityCloud, [0-9-]{10} [0-9:]{8} UTC, by"
                + " admin@contosodemopartner.onmicrosoft.com via pcsh");
    assertThat(quiet).doesNotContain("Last change");
    List<String> auditRequests =
        fixture.exchanges.recent().subList(before, fixture.exchanges.recent().size()).stream()
            .map(Exchange::path)
            .filter(p -> p.startsWith("/v1/auditrecords"))
            .toList();
    assertThat(auditRequests).hasSize(1);
    assertThat(URLDecoder.decode(auditRequests.get(0), UTF_8))
        .isEqualTo(window(TODAY.minusDays(29), TODAY, NORTHWIND));
  }

  private String list(
      String customer,
      String since,
      String operation,
      String resourceType,
      String company,
      String output) {
    return audit.list(customer, since, null, operation, resourceType, company, false, output, null);
  }

  /** The audit requests sent, decoded. */
  private List<String> sent() {
    return fixture.exchanges.recent().stream()
        .map(Exchange::path)
        .filter(p -> p.startsWith("/v1/auditrecords"))
        .map(p -> URLDecoder.decode(p, UTF_8))
        .toList();
  }

  private static String window(LocalDate start, LocalDate end, String customer) {
    return "/v1/auditrecords?startDate="
        + start
        + "&endDate="
        + end
        + "&size=500"
        + (customer == null
            ? ""
            : "&filter={\"Field\":\"CustomerId\",\"Value\":\""
                + customer
                + "\",\"Operator\":\"equals\"}");
  }
}
