package pcsh.commands;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * Every bad input is a usage error (exit 2) with a next step, and no request leaves the client: the
 * commands talk to a WireMock that has no stubs and must see nothing at all. (BadInputIT runs a few
 * of these, and the parser-level ones, through the real jar to check the exit code end to end.)
 */
class BadInputTest {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private CommandsFixture fixture;
  private CustomerCommands customers;
  private QualificationCommands qualification;

  record Commands(CustomerCommands customers, QualificationCommands qualification) {}

  @BeforeEach
  void setUp() throws Exception {
    fixture = new CommandsFixture(wm::baseUrl);
    customers = fixture.customers();
    qualification = fixture.qualification();
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad(
            "malformed customer id",
            "is not a customer id",
            c -> c.customers().show("not-a-guid", null, null)),
        bad(
            "near-miss customer id (one digit short)",
            "is not a customer id",
            c -> c.qualification().show("3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e1", false, null, null)),
        bad(
            "customer id without dashes",
            "is not a customer id",
            c ->
                c.qualification().soe("3f1c2a7e5b0d4e8a9c612d7f0a9b4e11", true, false, null, null)),
        bad(
            "customer id with a newline",
            "--customer contains a control character",
            c -> c.customers().show(ID + "\nX-Injected: 1", null, null)),
        bad(
            "gcc without --code",
            "qualify gcc needs --code",
            c -> c.qualification().gcc(null, ID, true, false, null, null)),
        bad(
            "gcc with an empty code",
            "qualify gcc needs --code",
            c -> c.qualification().gcc(" ", ID, true, false, null, null)),
        bad(
            "gcc code with a space",
            "is not a validation code",
            c -> c.qualification().gcc("44 8812", ID, true, false, null, null)),
        bad(
            "gcc code with URL metacharacters",
            "is not a validation code",
            c -> c.qualification().gcc("448812&code=1", ID, true, false, null, null)),
        bad(
            "no customer selected, no --customer",
            "No customer selected",
            c -> c.qualification().show(null, false, null, null)),
        bad(
            "write with no customer selected",
            "No customer selected",
            c -> c.qualification().education(null, null, null, true, false, null, null)),
        bad(
            "--size 0",
            "out of range",
            c -> c.customers().list("0", false, null, null, null, null)),
        bad(
            "--size 501",
            "out of range",
            c -> c.customers().list("501", false, null, null, null, null)),
        bad(
            "--size negative",
            "is not a whole number",
            c -> c.customers().list("-3", false, null, null, null, null)),
        bad(
            "--name with --domain",
            "cannot be combined",
            c -> c.customers().list(null, false, "a", "b", null, null)),
        bad(
            "--name with a control character",
            "control character",
            c -> c.customers().list(null, false, "con\u0007toso", null, null, null)),
        bad(
            "unknown output format",
            "--output 'xml' is not one of table, json, yaml, csv",
            c -> c.customers().list(null, false, null, null, "xml", null)),
        bad(
            "unknown education segment",
            "is not an education segment",
            c -> c.qualification().education("K13", null, ID, true, false, null, null)),
        bad(
            "--website without --segment",
            "--website needs --segment",
            c ->
                c.qualification().education(null, "fabrikam.example", ID, true, false, null, null)),
        bad(
            "--website that is not an address",
            "is not a website address",
            c -> c.qualification().education("K12", "not a site", ID, true, false, null, null)),
        bad(
            "write without --yes and without a terminal",
            "without confirmation",
            c -> c.qualification().soe(ID, false, false, null, null)),
        bad(
            "--query that is not JMESPath",
            "is not a JMESPath expression",
            c -> c.customers().list(null, false, null, null, "json", "[?name==")),
        bad(
            "use customer with nothing to pick from and no terminal",
            "use customer needs an id",
            c -> c.customers().use(new String[] {" "})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedWithExit2AndSendsNothing(String name, String message, Consumer<Commands> command) {
    assertThatThrownBy(() -> command.accept(new Commands(customers, qualification)))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains(message);
              assertThat(e.nextStep()).isNotBlank();
            });
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  private static Arguments bad(String name, String message, Consumer<Commands> command) {
    return Arguments.of(name, message, command);
  }
}
