package pcsh.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter values that are legitimate text however odd (quotes, ampersands, JSON, unicode, very long,
 * percent signs) are not refused: each is sent JSON-encoded inside a URL-encoded query and arrives
 * intact.
 */
class FilterMetacharactersTest extends BadInputFixture {

  static Stream<Arguments> encoded() {
    return Stream.of(
        Arguments.of("name", "O'Brien \"&\" Sons"),
        Arguments.of("name", "a&size=1#frag"),
        Arguments.of("name", "{\"Field\":\"Domain\",\"Value\":\"x\"}"),
        Arguments.of("name", "Z\u00fcrich \u65e5\u672c \ud83d\ude00"),
        Arguments.of("name", "n".repeat(1000)),
        Arguments.of("domain", "%2F..%2F+plus\\back"));
  }

  @ParameterizedTest(name = "--{0} {1} is JSON-encoded in a URL-encoded filter")
  @MethodSource("encoded")
  void metacharactersInFiltersArriveIntact(String option, String value) throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"totalCount\":0,\"items\":[]}")));

    commands
        .customers()
        .list(
            null,
            false,
            option.equals("name") ? value : null,
            option.equals("domain") ? value : null,
            "json",
            null);

    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    String url = sent.get(0).getUrl();
    assertThat(url).startsWith("/v1/customers?").doesNotContain(" ", "\"", "{");
    String raw = url.substring(url.indexOf("filter=") + "filter=".length()).split("&")[0];
    JsonNode filter = new ObjectMapper().readTree(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    assertThat(filter.get("Value").asText()).isEqualTo(value);
    assertThat(filter.get("Field").asText())
        .isEqualTo(option.equals("name") ? "CompanyName" : "Domain");
  }
}
