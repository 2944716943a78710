package pcsh.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * Whole UTC days, from {@code start} to {@code end} inclusive, within what Partner Center keeps
 * (spec 14.1): a start no more than 90 days back, and requests of at most 30 days each.
 */
public record AuditRange(LocalDate start, LocalDate end) {

  /** How long Partner Center keeps audit records. */
  public static final Duration KEPT = Duration.ofDays(90);

  /** The most days one request may cover. */
  public static final int WINDOW_DAYS = 30;

  private static final Pattern DAYS = Pattern.compile("([0-9]{1,4})d", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** The last {@code days} days, today (UTC) included. */
  public static AuditRange lastDays(int days, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new AuditRange(today.minusDays(days - 1L), today);
  }

  /**
   * {@code --since} and {@code --until} as typed; null means the default: the last {@code
   * defaultDays} days, up to today. Anything Partner Center would refuse is refused here first, as
   * a usage error naming the option, so no request is sent.
   */
  public static AuditRange parse(String since, String until, int defaultDays, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate start = since == null ? lastDays(defaultDays, clock).start() : since(since, today);
    LocalDate end = until == null ? today : date("--until", until);
    if (start.isAfter(today)) {
      throw Failure.usage(
          "--since " + start + " is in the future (today is " + today + " UTC).",
          "give a past date, or a number of days such as --since 7d.");
    }
    if (end.isAfter(today)) {
      throw Failure.usage(
          "--until " + end + " is in the future (today is " + today + " UTC).",
          "leave --until out to read up to now.");
    }
    LocalDate oldest = oldestStart(clock);
    if (start.isBefore(oldest)) {
      throw Failure.usage(
          "--since "
              + Text.shown(since.strip())
              + (since.strip().equals(start.toString()) ? "" : " (" + start + ")")
              + " starts more than 90 days ago: Partner Center keeps audit records for 90 days.",
          "start on " + oldest + " or later (--since 90d).");
    }
    if (end.isBefore(start)) {
      throw Failure.usage(
          "--until " + end + " is before the start of the range (" + start + ").",
          "give an --until on or after --since.");
    }
    return new AuditRange(start, end);
  }

  /**
   * The earliest start date whose first moment is within the 90 days kept, so the service cannot
   * call it older than 90 days.
   */
  public static LocalDate oldestStart(Clock clock) {
    Instant limit = clock.instant().minus(KEPT);
    LocalDate d = LocalDate.ofInstant(limit, ZoneOffset.UTC);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(limit) ? d.plusDays(1) : d;
  }

  /** The range as requests of at most {@value #WINDOW_DAYS} days, newest first. */
  public List<AuditRange> windows() {
    List<AuditRange> out = new ArrayList<>();
    for (LocalDate e = end; !e.isBefore(start); ) {
      LocalDate s = e.minusDays(WINDOW_DAYS - 1L);
      if (s.isBefore(start)) s = start;
      out.add(new AuditRange(s, e));
      e = s.minusDays(1);
    }
    return out;
  }

  /** Whether {@code t} falls on one of the range's days. */
  public boolean contains(Instant t) {
    LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
    return !d.isBefore(start) && !d.isAfter(end);
  }

  @Override
  public String toString() {
    return start.equals(end) ? start.toString() : start + " to " + end;
  }

  private static LocalDate since(String value, LocalDate today) {
    Matcher m = DAYS.matcher(value.strip());
    if (!m.matches()) return date("--since", value);
    int days = Integer.parseInt(m.group(1));
    if (days < 1) {
      throw Failure.usage(
          "--since " + Text.shown(value) + " covers no day.",
          "give at least 1d (today), e.g. --since 7d.");
    }
    return today.minusDays(days - 1L);
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value.strip(), DATE);
    } catch (DateTimeParseException e) {
      throw Failure.usage(
          option
              + " '"
              + Text.shown(value)
              + "' is not "
              + (option.equals("--since") ? "a number of days or " : "")
              + "a date.",
          (option.equals("--since")
                  ? "use a number of days such as 7d (today and the 6 days before) or "
                  : "use ")
              + "a date such as 2026-11-01 (UTC, yyyy-MM-dd).");
    }
  }
}
