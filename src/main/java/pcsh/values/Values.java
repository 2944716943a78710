package pcsh.values;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * pcsh's parsers for what a user types as an option's value, the one place every command reads its
 * options through. Each takes the option's name as the user knows it (e.g. {@code --size}) and the
 * value exactly as typed, and returns the parsed value or raises a usage {@link Failure} (exit 2,
 * nothing sent) whose message names the option, quotes the value and states the accepted form.
 * Numbers are decimal digits only: no sign, no {@code 0x}, no exponent, no spaces.
 */
public final class Values {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)?");

  /** The accepted form of a duration, as messages and help state it. */
  public static final String DURATION_FORM = "a number and a unit: 500ms, 10s, 5m, 1h or 2d";

  private Values() {}

  /** Text that reaches the service or a file name: not empty, no control characters; verbatim. */
  public static String text(String option, String value) {
    if (value == null || value.isBlank()) {
      throw Failure.usage(option + " needs a value.", "see `help` for the command's options.");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw Failure.usage(
          option + " contains a control character (a tab, a newline or another invisible one).",
          "type the value again without it.");
    }
    return value;
  }

  /** A whole number from {@code min} to {@code max}, in decimal digits. */
  public static int integer(String option, String value, int min, int max) {
    String v = text(option, value);
    String form = "a whole number from " + min + " to " + max;
    if (!DIGITS.matcher(v).matches()) {
      throw Failure.usage(
          option + " '" + Text.shown(v) + "' is not " + form + ".",
          "give decimal digits only, e.g. "
              + option
              + " "
              + Math.max(min, Math.min(max, 10))
              + ".");
    }
    long n = v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v);
    if (n < min || n > max) {
      throw Failure.usage(
          option + " " + Text.shown(v) + " is out of range: give " + form + ".",
          "e.g. " + option + " " + Math.max(min, Math.min(max, 10)) + ".");
    }
    return (int) n;
  }

  /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} or {@code 2d}. */
  public static Duration duration(String option, String value, Duration min, Duration max) {
    String v = text(option, value);
    Duration d =
        parseDuration(v)
            .orElseThrow(
                () ->
                    Failure.usage(
                        option + " '" + Text.shown(v) + "' is not a duration.",
                        "give " + DURATION_FORM + ", e.g. " + option + " 30s."));
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw Failure.usage(
          option
              + " "
              + Text.shown(v)
              + " is out of range: give "
              + human(min)
              + " to "
              + human(max)
              + ".",
          "e.g. " + option + " 30s.");
    }
    return d;
  }

  /**
   * A duration as settings and options write it: digits and an optional unit ({@code ms}, {@code
   * s}, {@code m}, {@code h}, {@code d}; none means seconds). Empty when it is anything else.
   */
  public static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    if (!m.matches()) return Optional.empty();
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    try {
      return Optional.of(
          switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
          });
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** A calendar date, {@code yyyy-MM-dd}. */
  public static LocalDate date(String option, String value) {
    String v = text(option, value);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw Failure.usage(
          option + " '" + Text.shown(v) + "' is not a date.",
          "give the date as yyyy-MM-dd, e.g. " + option + " 2026-11-25.");
    }
  }

  /**
   * A point in time: a duration that long ago ({@code 7d}), a date (its start, UTC), or an ISO-8601
   * instant ({@code 2026-11-25T16:00:00Z}).
   */
  public static Instant pointInTime(String option, String value, Clock clock) {
    String v = text(option, value);
    Optional<Duration> ago = parseDuration(v);
    try {
      if (ago.isPresent()) return clock.instant().minus(ago.get());
      if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Instant.parse(v);
    } catch (DateTimeException | ArithmeticException e) {
      throw Failure.usage(
          option + " '" + Text.shown(v) + "' is not a time.",
          "give a duration ago (7d, 12h), a date (2026-11-25) or a time (2026-11-25T16:00:00Z).");
    }
  }

  /**
   * One of a fixed set of values, in any case; returns it as the set spells it. {@code option} is
   * how the user names what they typed ({@code --output}, or {@code output} for a bare word).
   */
  public static String choice(String option, String value, List<String> choices) {
    String v = text(option, value);
    for (String c : choices) {
      if (c.equalsIgnoreCase(v)) return c;
    }
    throw Failure.usage(
        option + " '" + Text.shown(v) + "' is not one of " + String.join(", ", choices) + ".",
        "use " + option + " " + choices.get(0) + " (or another of those).");
  }

  /** {@code on} or {@code off} ({@code true} and {@code false} are taken too). */
  public static boolean onOff(String option, String value) {
    String v = text(option, value);
    String l = v.toLowerCase(Locale.ROOT);
    if (l.equals("on") || l.equals("true")) return true;
    if (l.equals("off") || l.equals("false")) return false;
    throw Failure.usage(
        option + " takes on or off, not '" + Text.shown(v) + "'.",
        "run `" + option + " on` or `" + option + " off`.");
  }

  /** A file system path, as typed (relative paths are taken from the working directory). */
  public static Path path(String option, String value) {
    String v = text(option, value);
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw Failure.usage(
          option + " '" + Text.shown(v) + "' is not a path.",
          "give the path of a file, e.g. ./file.csv.");
    }
  }

  /** A path to a file that exists and can be read. */
  public static Path existingFile(String option, String value) {
    Path p = path(option, value);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw Failure.usage(
          option
              + " '"
              + Text.shown(value)
              + "': "
              + (Files.isDirectory(p) ? "is a directory" : "no such readable file")
              + ".",
          "check the path; a relative path is taken from " + Path.of("").toAbsolutePath() + ".");
    }
    return p;
  }

  /** A path pcsh may write a file to: not a directory. */
  public static Path fileToWrite(String option, String value) {
    Path p = path(option, value);
    if (Files.isDirectory(p)) {
      throw Failure.usage(
          option + " '" + Text.shown(value) + "' is a directory.",
          "give a file path to " + option + ".");
    }
    return p;
  }

  private static String human(Duration d) {
    if (d.toMillis() < 1000) return d.toMillis() + "ms";
    if (d.toSeconds() < 60 || d.toSeconds() % 60 != 0) return d.toSeconds() + "s";
    if (d.toMinutes() < 60 || d.toMinutes() % 60 != 0) return d.toMinutes() + "m";
    if (d.toHours() < 24 || d.toHours() % 24 != 0) return d.toHours() + "h";
    return d.toDays() + "d";
  }
}
