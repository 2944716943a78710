package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad input {@code api} must refuse before anything leaves pcsh: exit 2, a message that names
 * what is wrong and a next step, nothing on stdout, and WireMock (Partner Center and Graph alike)
 * receives nothing. Writes carry --yes, so nothing but the input stops them.
 */
class ApiBadInputTest {

  static final WireMockServer wm = ApiFixture.partnerCenter();
  static final WireMockServer graph = ApiFixture.graph();

  static InProcessPcsh pcsh;
  static Path notJson;
  static Path object;

  @BeforeAll
  static void start() throws Exception {
    pcsh = ApiFixture.pcsh();
    notJson = Files.createTempFile("api-not-json", ".txt");
    Files.writeString(notJson, "status: closed\n");
    object = Files.createTempFile("api-object", ".json");
    Files.writeString(object, "{\"a\": 1}");
  }

  @BeforeEach
  void stub() {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    graph.resetAll();
    graph.stubFor(any(anyUrl()).willReturn(okJson("{}")));
  }

  record Case(String expected, List<String> args) {
    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  static Case bad(String expected, String... args) {
    List<String> all = new ArrayList<>(List.of("api"));
    all.addAll(List.of(args));
    return new Case(expected, all);
  }

  static Stream<Case> cases() {
    String sr = "/v1/servicerequests/42";
    return Stream.of(
        // malformed fields
        bad("--raw-field 'status' is not key=value", "PATCH", sr, "-f", "status", "--yes"),
        bad("--raw-field '=closed' is not key=value", "PATCH", sr, "-f", "=closed", "--yes"),
        bad("is not a key", "PATCH", sr, "-F", "a[b=1", "--yes"),
        bad("is not a key", "PATCH", sr, "-F", "a[]b=1", "--yes"),
        bad("its key is already given", "PATCH", sr, "-f", "a=1", "-f", "a=2", "--yes"),
        bad("its key is already given", "PATCH", sr, "-f", "a=1", "-f", "a[b]=2", "--yes"),
        bad("contains a control character", "PATCH", sr, "-f", "note=a\nb", "--yes"),
        bad("a GET sends its fields as query parameters", "GET", sr, "-F", "a=@" + object),
        // files
        bad(
            "--field '@missing-file': no such readable file",
            "PATCH",
            sr,
            "-F",
            "a=@@missing-file"),
        bad("no such readable file", "PATCH", sr, "-F", "a=@missing-file", "--yes"),
        bad("no such readable file", "PATCH", sr, "--input", "missing-file", "--yes"),
        bad("does not hold JSON", "PATCH", sr, "-F", "note=@" + notJson, "--yes"),
        bad(
            "--input and fields (-f, -F) cannot be combined",
            "PATCH",
            sr,
            "--input",
            notJson.toString(),
            "-f",
            "a=b",
            "--yes"),
        bad("--input sends a body, and a GET has none", "GET", sr, "--input", notJson.toString()),
        // headers
        bad("--header 'X-Locale en-GB' is not 'Name: value'", sr, "-H", "X-Locale en-GB"),
        bad("is not 'Name: value'", sr, "-H", ": value"),
        bad("is not 'Name: value'", sr, "-H", "Bad Name: value"),
        bad("--header Authorization is pcsh's own", sr, "-H", "Authorization: Bearer x"),
        bad("--header ms-correlationid is pcsh's own", sr, "-H", "ms-correlationid: x"),
        bad("--header MS-RequestId is pcsh's own", sr, "-H", "MS-RequestId: x"),
        bad(
            "--header client-request-id is pcsh's own",
            "--graph",
            "/v1.0/me",
            "-H",
            "client-request-id: x"),
        bad("--header Host is set by the HTTP client", sr, "-H", "Host: elsewhere.example"),
        // paths
        bad("has a '..' segment", "/v1/customers/../auditrecords"),
        bad("has a '%2E%2E' segment", "/v1/customers/%2E%2E/auditrecords"),
        bad("has a '.' segment", "/v1/./customers"),
        bad("contains a space", "/v1/customers/a b"),
        bad("PATH already has a query (?size=2)", "GET", "/v1/customers?size=2", "-f", "size=3"),
        bad("has a fragment", "/v1/customers#top"),
        bad("is not a URL path", "/v1/customers/a|b"),
        bad(
            "has the placeholder {subscription-id}",
            "/v1/customers/x/subscriptions/{subscription-id}"),
        bad(
            "PATH has {customer}, and no customer is selected nor given",
            "/v1/customers/{customer}"),
        bad(
            "--customer fills in {customer} in PATH, and PATH has none",
            "/v1/customers",
            "--customer",
            ApiFixture.CUSTOMER),
        bad("is not a customer id", "/v1/customers/{customer}", "--customer", "contoso"),
        bad("is not on Partner Center's base URL", "https://evil.example/v1/customers"),
        bad("add --graph for that URL", graph.baseUrl() + "/v1.0/me"),
        bad(
            "is not on Microsoft Graph's base URL",
            "--graph",
            "http://127.0.0.1:" + wm.port() + "/v1/customers"),
        bad("is not on Partner Center's base URL", "ftp://127.0.0.1/v1/customers"),
        // the method and the words
        bad(
            "--paginate follows the pages of a GET, and this is a POST",
            "--paginate",
            "POST",
            "/v1/customers",
            "--yes"),
        bad(
            "--paginate follows the pages of a GET, and this is a PUT",
            "--paginate",
            "-X",
            "PUT",
            "/v1/customers",
            "--yes"),
        bad(
            "--include prints one answer's status and headers",
            "--paginate",
            "-i",
            "/v1/customers"),
        bad(
            "the method 'FETCH' is not one of GET, POST, PUT, PATCH, DELETE",
            "FETCH",
            "/v1/customers"),
        bad("--method 'HEAD' is not one of", "--method", "HEAD", "/v1/customers"),
        bad("The method is given twice", "GET", "/v1/customers", "-X", "GET"),
        bad("is a word more", "GET", "/v1/customers", "extra"),
        bad("`api` needs a PATH", "-f", "a=b"),
        bad("PATH needs a value", ""),
        // output
        bad("--output 'xml' is not one of table, json, yaml, csv", "/v1/customers", "-o", "xml"),
        bad("is not a JMESPath expression", "/v1/customers", "--query", "[?"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void badInputIsRefusedWithExit2AndNothingIsSent(Case c) throws Exception {
    InProcessPcsh.Run r = pcsh.run(c.args().toArray(new String[0]));

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .startsWith("Error: ")
        .contains(c.expected())
        .contains("\n  Next: ")
        .doesNotContain("Exception", "\tat ");
    assertThat(r.out()).as(r.toString()).isEmpty();
    assertThat(wm.getAllServeEvents()).as("requests that reached Partner Center").isEmpty();
    assertThat(graph.getAllServeEvents()).as("requests that reached Graph").isEmpty();
  }
}
