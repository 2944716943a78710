package pcsh.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;

/** Finding the one customer a person means, against the emulator's named customers. */
class CustomerFinderTest {

  private Emulator emulator;
  private RecentCustomers recent;
  private CustomerFinder finder;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    PartnerCenterClient client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    recent = new RecentCustomers();
    finder = new CustomerFinder(client, recent);
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void anIdADomainAndANamePrefixEachFindTheirCustomer() {
    assertThat(finder.find("6F1D2C3B-4A5E-4F60-8A7B-9C0D1E2F3A41", 80).companyName())
        .isEqualTo("Northwind Traders");
    assertThat(finder.find("tailspincounty.onmicrosoft.com", 80).companyName())
        .isEqualTo("Tailspin County Government");
    assertThat(finder.find("northw", 80).companyName()).isEqualTo("Northwind Traders");
  }

  @Test
  void anExactNameWinsOverLongerNamesWithThatPrefix() {
    assertThat(finder.find("Contoso Ltd", 80).domain()).isEqualTo("contoso.onmicrosoft.com");
  }

  @Test
  void severalCandidatesSelectNothingAndAreListed() {
    assertThatThrownBy(() -> finder.find("contoso", 80))
        .isInstanceOfSatisfying(
            Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE))
        .hasMessageContaining("matches 2 customers")
        .hasMessageContaining("Contoso Health");
    assertThat(recent.all()).hasSize(2);
  }

  @Test
  void nothingFoundIsNotFound() {
    assertThatThrownBy(() -> finder.find("no such company", 80))
        .isInstanceOfSatisfying(
            Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.NOT_FOUND));
  }
}
