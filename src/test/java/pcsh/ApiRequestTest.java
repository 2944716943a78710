package pcsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.ApiFixture.CUSTOMER;
import static pcsh.ApiFixture.hasPcshHeaders;
import static pcsh.ApiFixture.only;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api}: the exact request each option makes (method, path, query, headers, body), as
 * WireMock received it, through the one-shot path the jar takes.
 */
class ApiRequestTest {

  static final String BODY = "{\"totalCount\":1,\"items\":[{\"id\":\"s1\",\"quantity\":5}]}";

  static final WireMockServer wm = ApiFixture.partnerCenter();
  static final WireMockServer graph = ApiFixture.graph();

  static InProcessPcsh pcsh;

  @BeforeAll
  static void start() throws Exception {
    pcsh = ApiFixture.pcsh();
  }

  @BeforeEach
  void stub() {
    ApiFixture.reset();
    wm.stubFor(any(anyUrl()).willReturn(okJson(BODY)));
  }

  @Test
  void aPathWithTheCustomerIsAGetWithPcshsHeadersAndTheBodyIsPrettyPrinted() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run("api", "/v1/customers/{customer}/subscriptions", "--customer", CUSTOMER);

    assertThat(r.exit()).as(r.toString()).isZero();
    LoggedRequest sent = only(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl()).isEqualTo("/v1/customers/" + CUSTOMER + "/subscriptions");
    hasPcshHeaders(sent);
    assertThat(sent.getBodyAsString()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new ObjectMapper().readTree(BODY))
                + "\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aPathWithoutItsSlashAndAnAbsoluteUrlOnTheBaseUrlsOriginGoWhereTheySay() throws Exception {
    pcsh.run("api", "v1/customers");
    pcsh.run("api", wm.baseUrl() + "/v1/customers?size=1");

