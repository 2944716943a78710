package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.session.Redactor;

/**
 * The audit contract against the embedded emulator, a fresh in-memory one per test; what was sent
 * is read from the client's exchange log.
 */
class AuditClientEmulatorTest extends AuditClientContract {

  private Emulator emulator;
  private AuditClient client;
  private final ExchangeLog exchanges = new ExchangeLog();

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    client =
        new AuditClient(
            new PartnerCenterClient(
                () -> emulator.baseUrl().toString(),
                () -> Optional.of("test-token"),
                () -> PartnerCenterClientContract.CORRELATION,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                () -> false,
                exchanges,
                RetryPolicy.none(),
                Redactor.shared()));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Override
  AuditClient client() {
    return client;
  }

  @Override
  void assertSent(String pathAndQuery, String continuationToken) {
    List<Exchange> recent = exchanges.recent();
    Exchange last = recent.get(recent.size() - 1);
    assertThat(last.method()).isEqualTo("GET");
    assertThat(URLDecoder.decode(last.path(), StandardCharsets.UTF_8))
        .isEqualTo(URLDecoder.decode(pathAndQuery, StandardCharsets.UTF_8));
    // the log redacts the token itself; that one was sent is what it can show
    assertThat(
            last.requestHeaders().keySet().stream()
                .anyMatch("MS-ContinuationToken"::equalsIgnoreCase))
        .isEqualTo(continuationToken != null);
  }
}
