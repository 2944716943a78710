package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.emulator.CustomerListingFixture.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Emulators seeded with many thousands of customers, each started by its test: they start, filter
 * and page through every match once. How fast is the bench's question ({@code bench/run}, the
 * emulator rows), not these tests'.
 */
class LargeCustomerListingTest {

  @Test
  void aHundredThousandCustomersStartAndFilter() throws Exception {
    try (Emulator big = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(100_000))) {
      JsonNode page =
          Http.json(
              new Http(big)
                  .get(
                      "/v1/customers?filter="
                          + filter(
                              "{\"Field\":\"Domain\",\"Value\":\"willow\",\"Operator\":\"starts_with\"}")));
      JsonNode last = Http.json(new Http(big).get("/v1/customers/" + Http.generatedId(99_992)));

      assertThat(page.path("totalCount").asInt()).isEqualTo(500);
      assertThat(last.path("companyProfile").path("companyName").asText()).endsWith(" 99992");
    }
  }

  // 20,000 keeps the suite short; the 100,000 case is paged through by the bench and the jar
  @Test
  void twentyThousandCustomersPageThroughWithNoDuplicateAndNoNextLinkOnTheLastPage()
      throws Exception {
    try (Emulator big = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(20_000))) {
      Http bigHttp = new Http(big);
      Set<String> ids = new HashSet<>();
      int pages = 1;
      JsonNode page = Http.json(bigHttp.get("/v1/customers?size=500"));
      page.path("items").forEach(item -> ids.add(item.path("id").asText()));
      while (page.path("links").has("next")) {
        assertThat(page.path("totalCount").asInt()).isEqualTo(500);
        page =
            Http.json(
                Http.send(
                    bigHttp
                        .request("/v1/customers?seekOperation=Next")
                        .header("MS-ContinuationToken", page.path("continuationToken").asText())
                        .GET()
                        .build()));
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        pages++;
      }

      assertThat(pages).isEqualTo(40);
      assertThat(ids)
          .hasSize(20_000)
          .contains(SeedCustomers.NORTHWIND_ID, Http.generatedId(19_992));
      assertThat(page.has("continuationToken")).isFalse();
      assertThat(page.path("items").get(page.path("items").size() - 1).path("id").asText())
          .isEqualTo(Http.generatedId(19_992));
    }
  }

  @Test
  void aFilteredListOverAHundredThousandCustomersPagesThroughEveryMatchOnce() throws Exception {
    try (Emulator big = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(100_000))) {
      Http bigHttp = new Http(big);
      List<String> names = new ArrayList<>();
      JsonNode page =
          Http.json(
              bigHttp.get(
                  "/v1/customers?size=500&filter="
                      + filter(
                          "{\"Field\":\"CompanyName\",\"Value\":\"Willow\",\"Operator\":\"starts_with\"}")));
      page.path("items")
          .forEach(item -> names.add(item.path("companyProfile").path("companyName").asText()));
      while (page.has("continuationToken")) {
        page =
            Http.json(
                Http.send(
                    bigHttp
                        .request("/v1/customers?seekOperation=Next")
                        .header("MS-ContinuationToken", page.path("continuationToken").asText())
                        .GET()
                        .build()));
        page.path("items")
            .forEach(item -> names.add(item.path("companyProfile").path("companyName").asText()));
      }

      // generated i is "Willow ..." when i % 21 == 20: 4,761 of the 99,992
      assertThat(names)
          .hasSize(4_761)
          .doesNotHaveDuplicates()
          .allMatch(n -> n.startsWith("Willow "));
      assertThat(names.get(names.size() - 1)).endsWith(" 99980");
    }
  }
}
