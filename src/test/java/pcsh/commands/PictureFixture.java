package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pcsh.api.Exchange;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.failure.Failure;

/**
 * What the tests of the customer's picture commands start from: the embedded emulator's seeded
 * customers, the command beans of a {@link CommandsFixture} pointed at it (streamed output kept),
 * and what was sent, from the client's exchange log.
 */
abstract class PictureFixture {

  static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  static final String FABRIKAM = SeedCustomers.FABRIKAM_ID;
  static final String CONTOSO_LTD = SeedCustomers.CONTOSO_LTD_ID;
  static final String CONTOSO_HEALTH = SeedCustomers.CONTOSO_HEALTH_ID;
  static final ObjectMapper JSON = new ObjectMapper();

  Emulator emulator;
  final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
  CommandsFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), streamed);
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
    emulator.close();
  }

  CommandsFixture appOnlyFixture() throws Exception {
    // an unsigned JWT of a client-credentials token: application roles, no delegated scope
    String payload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"roles\":[\"Partner.Read.All\"],\"tid\":\"t\",\"appid\":\"a\"}".getBytes(UTF_8));
    return new CommandsFixture(
        () -> emulator.baseUrl().toString(), "eyJhbGciOiJub25lIn0." + payload + ".");
  }

  void assertUsage(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(f.getMessage()).contains(message);
            });
  }

  List<String> paths() {
    return fixture.exchanges.recent().stream().map(Exchange::path).toList();
  }

  static JsonNode find(JsonNode all, java.util.function.Predicate<JsonNode> p) {
    return StreamSupport.stream(all.spliterator(), false).filter(p).findFirst().orElseThrow();
  }
}
