package pcsh.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.failure.Failure;

/** The date range as typed, against a fixed clock: 2026-12-01 14:30 UTC. */
class AuditRangeTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:30:00Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @Test
  void theDefaultIsTheLastThirtyDaysTodayIncluded() {
    AuditRange r = AuditRange.parse(null, null, 30, CLOCK);

    assertThat(r).isEqualTo(new AuditRange(TODAY.minusDays(29), TODAY));
    assertThat(r.windows()).containsExactly(r);
  }

  @Test
  void daysCountTodayAndDatesAreUtcDays() {
    assertThat(AuditRange.parse("7d", null, 30, CLOCK).start()).isEqualTo(TODAY.minusDays(6));
    assertThat(AuditRange.parse("1D", null, 30, CLOCK).start()).isEqualTo(TODAY);
    assertThat(AuditRange.parse(" 2026-11-01 ", "2026-11-05", 30, CLOCK))
        .isEqualTo(new AuditRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5)));
  }

  @Test
  void ninetyDaysAreThreeWindowsOfAtMostThirtyNewestFirst() {
    AuditRange r = AuditRange.parse("90d", null, 30, CLOCK);

    assertThat(r.windows())
        .containsExactly(
            new AuditRange(TODAY.minusDays(29), TODAY),
            new AuditRange(TODAY.minusDays(59), TODAY.minusDays(30)),
            new AuditRange(TODAY.minusDays(89), TODAY.minusDays(60)));
    assertThat(AuditRange.parse("31d", null, 30, CLOCK).windows())
        .extracting(AuditRange::toString)
        .containsExactly("2026-11-02 to 2026-12-01", "2026-11-01");
  }

  @Test
  void theOldestStartIsTheFirstDayWhollyWithinNinetyDays() {
    assertThat(AuditRange.oldestStart(CLOCK)).isEqualTo(TODAY.minusDays(89));
    assertThat(
            AuditRange.oldestStart(
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)))
        .isEqualTo(TODAY.minusDays(90));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("91d", null, "--since 91d (2026-09-02) starts more than 90 days ago"),
        Arguments.of("2026-09-02", null, "--since 2026-09-02 starts more than 90 days ago"),
        Arguments.of("0d", null, "--since 0d covers no day"),
        Arguments.of("2026-12-02", null, "--since 2026-12-02 is in the future"),
        Arguments.of(null, "2026-12-02", "--until 2026-12-02 is in the future"),
        Arguments.of("2026-11-10", "2026-11-09", "--until 2026-11-09 is before the start"),
        Arguments.of("2026-13-01", null, "--since '2026-13-01' is not a number of days or a date"),
        Arguments.of("2026-02-30", null, "is not a number of days or a date"),
        Arguments.of("7 days", null, "is not a number of days or a date"),
        Arguments.of("-7d", null, "is not a number of days or a date"),
        Arguments.of("7d", "7d", "--until '7d' is not a date"),
        Arguments.of("11/01/2026", null, "is not a number of days or a date"),
        Arguments.of("\u001b[31m7d", null, "is not a number of days or a date"));
  }

  @ParameterizedTest(name = "--since {0} --until {1}")
  @MethodSource("refused")
  void anythingTheServiceWouldRefuseIsAUsageError(String since, String until, String message) {
    assertThatThrownBy(() -> AuditRange.parse(since, until, 30, CLOCK))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(e.getMessage()).contains(message).doesNotContain("\u001b");
              assertThat(e.nextStep()).isNotBlank();
            });
  }

  @Test
  void aRangeHoldsTheInstantsOfItsDays() {
    AuditRange r = new AuditRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));

    assertThat(r.contains(Instant.parse("2026-11-01T00:00:00Z"))).isTrue();
    assertThat(r.contains(Instant.parse("2026-11-02T23:59:59Z"))).isTrue();
    assertThat(r.contains(Instant.parse("2026-11-03T00:00:00Z"))).isFalse();
    assertThat(r.contains(Instant.parse("2026-10-31T23:59:59Z"))).isFalse();
  }
}
