package pcsh.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pcsh.failure.Failure;

/** The value parsers: what each takes, and errors that name the option, the value and the form. */
class ValuesTest {

  @Test
  void integersAreDecimalDigitsInRange() {
    assertThat(Values.integer("--size", "1", 1, 500)).isEqualTo(1);
    assertThat(Values.integer("--size", "500", 1, 500)).isEqualTo(500);
    assertThat(Values.integer("--size", "007", 1, 500)).isEqualTo(7);
    assertThat(Values.integer("--port", "0", 0, 65535)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abc", "0x10", "-0", "-1", "+5", "1e3", " 5", "5 ", "1_0", "1.0", "５", "1,000"})
  void anythingButDigitsIsNotAWholeNumber(String v) {
    refused(
        () -> Values.integer("--size", v, 1, 500),
        "--size '",
        "' is not a whole number from 1 to 500.",
        "decimal digits only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "2147483648", "99999999999999999999"})
  void digitsOutOfRangeSaySo(String v) {
    refused(
        () -> Values.integer("--size", v, 1, 500),
        "--size " + v + " is out of range: give a whole number from 1 to 500.",
        "",
        "--size");
  }

  @Test
  void anEmptyValueOrAControlCharacterIsNamed() {
    refused(() -> Values.integer("--limit", "", 1, 9), "--limit needs a value.", "", "help");
    refused(() -> Values.text("--name", " "), "--name needs a value.", "", "help");
    refused(
        () -> Values.text("--name", "a\tb"), "--name contains a control character", "", "again");
    assertThat(Values.text("--name", " O'Brien \"&\" \\ ")).isEqualTo(" O'Brien \"&\" \\ ");
  }

  @Test
  void durationsHaveDigitsAndAUnit() {
    Duration max = Duration.ofDays(30);
    assertThat(Values.duration("--interval", "500ms", Duration.ZERO, max))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(Values.duration("--interval", "10s", Duration.ZERO, max))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(Values.duration("--interval", "10", Duration.ZERO, max))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(Values.duration("--interval", "5M", Duration.ZERO, max))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Values.duration("--interval", "1h", Duration.ZERO, max))
        .isEqualTo(Duration.ofHours(1));
    assertThat(Values.duration("--since", "7d", Duration.ZERO, max)).isEqualTo(Duration.ofDays(7));
    for (String bad : List.of("abc", "-5s", "1e3s", "0x10", "5 s", "1.5h", "5w", "s")) {
      refused(
          () -> Values.duration("--interval", bad, Duration.ZERO, max),
          "--interval '" + bad + "' is not a duration.",
          "",
          "500ms, 10s, 5m, 1h or 2d");
    }
    refused(
        () -> Values.duration("--timeout", "31d", Duration.ofSeconds(1), max),
        "--timeout 31d is out of range: give 1s to 30d.",
        "",
        "--timeout");
    refused(
        () -> Values.duration("--interval", "99999999999999h", Duration.ZERO, max),
        "--interval '99999999999999h' is not a duration.",
        "",
        "");
  }

  @Test
  void datesAndPointsInTime() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    assertThat(Values.date("--on", "2026-11-25")).isEqualTo(LocalDate.of(2026, 11, 25));
    refused(
        () -> Values.date("--on", "25/11/2026"),
        "--on '25/11/2026' is not a date.",
        "",
        "yyyy-MM-dd");
    assertThat(Values.pointInTime("--since", "2d", clock))
        .isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(Values.pointInTime("--since", "2026-11-25", clock))
        .isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(Values.pointInTime("--since", "2026-11-25T16:00:00Z", clock))
        .isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
    refused(
        () -> Values.pointInTime("--since", "yesterday", clock),
        "--since 'yesterday' is not a time.",
        "",
        "7d");
  }

  @Test
  void choicesAndOnOffTakeAnyCase() {
    assertThat(Values.choice("--output", "JSON", List.of("table", "json"))).isEqualTo("json");
    refused(
        () -> Values.choice("--output", "xml", List.of("table", "json")),
        "--output 'xml' is not one of table, json.",
        "",
        "--output table");
    assertThat(Values.onOff("debug", "ON")).isTrue();
    assertThat(Values.onOff("debug", "false")).isFalse();
    refused(
        () -> Values.onOff("debug", "maybe"),
        "debug takes on or off, not 'maybe'.",
        "",
        "debug on");
  }

  @Test
  void pathsAreTakenAsTypedAndCheckedWhenTheyMustExist(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("rows.csv"), "customer,kind\n");
    assertThat(Values.path("--from", " spaced name.csv")).isEqualTo(Path.of(" spaced name.csv"));
    assertThat(Values.existingFile("--from", file.toString())).isEqualTo(file);
    refused(
        () -> Values.existingFile("--from", dir.resolve("none.csv").toString()),
        "--from '",
        "no such readable file",
        "check the path");
    refused(
        () -> Values.existingFile("--from", dir.toString()),
        "--from '",
        "is a directory",
        "check the path");
    refused(
        () -> Values.fileToWrite("--to", dir.toString()), "--to '", "is a directory.", "file path");
    assertThat(Values.fileToWrite("--to", dir.resolve("out.txt").toString()))
        .isEqualTo(dir.resolve("out.txt"));
  }

  private static void refused(Runnable parse, String starts, String contains, String next) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(f.getMessage()).startsWith(starts).contains(contains);
              assertThat(f.nextStep()).contains(next);
            });
  }
}
