package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit contract against WireMock serving the documented JSON; every request is checked. */
class AuditClientWireMockTest extends AuditClientContract {

  @RegisterExtension static WireMockExtension wm = DocumentedApi.wireMock();

  private AuditClient client;

  @BeforeEach
  void stubs() {
    client = new AuditClient(DocumentedApi.client(wm));
    DocumentedAudit.stub(wm);
  }

  @Override
  AuditClient client() {
    return client;
  }

  @Override
  void assertSent(String pathAndQuery, String continuationToken) {
    LoggedRequest r = wm.getAllServeEvents().get(0).getRequest();
    assertThat(r.getMethod().getName()).isEqualTo("GET");
    assertThat(decode(r.getUrl())).isEqualTo(decode(pathAndQuery));
    assertThat(r.getUrl()).doesNotContain("{", "}", "\"", " ");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token");
    assertThat(r.getHeader("MS-CorrelationId")).isEqualTo(PartnerCenterClientContract.CORRELATION);
    assertThat(r.getHeader("MS-ContinuationToken")).isEqualTo(continuationToken);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
