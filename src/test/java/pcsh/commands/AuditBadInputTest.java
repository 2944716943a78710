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
 * Bad dates, durations, types, ids and record ids for the audit commands: each is a usage error
 * (exit 2) naming the option and the accepted form, and nothing reaches the service.
 */
class AuditBadInputTest {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String PARTNER = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private CommandsFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new CommandsFixture(wm::baseUrl);
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        list("--since 91d", "starts more than 90 days ago", "91d", null, null, null, null, null),
        list(
            "--since 2020-01-01",
            "starts more than 90 days ago",
            "2020-01-01",
            null,
            null,
            null,
            null,
            null),
        list(
            "--since tomorrow",
            "is not a number of days or a date",
            "tomorrow",
            null,
            null,
            null,
            null,
            null),
        list("--since 2099-01-01", "is in the future", "2099-01-01", null, null, null, null, null),
        list("--until 2099-01-01", "is in the future", null, "2099-01-01", null, null, null, null),
        list(
            "--until before --since",
            "is before the start",
            "3d",
            "2000-01-01",
            null,
            null,
            null,
            null),
        list(
            "--until 30/11/2026",
            "--until '30/11/2026' is not a date",
            null,
            "30/11/2026",
            null,
            null,
            null,
            null),
        list("--since 0d", "covers no day", "0d", null, null, null, null, null),
        list(
            "--customer not a guid",
            "is not a customer id",
            null,
            null,
            "not-a-guid",
            null,
            null,
            null),
        list(
            "--operation with a space",
            "--operation 'update customer' is not a type",
            null,
            null,
            null,
            "update customer",
            null,
            null),
        list(
            "--operation with a newline",
            "control character",
            null,
            null,
            null,
            "a\nb",
            null,
            null),
        list(
            "--resource-type json",
            "--resource-type '{\"a\":1}' is not a type",
            null,
            null,
            null,
            null,
            "{\"a\":1}",
            null),
        list("--company blank", "--company needs a value", null, null, null, null, null, " "),
        list("--company too long", "at most 256", null, null, null, null, null, "x".repeat(300)),
        list(
            "--company with escape",
            "control character",
            null,
            null,
            null,
            null,
            null,
            "\u001b[2J"),
        show("no id", "audit show needs a record id", null),
        show("a blank id", "audit show needs a record id", "  "),
        show("an id with a space", "is not an audit record id", "a b"),
        show("an id with a newline", "is not an audit record id", "abc\r\nX-Injected: 1"),
        show("a long id", "is not an audit record id", "a".repeat(301)),
        show(
            "an id from the future",
            "is in the future",
            PARTNER + "_" + ID + "_update_customer_qualification_699999999999999999"),
        history("history --since 100d", "starts more than 90 days ago", ID, "100d"),
        history("history --customer bad", "is not a customer id", "bad", null),
        history("history without a customer", "No customer selected", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedWithExit2AndSendsNothing(
      String name, String message, Consumer<AuditCommands> command) {
    assertThatThrownBy(() -> command.accept(fixture.audit()))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains(message);
              assertThat(e.nextStep()).isNotBlank();
              assertThat(ErrorReport.of(e).text())
                  .doesNotContain("\r", "\u001b", "Exception", "java.", "null");
            });
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  private static Arguments list(
      String name,
      String message,
      String since,
      String until,
      String customer,
      String operation,
      String resourceType,
      String company) {
    Consumer<AuditCommands> c =
        a -> a.list(customer, since, until, operation, resourceType, company, false, null, null);
    return Arguments.of("audit list " + name, message, c);
  }

  private static Arguments show(String name, String message, String id) {
    Consumer<AuditCommands> c = a -> a.show(id, null, null);
    return Arguments.of("audit show " + name, message, c);
  }

  private static Arguments history(String name, String message, String customer, String since) {
    Consumer<AuditCommands> c = a -> a.history(customer, since, null, null);
    return Arguments.of("qualification " + name, message, c);
  }
}
