package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.shell.Availability;
import org.springframework.shell.AvailabilityProvider;
import org.springframework.shell.context.DefaultShellContext;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;
import pcsh.session.Redactor;
import pcsh.shell.ScriptMode;

/**
 * {@code api --paginate} prints each page as it arrives, so nothing holds the whole list: the first
 * rows are out before the second page is asked for. And in read-only mode a write is refused while
 * a read goes on.
 */
class ApiStreamingTest {

  static final int CUSTOMERS = 5_000; // 10 pages of 500

  private final AtomicInteger requests = new AtomicInteger();
  private Emulator emulator;
  private CommandsFixture fixture;
  private Output output;

  /** The terminal's output, noting how many requests had been made when the first byte arrived. */
  final class Output extends ByteArrayOutputStream {
    volatile int requestsAtFirstWrite = -1;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (len > 0 && requestsAtFirstWrite < 0) requestsAtFirstWrite = requests.get();
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      if (requestsAtFirstWrite < 0) requestsAtFirstWrite = requests.get();
      super.write(b);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(CUSTOMERS));
    output = new Output();
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), output);
    fixture.exchanges.listen(e -> requests.incrementAndGet());
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  private ApiCommands api(AvailabilityProvider writes) {
    return new ApiCommands(
        fixture.apiRequests(),
        fixture.session,
        fixture.ui,
        new DefaultShellContext(),
        new ScriptMode(),
        writes,
        Redactor.shared());
  }

  private String paginate(String output) {
    return api(Availability::available)
        .api(
            new String[] {"/v1/customers"},
            null,
            new String[] {"size=500"},
            null,
            null,
            null,
            false,
            true,
            false,
            null,
            false,
            false,
            output,
            null);
  }

  @Test
  void csvPrintsTheFirstPageBeforeAskingForTheNextAndEveryCustomerOnce() {
    assertThat(paginate("csv")).isNull();

    var lines = output.toString(UTF_8).lines().toList();
    assertThat(output.requestsAtFirstWrite).isEqualTo(1);
    assertThat(requests.get()).isEqualTo(CUSTOMERS / 500);
    assertThat(lines).hasSize(CUSTOMERS + 1);
    assertThat(lines.get(0)).startsWith("id,companyProfile.tenantId,");
    assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
        .hasSize(CUSTOMERS);
  }

  @Test
  void theDefaultIsOneArrayOfEveryPagesItems() throws Exception {
    paginate(null);

    JsonNode array = new ObjectMapper().readTree(output.toString(UTF_8));
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(CUSTOMERS);
    assertThat(output.requestsAtFirstWrite).isEqualTo(1);
  }

  @Test
  void readOnlyRefusesAWriteAndSendsNothingWhileAReadGoesOn() {
    ApiCommands readOnly =
        api(
            () ->
                Availability.unavailable(
                    "pcsh is read-only (--read-only), so nothing can be changed"));

    assertThatThrownBy(
            () ->
                readOnly.api(
                    new String[] {"PATCH", "/v1/servicerequests/1"},
                    null,
                    new String[] {"status=closed"},
                    null,
                    null,
                    null,
                    false,
                    false,
                    false,
                    null,
                    true,
                    false,
                    null,
                    null))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(f.getMessage())
                  .isEqualTo(
                      "The PATCH was not sent: pcsh is read-only (--read-only), so nothing can be"
                          + " changed.");
              assertThat(f.nextStep()).contains("GET requests work in read-only mode");
            });
    assertThat(requests.get()).isZero();
    assertThat(fixture.journal.entries()).isEmpty();

    readOnly.api(
        new String[] {"/v1/customers/all/validations"},
        null,
        null,
        null,
        null,
        null,
        false,
        false,
        false,
        null,
        false,
        false,
        "json",
        null);
    assertThat(requests.get()).isEqualTo(1);
  }
}
