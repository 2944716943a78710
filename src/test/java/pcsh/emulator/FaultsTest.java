package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {

  private static final String FULL =
      "seed=42,latency=200ms@0.1,throttle=0.2,retry-after=1,burst=3,5xx=0.1,"
          + "drop-after-write=0.3,malformed=0.05,expired-token=0.02";

  @Test
  void aFullSpecSetsEveryField() {
    Faults f = Faults.parse(FULL);

    assertThat(f)
        .isEqualTo(
            new Faults(42, 0.1, Duration.ofMillis(200), 0.2, 1, 3, 0.1, 0.3, 0.05, 0.02, 0, 0));
  }

  @Test
  void partsComeInAnyOrderAndMissingOnesKeepTheirDefaults() {
    Faults f = Faults.parse(" burst=2 , throttle=0.5,seed=7 ");

    assertThat(f).isEqualTo(new Faults(7, 0, Duration.ZERO, 0.5, 1, 2, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void aLatencyWithoutRateAlwaysAppliesAndSecondsAreAccepted() {
    assertThat(Faults.parse("latency=1s"))
        .satisfies(
            f -> {
              assertThat(f.latency()).isEqualTo(Duration.ofSeconds(1));
              assertThat(f.latencyRate()).isEqualTo(1.0);
            });
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "none", "NONE"})
  void noneOrBlankIsNoFaults(String spec) {
    assertThat(Faults.parse(spec)).isEqualTo(Faults.NONE);
  }

  @Test
  void theCanonicalSpecRoundTrips() {
    Faults f = Faults.parse(FULL);

    assertThat(f.spec())
        .isEqualTo(
            "seed=42,latency=200ms@0.1,throttle=0.2,burst=3,5xx=0.1,"
                + "drop-after-write=0.3,malformed=0.05,expired-token=0.02");
    assertThat(Faults.parse(f.spec())).isEqualTo(f);
    assertThat(Faults.parse("throttle=1,retry-after=9,seed=3").spec())
        .isEqualTo("seed=3,throttle=1,retry-after=9");
    assertThat(Faults.NONE.spec()).isEqualTo("none");
    assertThat(Faults.parse(Faults.NONE.spec())).isEqualTo(Faults.NONE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "throttle=2                 | 'throttle=2'",
        "5xx=-0.1                   | '5xx=-0.1'",
        "malformed=often            | 'malformed=often'",
        "jitter=0.1                 | unknown fault 'jitter'",
        "latency=fast               | 'latency=fast'",
        "latency=20ms@1.5           | 'latency=20ms@1.5'",
        "burst=0                    | 'burst=0'",
        "retry-after=-1             | 'retry-after=-1'",
        "seed=x                     | 'seed=x'",
        "throttle                   | 'throttle'",
        "throttle=0.1,throttle=0.2  | given twice",
        "throttle=0.1,,5xx=0.1      | expected key=value",
      })
  void aBadSpecIsRefusedNamingTheBadPart(String spec, String named) {
    assertThatThrownBy(() -> Faults.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void theConstructorRefusesRatesOutside0To1AndFillsANullLatency() {
    assertThatThrownBy(() -> new Faults(1, 0, null, 1.5, 1, 1, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throttle");
    assertThat(new Faults(1, 0, null, 0, 1, 1, 0, 0, 0, 0, 0, 0).latency())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aConfigWithoutFaultsHasNoneAndWithFaultsKeepsTheRest() {
    EmulatorConfig config = EmulatorConfig.inMemory().withSeedCustomers(5);

    assertThat(config.faults()).isEqualTo(Faults.NONE);
    assertThat(config.withFaults(Faults.parse("5xx=1")).faults()).isEqualTo(Faults.parse("5xx=1"));
    assertThat(config.withFaults(Faults.parse("5xx=1")).seedCustomers()).isEqualTo(5);
    assertThat(config.withFaults(null).faults()).isEqualTo(Faults.NONE);
  }
}
