package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;

/**
 * Every output format of the data commands, against the emulator's seed, compared with golden files
 * named {@code OutputFormatsTest-<method>.txt}. Run with {@code -Dgolden.update=true} to rewrite
 * them after a deliberate change, then read the diff.
 */
class OutputFormatsTest {

  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  static final String FABRIKAM = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  private Emulator emulator;
  private CommandsFixture fixture;
  private ValidationCodeCommands codes;
  private CustomerCommands customers;
  private QualificationCommands qualification;
  private String method;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    method = info.getTestMethod().orElseThrow().getName();
    emulator = Emulator.start(EmulatorConfig.inMemory());
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString());
    codes = fixture.codes();
    customers = fixture.customers();
    qualification = fixture.qualification();
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  @Test
  void validationCodesAsTable() throws Exception {
    matchesGolden(codes.list(null, null));
  }

  @Test
  void validationCodesAsJson() throws Exception {
    matchesGolden(codes.list("json", null));
  }

  @Test
  void validationCodesAsYaml() throws Exception {
    matchesGolden(codes.list("yaml", null));
  }

  @Test
  void validationCodesAsCsv() throws Exception {
    matchesGolden(codes.list("csv", null));
  }

  @Test
  void customersAsCsvFlattenNestedFields() throws Exception {
    matchesGolden(customers.list("3", false, null, null, "csv", null));
  }

  @Test
  void queryPicksFieldsInAnyFormat() throws Exception {
    matchesGolden(
        customers.list("4", false, null, null, "json", "[].companyProfile.domain")
            + "\n---\n"
            + codes.list(
                "csv", "[?remainingCreates > `0`].{code: validationId, left: remainingCreates}")
            + "\n---\n"
            + codes.list(null, "[].validationId"));
  }

  @Test
  void qualificationShowAsYaml() throws Exception {
    matchesGolden(
        qualification.show(
            FABRIKAM,
            false,
            "yaml",
            "{qualification: qualification, v2: qualifications[].qualification}"));
  }

  @Test
  void customerShowAsTable() throws Exception {
    matchesGolden(customers.show(FABRIKAM, null, null));
  }

  private void matchesGolden(String actual) throws Exception {
    Path file = GOLDEN.resolve("OutputFormatsTest-" + method + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file (create it with -Dgolden.update=true)").exists();
    assertThat(actual + "\n").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