    assertThat(ApiFixture.received(wm))
        .extracting(LoggedRequest::getUrl)
        .containsExactly("/v1/customers", "/v1/customers?size=1");
  }

  @Test
  void theMethodAsTheFirstWordAndRawFieldsMakeAJsonBody() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "PATCH",
            "/v1/servicerequests/42",
            "-f",
            "status=closed",
            "-f",
            "newNote=it's 1 \"thing\"",
            "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    LoggedRequest sent = only(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("PATCH");
    assertThat(sent.getUrl()).isEqualTo("/v1/servicerequests/42");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(sent.getBodyAsString())
        .isEqualTo("{\"status\":\"closed\",\"newNote\":\"it's 1 \\\"thing\\\"\"}");
    hasPcshHeaders(sent);
  }

  @Test
  void typedFieldsAreJsonValuesAndKeysNestAndList() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "-X",
            "PUT",
            "/v1/things/1",
            "-F",
            "n=5",
            "-F",
            "d=1.50",
            "-F",
            "b=true",
            "-F",
            "z=null",
            "-F",
            "s=abc",
            "-F",
            "o[k]=v",
            "-F",
            "l[]=1",
            "-F",
            "l[]=two",
            "-f",
            "t=true",
            "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    LoggedRequest sent = only(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("PUT");
    assertThat(sent.getBodyAsString())
        .isEqualTo(
            "{\"t\":\"true\",\"n\":5,\"d\":1.50,\"b\":true,\"z\":null,\"s\":\"abc\","
                + "\"o\":{\"k\":\"v\"},\"l\":[1,\"two\"]}");
  }

  @Test
  void fieldsWithoutAMethodArePostedAndAFileFieldIsItsJson() throws Exception {
    Path file = Files.createTempFile("api-field", ".json");
    Files.writeString(file, "{\"skuId\": \"0001\", \"count\": 3}\n");

    InProcessPcsh.Run r = pcsh.run("api", "/v1/orders", "-F", "product=@" + file, "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    LoggedRequest sent = only(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getBodyAsString()).isEqualTo("{\"product\":{\"skuId\":\"0001\",\"count\":3}}");
  }

  @Test
  void inputSendsAFileAsItIs() throws Exception {
    Path file = Files.createTempFile("api-input", ".json");
    Files.writeString(file, "3");

    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "PUT",
            "/v1/customers/" + CUSTOMER + "/qualification?code=448812",
            "--input",
            file.toString(),
            "--yes");

    assertThat(r.exit()).as(r.toString()).isZero();
    LoggedRequest sent = only(wm);
    assertThat(sent.getUrl()).isEqualTo("/v1/customers/" + CUSTOMER + "/qualification?code=448812");
    assertThat(sent.getBodyAsString()).isEqualTo("3");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aGetsFieldsAreItsQueryAndARepeatedKeyIsSentTwice() throws Exception {
    InProcessPcsh.Run r =
        pcsh.run(
            "api",
            "GET",
            "/v1/customers/" + CUSTOMER + "/subscribedskus",
            "-f",
            "licenseGroupIds=Group1",
            "-f",
            "licenseGroupIds=Group2",
            "-f",
            "name=a b&c",
            "-F",
            "size=10");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(only(wm).getUrl())
        .isEqualTo(
            "/v1/customers/"
                + CUSTOMER
                + "/subscribedskus?licenseGroupIds=Group1&licenseGroupIds=Group2&name=a%20b%26c"
                + "&size=10");
  }

  @Test
  void headersAreAddedAndReplaceADefaultOfTheSameName() throws Exception {
    pcsh.run(
        "api", "/v1/customers", "-H", "X-Locale: en-GB", "--header", "accept: application/xml");

    LoggedRequest sent = only(wm);
    assertThat(sent.getHeader("X-Locale")).isEqualTo("en-GB");
    assertThat(sent.getHeaders().getHeader("Accept").values()).containsExactly("application/xml");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + ApiFixture.TOKEN);
  }

  @Test
  void includePrintsTheStatusLineAndTheHeadersBeforeTheBody() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/profiles/organization"))
            .willReturn(okJson("{\"id\":\"p\"}").withHeader("MS-CV", "abc.0")));

    InProcessPcsh.Run r = pcsh.run("api", "/v1/profiles/organization", "-i");

    // the JDK's HTTP client hands the names over in lower case
    assertThat(r.out()).startsWith("HTTP/1.1 200 OK\n").contains("\nms-cv: abc.0\n");
    assertThat(r.out()).endsWith("\n\n{\n  \"id\" : \"p\"\n}\n");
  }

  @Test
  void outputFormatsAndTheQueryWorkOnACollectionsItems() throws Exception {
    assertThat(pcsh.run("api", "/v1/x", "-o", "json").out()).isEqualTo(BODY + "\n");
    assertThat(pcsh.run("api", "/v1/x", "-o", "csv").out()).isEqualTo("id,quantity\ns1,5\n");
    assertThat(pcsh.run("api", "/v1/x", "-o", "yaml").out()).isEqualTo("- id: s1\n  quantity: 5\n");
    assertThat(pcsh.run("api", "/v1/x", "-o", "table").out()).isEqualTo("ID  QUANTITY\ns1  5\n");
    assertThat(pcsh.run("api", "/v1/x", "--query", "[].id").out()).isEqualTo("[ \"s1\" ]\n");
    assertThat(pcsh.run("api", "/v1/x", "--query", "[].id", "-o", "json").out())
        .isEqualTo("[\"s1\"]\n");
  }

  @Test
  void aNoContentAnswerPrintsNothingAndTextIsPrintedAsItCame() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/v1/empty")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get(urlPathEqualTo("/v1/text"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("a,b\n1,2\n")));

    InProcessPcsh.Run empty = pcsh.run("api", "/v1/empty");
    InProcessPcsh.Run text = pcsh.run("api", "/v1/text");

    assertThat(empty.exit()).isZero();
    assertThat(empty.out()).isEmpty();
    assertThat(text.out()).isEqualTo("a,b\n1,2\n");
  }
}
