package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CustomerDirectoryTest {

  private static final CustomerDirectory BIG = CustomerDirectory.seed(100_000);

  @Test
  void namedCustomersComeFirstThenGeneratedOnesInIndexOrder() {
    assertThat(BIG.size()).isEqualTo(100_000);
    assertThat(BIG.get(0).id()).isEqualTo(SeedCustomers.NORTHWIND_ID);
    assertThat(BIG.get(8)).isEqualTo(CustomerDirectory.generated(1));
    assertThat(BIG.get(99_999)).isEqualTo(CustomerDirectory.generated(99_992));
    assertThat(BIG.get(8).companyName()).isEqualTo("Blue Ridge Analytics 0001");
    assertThat(BIG.get(8).domain()).isEqualTo("blueridgeanalytics1.onmicrosoft.com");
    assertThat(BIG.get(99_999).companyName()).endsWith(" 99992");
  }

  @Test
  void everyCustomerIsFoundByItsIdInAnyCase() {
    for (int i = 0; i < BIG.size(); i += 997) {
      Customer c = BIG.get(i);
      assertThat(BIG.find(c.id())).contains(c);
      assertThat(BIG.find(c.id().toUpperCase(Locale.ROOT))).contains(c);
    }
    assertThat(BIG.find(Http.generatedId(99_992))).contains(BIG.get(99_999));
  }

  @Test
  void unknownOrMalformedIdsAreNotFound() {
    assertThat(BIG.find(Http.generatedId(100_000))).isEmpty();
    assertThat(BIG.find("00000000-0000-0000-0000-000000000000")).isEmpty();
    assertThat(BIG.find("1-1-1-1-1")).isEmpty();
    assertThat(CustomerDirectory.seed(8).find(Http.generatedId(1))).isEmpty();
    assertThat(CustomerDirectory.seed(0).find(SeedCustomers.NORTHWIND_ID)).isPresent();
  }
}
