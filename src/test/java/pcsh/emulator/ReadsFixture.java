package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One in-memory emulator for a whole class of read-only tests of the customer's resources (spec
 * 17-22), with the helpers they share: the named customers' paths, an app-only token, and reading a
 * collection's items.
 */
abstract class ReadsFixture {

  static final String NORTHWIND = "/v1/customers/" + SeedCustomers.NORTHWIND_ID;
  static final String FABRIKAM = "/v1/customers/" + SeedCustomers.FABRIKAM_ID;
  static final String TAILSPIN = "/v1/customers/" + SeedCustomers.TAILSPIN_ID;
  static final String LITWARE = "/v1/customers/" + SeedCustomers.LITWARE_ID;
  static final String CONTOSO_LTD = "/v1/customers/" + SeedCustomers.CONTOSO_LTD_ID;
  static final String CONTOSO_HEALTH = "/v1/customers/" + SeedCustomers.CONTOSO_HEALTH_ID;
  static final String NOT_A_CUSTOMER = "/v1/customers/" + SeedCustomers.NOT_A_CUSTOMER_ID;
  static final String APP_ONLY = AppOnlyTokenTest.APP_ONLY;

  static Emulator emulator;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    http = new Http(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** The body of a 200 answer (fails with the body otherwise). */
  static JsonNode ok(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Http.json(r);
  }

  static HttpResponse<String> appOnly(String path) {
    return AppOnlyTokenTest.send(http, "GET", path, null, APP_ONLY);
  }

  static List<JsonNode> items(JsonNode collection) {
    return StreamSupport.stream(collection.path("items").spliterator(), false).toList();
  }
}
