package pcsh.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.api.CustomerPage;
import pcsh.customers.RecentCustomers;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.failure.Failure;

/**
 * {@code customers list --all} over several pages prints each page as it arrives: the first rows
 * are out before the second page is asked for, the text is the same as the collected output, and
 * nothing keeps every customer.
 */
class CustomerListStreamingTest {

  static final int CUSTOMERS = 5_000; // 10 pages of 500
  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";

  private final AtomicInteger requests = new AtomicInteger();
  private Emulator emulator;
  private CommandsFixture fixture;
  private Output output;
  private CustomerCommands customers;

  /** The terminal's output, noting how many requests had been made when the first byte arrived. */
  final class Output extends ByteArrayOutputStream {
    volatile int requestsAtFirstWrite = -1;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (len > 0 && requestsAtFirstWrite < 0) requestsAtFirstWrite = requests.get();
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      if (requestsAtFirstWrite < 0) requestsAtFirstWrite = requests.get();
      super.write(b);
    }

    String text() {
      return toString(UTF_8);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory().withSeedCustomers(CUSTOMERS));
    output = new Output();
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), output);
    fixture.exchanges.listen(e -> requests.incrementAndGet());
    customers = fixture.customers();
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  @Test
  void csvPrintsTheFirstPageBeforeAskingForTheNextAndEveryCustomerOnce() {
    assertThat(customers.list(null, true, null, null, "csv", null)).isNull();

    List<String> lines = output.text().lines().toList();
    assertThat(output.requestsAtFirstWrite).isEqualTo(1);
    assertThat(requests.get()).isEqualTo(CUSTOMERS / 500);
    assertThat(lines).hasSize(CUSTOMERS + 1);
    assertThat(lines.get(0)).startsWith("id,companyProfile.tenantId,");
    assertThat(lines.stream().filter(l -> l.startsWith("id,"))).hasSize(1);
    assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))))
        .containsExactlyElementsOf(emulatorIds());
  }

  @Test
  void streamedCsvJsonAndYamlAreTheSameTextAsTheCollectedOutput() {
    for (String format : List.of("csv", "json", "yaml", "table")) {
      output.reset();
      // the 237 "Alpine ..." customers, in 5 pages of 50
      customers.list("50", true, "Alpine", null, format, null);
      String streamed = output.text();
      // --query "@" changes nothing but collects every page and returns the text
      String collected =
          customers.list("50", true, "Alpine", null, format.equals("table") ? "csv" : format, "@");
      if (format.equals("table")) {
        assertThat(streamed.lines()).as(format).hasSize((int) collected.lines().count());
        continue;
      }

      assertThat(streamed).as(format).isEqualTo(collected + "\n");
    }
  }

  @Test
  void jsonIsOneValidArrayOfTheEmulatorsCustomersInOrder() throws Exception {
    customers.list(null, true, null, null, "json", null);

    JsonNode array = new ObjectMapper().readTree(output.text());
    assertThat(array.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    array.forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(emulatorIds());
    assertThat(array.get(0).path("companyProfile").path("companyName").asText())
        .isEqualTo("Northwind Traders");
  }

  @Test
  void yamlIsOneSequenceOfEveryCustomer() throws Exception {
    customers.list(null, true, null, null, "yaml", null);

    JsonNode sequence = new YAMLMapper().readTree(output.text());
    assertThat(sequence.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    sequence.forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(emulatorIds());
  }

  @Test
  void aPipedTableStreamsWithOneHeaderAndCutsNothing() {
    assertThat(customers.list(null, true, null, null, "table", null)).isNull();

    List<String> lines = output.text().lines().toList();
    assertThat(output.requestsAtFirstWrite).isEqualTo(1);
    assertThat(lines).hasSize(CUSTOMERS + 1);
    assertThat(lines.get(0)).startsWith("ID").contains("COMPANY NAME").contains("DOMAIN");
    assertThat(lines).noneMatch(l -> l.contains("…"));
    assertThat(lines.get(1)).startsWith(NORTHWIND + "  Northwind Traders");
  }

  @Test
  void theShellRemembersOnlyTheFirstCustomersOfALongList() {
    customers.list(null, true, null, null, "csv", null);

    assertThat(fixture.recent.all()).hasSizeLessThanOrEqualTo(RecentCustomers.MAX_KNOWN);
    assertThat(fixture.recent.find(NORTHWIND)).isPresent();
  }

  @Test
  void ctrlCBetweenPagesStopsTheListingAndLeavesAValidJsonArray() throws Exception {
    fixture.exchanges.listen(
        e -> {
          if (requests.get() == 3)
            Thread.currentThread().interrupt(); // Spring Shell's SIGINT handler does this
        });

    assertThatThrownBy(() -> customers.list(null, true, null, null, "json", null))
        .isInstanceOf(Failure.class)
        .hasMessageContaining("Stopped (Ctrl-C) after 1500 customers");

    assertThat(Thread.interrupted()).isFalse();
    assertThat(requests.get()).isEqualTo(3);
    assertThat(new ObjectMapper().readTree(output.text())).hasSize(1500);
  }

  @Test
  void withAQueryEveryPageIsCollectedFirst() {
    assertThat(customers.list(null, true, null, null, "json", "length(@)"))
        .isEqualTo(Integer.toString(CUSTOMERS));
    assertThat(output.text()).isEmpty();
  }

  @Test
  void aSinglePageIsReturnedAsText() {
    assertThat(customers.list("5", true, "Northwind", null, "csv", null))
        .startsWith("id,")
        .contains("Northwind");
    assertThat(output.text()).isEmpty();
  }

  private List<String> emulatorIds() {
    List<String> ids = new ArrayList<>();
    CustomerPage page = fixture.client.customers(500, null);
    page.itemsOrEmpty().forEach(c -> ids.add(c.id()));
    for (Optional<String> next = page.nextToken(); next.isPresent(); next = page.nextToken()) {
      page = fixture.client.nextCustomers(next.get());
      page.itemsOrEmpty().forEach(c -> ids.add(c.id()));
    }
    return ids;
  }
}
