package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page the warm-up reads holds every record a page of customers has, so each is read once. */
class WarmUpPageTest {

  @Test
  void thePreparedPageReadsIntoEveryRecordOfAPage() {
    CustomerPage page = WarmUp.page();

    assertThat(page.totalCount()).isEqualTo(1);
    Customer c = page.itemsOrEmpty().get(0);
    assertThat(Customer.isId(c.id())).isTrue();
    assertThat(c.companyName()).isEqualTo("C");
    assertThat(c.domain()).isEqualTo("d.example");
    assertThat(c.customDomains()).containsExactly("d.example");
    assertThat(c.attributes().path("objectType").asText()).isEqualTo("Customer");
    assertThat(page.links().next().headers()).hasSize(1);
    assertThat(page.nextToken()).contains("t");
  }
}
