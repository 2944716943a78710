package pcsh.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.session.Redactor;

/**
 * The wire trace formats exchanges for whatever sink the shell gives it, and says nothing when off.
 */
class WireTraceTest {

  @Test
  void debugAndCurlGoToTheSinkRedactedAndNothingWhenOff() throws Exception {
    List<String> printed = new ArrayList<>();
    WireTrace trace = new WireTrace(printed::add, false, false);
    ExchangeLog log = new ExchangeLog();
    log.listen(trace::exchange);
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      PartnerCenterClient client =
          new PartnerCenterClient(
              () -> emulator.baseUrl().toString(),
              () -> java.util.Optional.of("secret-token-value"),
              () -> "corr",
              java.time.Duration.ofSeconds(2),
              java.time.Duration.ofSeconds(5),
              () -> false,
              log,
              pcsh.api.RetryPolicy.none(),
              Redactor.shared());
      client.validationCodes();
      assertThat(printed).isEmpty();

      trace.debug(true);
      trace.showRequest(true);
      client.validationCodes();
    }
    assertThat(printed)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t).contains("GET /v1/customers/all/validations", "curl", "--- ", "200");
              assertThat(t).doesNotContain("secret-token-value");
            });
  }
}
