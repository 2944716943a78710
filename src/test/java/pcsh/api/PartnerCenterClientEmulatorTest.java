package pcsh.api;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;

/** The contract against the embedded emulator, a fresh in-memory one per test. */
class PartnerCenterClientEmulatorTest extends PartnerCenterClientContract {

  private Emulator emulator;
  private PartnerCenterClient client;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("test-token"),
            () -> CORRELATION,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Override
  PartnerCenterClient client() {
    return client;
  }

  @Override
  void assertSent(String method, String pathAndQuery, String body) {
    // the emulator has no request log; WireMockPartnerCenterClientTest checks what is sent
  }
}
