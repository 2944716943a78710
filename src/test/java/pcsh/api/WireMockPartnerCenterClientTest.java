package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against WireMock serving JSON shaped as the API reference documents it ({@link
 * DocumentedApi}). WireMock fails the test on any request no stub matches, and every call's request
 * is checked: method, path, query, headers and body.
 */
class WireMockPartnerCenterClientTest extends PartnerCenterClientContract {

  @RegisterExtension static WireMockExtension wm = DocumentedApi.wireMock();

  private PartnerCenterClient client;

  @BeforeEach
  void stubs() {
    client = DocumentedApi.client(wm);
    DocumentedApi.stub(wm);
  }

  @Override
  PartnerCenterClient client() {
    return client;
  }

  @Override
  void assertSent(String method, String pathAndQuery, String body) {
    ServeEvent last = wm.getAllServeEvents().get(0);
    LoggedRequest r = last.getRequest();
    assertThat(r.getMethod().getName()).isEqualTo(method);
    assertThat(decode(r.getUrl())).isEqualTo(decode(pathAndQuery));
    assertThat(r.getUrl()).doesNotContain("{", "}", "\"", " ");
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token");
    assertThat(r.getHeader("MS-CorrelationId")).isEqualTo(CORRELATION);
    assertThat(r.getHeader("MS-RequestId"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    if (body == null) {
      assertThat(r.getBodyAsString()).isEmpty();
    } else {
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(r.getBodyAsString()).isEqualTo(body);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
