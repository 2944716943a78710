package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The client made ahead of the first request goes to the first that needs one of its kind. */
@Isolated("the prepared client is one per JVM")
class LazyHttpClientTest {

  @Test
  void theFirstClientOfTheKindPreparedTakesItAndTheNextMakesItsOwn() {
    Duration timeout = Duration.ofMillis(4321);
    HttpClient prepared = LazyHttpClient.prepare(false, timeout);

    HttpClient first = LazyHttpClient.http(false, timeout);
    HttpClient second = LazyHttpClient.http(false, timeout);

    assertThat(first).isSameAs(prepared);
    assertThat(second).isNotSameAs(prepared);
    assertThat(first.connectTimeout()).contains(timeout);
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(first.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
  }

  @Test
  void aClientOfAnotherKindOrTimeoutIsMadeAfreshAndLeavesThePreparedOne() {
    Duration timeout = Duration.ofMillis(1234);
    HttpClient prepared = LazyHttpClient.prepare(false, timeout);

    assertThat(LazyHttpClient.http(false, Duration.ofMillis(999))).isNotSameAs(prepared);
    HttpClient tls = LazyHttpClient.http(true, timeout);
    assertThat(tls).isNotSameAs(prepared);
    // the JDK's own TLS context for https, none for plain HTTP
    assertThat(tls.sslContext().getProtocol()).isNotEqualTo("none");
    assertThat(prepared.sslContext().getProtocol()).isEqualTo("none");
    assertThat(LazyHttpClient.http(false, timeout)).isSameAs(prepared);
  }
}
