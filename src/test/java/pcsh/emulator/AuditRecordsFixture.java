package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh in-memory emulator for each test of {@code /v1/auditrecords} (the tests write), with the
 * helpers they share for reading the records.
 */
abstract class AuditRecordsFixture {

  static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  static final String TAILSPIN = SeedCustomers.TAILSPIN_ID;
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  Emulator emulator;
  Http http;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  HttpResponse<String> get(LocalDate start, LocalDate end, String filter, int size) {
    return http.get(
        "/v1/auditrecords?startDate="
            + start
            + "&endDate="
            + end
            + "&size="
            + size
            + (filter == null ? "" : "&filter=" + enc(filter)));
  }

  JsonNode newest(String customer) {
    return items(get(TODAY, TODAY, filter("CustomerId", customer, "equals"), 1)).get(0);
  }

  static List<JsonNode> items(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(Http.json(response).path("items").spliterator(), false).toList();
  }

  static List<String> ids(List<JsonNode> items) {
    return items.stream().map(r -> r.path("id").asText()).collect(Collectors.toList());
  }

  static String filter(String field, String value, String operator) {
    return "{\"Field\":\""
        + field
        + "\",\"Value\":\""
        + value
        + "\",\"Operator\":\""
        + operator
        + "\"}";
  }

  static String enc(String s) {
    return URLEncoder.encode(s, UTF_8);
  }
}
