package pcsh.commands;

import static pcsh.emulator.SeedCustomers.CONTOSO_LTD_ID;
import static pcsh.emulator.SeedCustomers.FABRIKAM_ID;
import static pcsh.emulator.SeedCustomers.LITWARE_ID;
import static pcsh.emulator.SeedCustomers.NORTHWIND_ID;
import static pcsh.emulator.SeedCustomers.WOODGROVE_ID;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pcsh.api.Customer;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;

/**
 * What the `qualify bulk` tests start from: the embedded emulator with 60 customers over real HTTP,
 * the command beans of a {@link CommandsFixture} pointed at it, and a directory for the input and
 * result CSVs.
 */
abstract class BulkQualifyFixture {

  Emulator emulator;
  CommandsFixture fixture;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    start(EmulatorConfig.inMemory().withSeedCustomers(60));
  }

  void start(EmulatorConfig config) throws Exception {
    if (fixture != null) fixture.close();
    if (emulator != null) emulator.close();
    emulator = Emulator.start(config);
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString());
    dir = Files.createTempDirectory("pcsh-bulk");
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
    emulator.close();
  }

  BulkQualifyCommands bulk(Map<String, String> settings) {
    return fixture.bulk(settings);
  }

  Path file(String text) throws Exception {
    return Files.writeString(dir.resolve("input.csv"), text);
  }

  /**
   * Customers with no qualification, other than the named ones (fetched before any rate limit
   * counts).
   */
  List<String> plainCustomers(int n) {
    Set<String> named =
        Set.of(
            NORTHWIND_ID,
            FABRIKAM_ID,
            SeedCustomers.TAILSPIN_ID,
            WOODGROVE_ID,
            SeedCustomers.ADATUM_ID,
            LITWARE_ID,
            CONTOSO_LTD_ID,
            SeedCustomers.CONTOSO_HEALTH_ID);
    return fixture.client.customers(40, null).itemsOrEmpty().stream()
        .map(Customer::id)
        .filter(id -> !named.contains(id))
        .limit(n)
        .toList();
  }

  String shownQualification(String id) {
    String show = fixture.qualification().show(id, false, null, null);
    return show.lines()
        .filter(l -> l.startsWith("Qualification:"))
        .findFirst()
        .orElseThrow()
        .substring("Qualification:".length())
        .strip();
  }

  static List<List<String>> results(Path file) throws Exception {
    List<List<String>> out = new ArrayList<>();
    com.fasterxml.jackson.dataformat.csv.CsvMapper m =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    m.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
    try (var it = m.readerFor(String[].class).<String[]>readValues(file.toFile())) {
      while (it.hasNext()) out.add(List.of(it.next()));
    }
    return out;
  }
}
