package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.api.Hostile.ID;
import static pcsh.api.Hostile.READ_TIMEOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.api.Hostile.Endpoint;
import pcsh.api.Hostile.Kind;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * Every read endpoint pcsh calls, answered with every hostile answer of the issue by a loopback
 * server: the client ends with one {@link PartnerCenterException} of a kind that says what
 * happened, the report the user sees (exit 1) has the ids and no stack trace or raw page, the wait
 * is bounded by the read timeout, no answer takes more than 8 MB, and a read is sent again only
 * where that can help (a 5xx, a timeout, a connection that broke), with the same MS-RequestId. An
 * unknown enum value is not a failure: it is kept as it came. (The writes: {@code
 * HostileWriteAnswersTest}.)
 */
class HostileAnswersTest {

  static Stream<Arguments> reads() {
    List<Arguments> all = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      if (e.write()) continue;
      for (Kind k : Kind.values()) all.add(Arguments.of(e, k));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} answering {1}")
  @MethodSource("reads")
  void aReadEndsInAClearFailureWithItsIdsAndIsRepeatedOnlyWhereThatCanHelp(Endpoint e, Kind kind)
      throws Exception {
    try (HostileServer server = HostileServer.start(r -> Hostile.route(r, e, kind))) {
      PartnerCenterClient client =
          Hostile.client(server.baseUrl(), new ExchangeLog(), Hostile.readTimeout(kind));

      long start = System.nanoTime();
      Object value = null;
      PartnerCenterException failure = null;
      try {
        value = call(e).apply(client);
      } catch (PartnerCenterException x) {
        failure = x;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      List<HostileServer.Received> sent = server.received().stream().filter(e::matches).toList();
      if (kind == Kind.UNKNOWN_ENUM) {
        assertThat(failure).as("an unknown value is kept, not an error").isNull();
        assertThat(String.valueOf(value)).containsAnyOf("wizard", "platinum", "Platinum", "448812");
        assertThat(sent).hasSize(1);
        return;
      }
      assertThat(failure).as("what the client threw").isNotNull();
      assertThat(failure.kind()).isEqualTo(expectedKind(kind));
      assertThat(failure.description()).contains(said(kind));
      assertThat(sent)
          .as("attempts")
          .hasSize(repeated(kind) ? 2 : 1)
          .extracting(r -> r.header("MS-RequestId"))
          .containsOnly(failure.requestId());
      ErrorReport report = ErrorReport.of(failure);
      assertThat(report.exitCode()).isEqualTo(ExitCode.FAILURE);
      assertThat(report.text())
          .contains(
              e.method + " ",
              "MS-CorrelationId: corr-hostile",
              "MS-RequestId:     " + failure.requestId(),
              "Next: ")
          .doesNotContain(
              "Exception", "java.", "\tat ", "<html", "<title", "hostile-test-token", "\uFFFD");
      assertThat(report.text().length()).as("report length").isLessThan(1200);
      assertThat(took)
          .as(
              "hang guard: the read timeout (%s) ends a trickling answer, which would take 90 s",
              READ_TIMEOUT)
          .isLessThan(pcsh.HangGuard.LIMIT);
      if (kind == Kind.FIFTY_MB) {
        assertThat(server.bodyBytesWritten()).as("bytes taken").isLessThan(24L * 1024 * 1024);
      }
    }
  }

  static Function<PartnerCenterClient, Object> call(Endpoint e) {
    return switch (e) {
      case LIST -> c -> c.customers(10, null);
      case NEXT_PAGE -> c -> c.nextCustomers("tok");
      case CUSTOMER -> c -> c.customer(ID);
      case LEGACY_GET -> c -> c.legacyQualification(ID);
      case V2_GET -> c -> c.qualifications(ID);
      case VALIDATIONS -> PartnerCenterClient::validationCodes;
      default -> throw new IllegalArgumentException(e + " is a write");
    };
  }

  static PartnerCenterException.Kind expectedKind(Kind kind) {
    return switch (kind) {
      case PROXY_HTML_502 -> PartnerCenterException.Kind.RESPONSE;
      case TRICKLE -> PartnerCenterException.Kind.TIMEOUT;
      case CLOSED_MID_BODY -> PartnerCenterException.Kind.CONNECTION;
      default -> PartnerCenterException.Kind.UNREADABLE;
    };
  }

  /** Sending a read again can help only when the failure may pass. */
  static boolean repeated(Kind kind) {
    return kind == Kind.PROXY_HTML_502 || kind == Kind.TRICKLE || kind == Kind.CLOSED_MID_BODY;
  }

  static String said(Kind kind) {
    return switch (kind) {
      case WRONG_TYPES, MISSING_FIELDS -> "the answer is JSON, but";
      case EMPTY -> "empty";
      case ERROR_BODY -> "error body (error 800003: Unexpected service error)";
      case INVALID_UTF8 -> "not UTF-8";
      case FIFTY_MB -> "larger than 8 MB";
      case PROXY_HTML_502 -> "an HTML page (Content-Type text/html): \"502 Bad Gateway\"";
      case TEXT_PLAIN -> "text that is not JSON (Content-Type text/plain): \"OK\"";
      case TRICKLE -> "read timeout";
      case CLOSED_MID_BODY -> "connection";
      case UNKNOWN_ENUM -> "";
    };
  }
}
