package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The qualify commands' local rules and dry run, against an in-memory emulator that counts its
 * requests.
 */
class QualifyAgainstEmulatorTest {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String FABRIKAM = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String TAILSPIN = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";

  private Emulator emulator;
  private CommandsFixture fixture;
  private QualificationCommands commands;
  private ValidationCodeCommands codes;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString());
    commands = fixture.qualification();
    codes = fixture.codes();
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  @Test
  void aCustomerThatAlreadyHasTheQualificationIsLeftAloneWithExit0() {
    String out = commands.gcc("448812", TAILSPIN, true, false, null, null);

    assertThat(out).contains("already has GovernmentCommunityCloud", "nothing was sent");
    assertThat(codes.list("json", "[?validationId=='448812'].remainingCreates | [0]"))
        .isEqualTo("7");
  }

  @Test
  void anExhaustedCodeIsRefusedBeforeAnyWrite() {
    assertThatThrownBy(() -> commands.gcc("731200", NORTHWIND, true, false, null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.REFUSED);
              assertThat(e.getMessage()).contains("no creates remaining");
            });
    assertThat(commands.show(NORTHWIND, false, null, null)).contains("Qualification:  None");
  }

  @Test
  void educationOnAGccCustomerIsRefusedLocally() {
    assertThatThrownBy(() -> commands.education(null, null, TAILSPIN, true, false, null, null))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.REFUSED);
              assertThat(e.getMessage()).contains("cannot be combined");
            });
  }

  @Test
  void dryRunShowsTheRequestAndSendsNoWrite() {
    long before = emulator.requestCount();

    String out = commands.education(null, null, NORTHWIND, false, true, null, null);

    assertThat(out)
        .contains(
            "PUT /v1/customers/" + NORTHWIND + "/qualification",
            "Body:       1",
            "nothing was sent");
    // the reads that show the customer and its state: customer, legacy and V2 qualification
    assertThat(emulator.requestCount() - before).isEqualTo(3);
    assertThat(commands.show(NORTHWIND, false, null, null)).contains("Qualification:  None");
  }

  @Test
  void stateOwnedEntityCombinesWithEducation() {
    String out = commands.soe(FABRIKAM, true, false, null, null);

    assertThat(out).contains("Done: Fabrikam School District is now StateOwnedEntity");
    assertThat(commands.show(FABRIKAM, false, "json", "qualifications[].qualification"))
        .contains("Education", "StateOwnedEntity");
  }
}
