package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one-shot argument reaches the command exactly as the user's shell passed it: values made of
 * quotes, apostrophes, backslashes, {@code $}, {@code #}, {@code ;}, blanks, unicode and leading
 * dashes, generated from a fixed seed, are given to {@code customers list --name} and {@code
 * --domain}, and as {@code api} fields, through the path the jar takes, and the filter, the query
 * and the body the server received carry each one unchanged. (OneShotQuotingIT runs a few through
 * the jar itself.)
 */
class OneShotArgumentsTest {

  static final long SEED = 20261201L;
  static final int GENERATED = 150;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Path home;
  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    home = Files.createTempDirectory("pcsh-one-shot");
    pcsh =
        new InProcessPcsh(
            Map.of(
                "pcsh.base-url", wm.baseUrl(),
                "PCSH_ACCESS_TOKEN", "token-for-tests",
                "pcsh.home", home.toString(),
                "pcsh.history.dir", home.resolve("history").toString()));
  }

  @AfterAll
  static void stop() {
    pcsh.close();
  }

  @BeforeEach
  void stub() {
    wm.resetAll();
    wm.stubFor(
        get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"totalCount\":0,\"items\":[]}")));
    wm.stubFor(post(urlPathEqualTo("/v1/echo")).willReturn(okJson("{}")));
  }

  /** Characters a shell, a parser or a URL treats specially, and text from other scripts. */
  private static final String[] PIECES = {
    "'", "\"", "\\", "$", "#", ";", " ", "  ", "`", "|", "&", "*", "?", "~", "!", "{", "}", "[",
    "]", "(", ")", "<", ">", "=", "%", "+", "/", ",", ":", "@", "^", "-", "--", "-x", "é", "ß",
    "日本", "😀", "Ω", "\u00a0", "a", "Z", "0", "O'Brien", "say \"hi\"", "$HOME", "%2F", "\\n"
  };

  static Stream<Arguments> values() {
    List<Arguments> out = new ArrayList<>();
    for (String fixed :
        List.of(
            "say \"hi\"",
            "O'Brien",
            "back\\slash",
            "$HOME and $(id)",
            "#hash",
            "a;b",
            " leading and trailing ",
            "日本語 😀",
            "-x",
            "--all",
            "--",
            "-",
            "-h",
            "--help",
            "--name=x",
            "''",
            "\"\"")) {
      out.add(Arguments.of(fixed));
    }
    Random random = new Random(SEED);
    while (out.size() < GENERATED) {
      StringBuilder v = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) v.append(PIECES[random.nextInt(PIECES.length)]);
      if (!v.toString().isBlank()) out.add(Arguments.of(v.toString()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("values")
  void aNameReachesTheServiceExactlyAsGiven(String value) throws Exception {
    InProcessPcsh.Run r = pcsh.run("customers", "list", "--name", value, "--output", "json");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(filter()).containsEntry("Field", "CompanyName").containsEntry("Value", value);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("values")
  void aDomainWrittenWithAnEqualsSignReachesTheServiceExactlyAsGiven(String value)
      throws Exception {
    InProcessPcsh.Run r = pcsh.run("customers", "list", "--domain=" + value, "-o", "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(filter()).containsEntry("Field", "Domain").containsEntry("Value", value);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("values")
  void anApiFieldReachesTheQueryExactlyAsGiven(String value) throws Exception {
    InProcessPcsh.Run r = pcsh.run("api", "GET", "/v1/customers", "-f", "name=" + value);

    assertThat(r.exit()).as(r.toString()).isZero();
    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).queryParameter("name").values()).containsExactly(value);
  }

  /** The first, hand-picked values (the JSON body is written by Jackson, as any body is). */
  static Stream<Arguments> someValues() {
    return values().limit(40);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("someValues")
  void anApiFieldReachesTheBodyExactlyAsGiven(String value) throws Exception {
    InProcessPcsh.Run r = pcsh.run("api", "/v1/echo", "--raw-field=note=" + value, "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    assertThat(new ObjectMapper().readTree(sent.get(0).getBodyAsString()).get("note").asText())
        .isEqualTo(value);
  }

  @Test
  void aBareWordAfterTheOptionsEndIsTheFirstOptionsValue() throws Exception {
    InProcessPcsh.Run r = pcsh.run("use", "customer", "--", "-Brien");

    assertThat(r.err()).contains("a company name starting with '-Brien'");
    assertThat(wm.getAllServeEvents()).isNotEmpty();
  }

  @Test
  void emptyBlankAndHiddenControlCharactersAreRefusedByTheCommandAndNothingIsSent()
      throws Exception {
    for (String value :
        List.of(
            "",
            " ",
            "\t",
            "con\ttoso",
            "con\ntoso",
            "con\rtoso",
            "\u001b[31mred",
            "con\u0085toso",
            "x\u007f")) {
      InProcessPcsh.Run r = pcsh.run("customers", "list", "--name", value);

      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(r.err())
          .as(r.toString())
          .containsAnyOf("--name needs a value.", "--name contains a control character");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  /** The filter of the one request the server received, decoded from its query. */
  private static Map<String, String> filter() throws Exception {
    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    JsonNode f = new ObjectMapper().readTree(sent.get(0).queryParameter("filter").firstValue());
    return Map.of("Field", f.get("Field").asText(), "Value", f.get("Value").asText());
  }
}
