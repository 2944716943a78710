package pcsh.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.api.Hostile.ID;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.api.ExchangeLog;
import pcsh.api.Hostile;
import pcsh.api.Hostile.Endpoint;
import pcsh.api.Hostile.Kind;
import pcsh.api.HostileServer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRequest;
import pcsh.api.QualificationValue;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * Both writes (the legacy PUT and the V2 POST) answered with every hostile answer of the issue: the
 * write goes out once, with the MS-RequestId journalled before it; an answer pcsh can use is the
 * outcome, and any other (unreadable, a gateway's 502, a trickle past the read timeout, a
 * connection that broke mid-answer) is settled by reading the qualification back, never by sending
 * again. The server "applies" the write when it arrives, or not, so both read-back results are
 * seen.
 */
class HostileWriteAnswersTest {

  static Stream<Arguments> writes() {
    List<Arguments> all = new ArrayList<>();
    for (Endpoint e : List.of(Endpoint.LEGACY_PUT, Endpoint.V2_POST)) {
      for (Kind k : Kind.values()) {
        all.add(Arguments.of(e, k, true));
        all.add(Arguments.of(e, k, false));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} answering {1}, applied: {2}")
  @MethodSource("writes")
  void aWriteIsSentOnceAndAnAnswerItCannotUseIsReadBack(Endpoint e, Kind kind, boolean applies)
      throws Exception {
    AtomicBoolean applied = new AtomicBoolean();
    QualificationKind target =
        e == Endpoint.LEGACY_PUT
            ? QualificationKind.EDUCATION
            : QualificationKind.STATE_OWNED_ENTITY;
    try (HostileServer server =
        HostileServer.start(
            r -> {
              if (e.matches(r) && applies) applied.set(true);
              if (applied.get() && Endpoint.LEGACY_GET.matches(r))
                return HostileServer.json(
                    200, target == QualificationKind.EDUCATION ? "\"education\"" : "\"none\"");
              if (applied.get() && Endpoint.V2_GET.matches(r))
                return HostileServer.json(
                    200, "[{\"qualification\":\"" + target.apiName() + "\"}]");
              return Hostile.route(r, e, kind);
            })) {
      Path home = Files.createTempDirectory("pcsh-hostile-write");
      WriteJournal journal = new WriteJournal(home.resolve("journal.jsonl"));
      PartnerCenterClient client =
          Hostile.client(server.baseUrl(), new ExchangeLog(), Hostile.readTimeout(kind));
      QualificationWriter writer = new QualificationWriter(client, journal, (id, s) -> {});
      QualificationWrite write =
          e == Endpoint.LEGACY_PUT
              ? QualificationWrite.legacy(QualificationKind.EDUCATION, null)
              : QualificationWrite.v2(QualificationRequest.stateOwnedEntity());
      QualificationState before =
          new QualificationState(
              Optional.of(QualificationValue.of("none")), Optional.of(List.of()));
      String requestId = PartnerCenterClient.newRequestId();

      long start = System.nanoTime();
      QualificationWriter.Outcome outcome = null;
      RuntimeException failure = null;
      try {
        outcome = writer.send(ID, write, before, requestId, QualificationWriter.Throttled.NEVER);
      } catch (RuntimeException x) {
        failure = x;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(server.received().stream().filter(e::matches))
          .as("the write went out once, with the journalled MS-RequestId")
          .singleElement()
          .satisfies(r -> assertThat(r.header("MS-RequestId")).isEqualTo(requestId));
      WriteJournal.Entry entry = journal.entries().get(0);
      assertThat(entry.requestId()).isEqualTo(requestId);
      assertThat(took)
          .as(
              "hang guard: the read timeout (%s) ends a trickling answer, which would take 90 s",
              Hostile.READ_TIMEOUT)
          .isLessThan(pcsh.HangGuard.LIMIT);
      boolean usable =
          kind == Kind.UNKNOWN_ENUM || (kind == Kind.EMPTY && e == Endpoint.LEGACY_PUT);
      if (usable) {
        assertThat(failure).isNull();
        assertThat(entry.result()).isEqualTo("APPLIED");
        assertThat(outcome.sent()).isPresent();
      } else if (applies) {
        assertThat(failure).as("a write that took effect is no failure").isNull();
        assertThat(entry.result()).isEqualTo("APPLIED_AFTER_NO_ANSWER");
        assertThat(outcome.sent()).isEmpty();
        assertThat(outcome.noAnswer().requestId()).isEqualTo(requestId);
        assertThat(outcome.noAnswer().mayHaveTakenEffect()).isTrue();
      } else {
        assertThat(entry.result()).isEqualTo("NOT_APPLIED_AFTER_NO_ANSWER");
        ErrorReport report = ErrorReport.of(failure);
        assertThat(report.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(report.text())
            .contains("did NOT take effect", "MS-RequestId:     " + requestId, "Next: ")
            .doesNotContain("Exception", "java.", "\tat ", "<html");
      }
    }
  }
}
