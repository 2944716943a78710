package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One in-memory emulator for a whole test class (listing never writes), with the helpers the
 * listing tests share: a URL-encoded filter and a request for the next page.
 */
abstract class CustomerListingFixture {

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

  static String filter(String json) {
    return URLEncoder.encode(json, UTF_8);
  }

  static HttpResponse<String> nextPage(String token) {
    return Http.send(
        http.request("/v1/customers?seekOperation=Next")
            .header("MS-ContinuationToken", token)
            .GET()
            .build());
  }
}
