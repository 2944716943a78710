package pcsh.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pcsh.api.Customer;

class RecentCustomersTest {

  private static final String ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  private static Customer customer(String name, String domain, String relationship) {
    return new Customer(
        ID,
        null,
        new Customer.CompanyProfile(ID, domain, name, null, null, null, null, null),
        null,
        relationship,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void countsAChangeWhenANewCustomerOrANewNameOrDomainIsSeen() {
    RecentCustomers recent = new RecentCustomers();

    recent.saw(List.of(customer("Contoso", "contoso.example", "reseller")));
    assertThat(recent.changes()).isEqualTo(1);

    recent.saw(customer("Contoso Ltd", "contoso.example", "reseller"));
    assertThat(recent.changes()).isEqualTo(2);

    recent.saw(customer("Contoso Ltd", "contoso2.example", "reseller"));
    assertThat(recent.changes()).isEqualTo(3);
    assertThat(recent.find(ID)).get().extracting(Customer::domain).isEqualTo("contoso2.example");
  }

  @Test
  void aCustomerSeenAgainWithTheSameNameAndDomainIsNoChangeButIsKeptAsLastSeen() {
    RecentCustomers recent = new RecentCustomers();
    recent.saw(customer("Contoso", "contoso.example", "reseller"));

    recent.saw(List.of(customer("Contoso", "contoso.example", "advisor")));

    assertThat(recent.changes()).isEqualTo(1);
    assertThat(recent.find(ID))
        .get()
        .extracting(Customer::relationshipToPartner)
        .isEqualTo("advisor");
    assertThat(recent.recent()).extracting(Customer::id).containsExactly(ID);
  }
}
