package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * The bad-input corpus of `qualify bulk`: CSV files and options pcsh refuses as a whole before it
 * sends anything, each a usage error (exit 2) naming the line or the option and the accepted form,
 * with a next step; the WireMock service behind the command sees no request at all.
 */
class BulkCsvCorpusTest extends BadInputFixture {

  static final String ID = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String OTHER = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String HEADER = "customer,kind,code,segment,website\n";

  static Stream<Arguments> files() {
    List<Arguments> c = new ArrayList<>();
    c.add(file("an empty file", "", "has no header row and no rows"));
    c.add(file("only comments and blanks", "# rows\n\n   \n# more\n", "has no header row"));
    c.add(file("a header and no rows", HEADER, "has a header but no rows"));
    c.add(
        file(
            "an unknown column",
            "customer,kind,colour\n" + ID + ",soe,red\n",
            "unknown column 'colour'"));
    c.add(
        file(
            "a column twice",
            "customer,kind,kind\n" + ID + ",soe,soe\n",
            "the column kind appears twice"));
    c.add(file("no customer column", "kind,code\nsoe,\n", "the header has no customer column"));
    c.add(file("no kind column", "customer\n" + ID + "\n", "the header has no kind column"));
    c.add(file("a header of data", ID + ",soe\n" + OTHER + ",soe\n", "unknown column"));
    c.add(file("a row without customer", HEADER + ",soe,,,\n", "line 2: no customer"));
    c.add(file("a row without kind", HEADER + ID + ",,,,\n", "line 2: no kind"));
    c.add(
        file(
            "a near-miss id", HEADER + ID.substring(1) + "x,soe,,,\n", "is neither a customer id"));
    c.add(file("an id in braces", HEADER + "{" + ID + "},soe,,,\n", "is neither a customer id"));
    c.add(file("a path for a customer", HEADER + "../../v1/customers,soe,,,\n", "is neither"));
    c.add(file("SQL for a customer", HEADER + "' OR 1=1 --,soe,,,\n", "is neither"));
    c.add(file("a URL for a customer", HEADER + "https://contoso.example,soe,,,\n", "is neither"));
    c.add(
        file(
            "a domain of 300 characters",
            HEADER + "a".repeat(290) + ".example,soe,,,\n",
            "is neither"));
    c.add(
        file(
            "a domain label of 64 characters",
            HEADER + "a".repeat(64) + ".example,soe,,,\n",
            "is neither"));
    c.add(
        file(
            "a bell in the customer",
            HEADER + "\"contoso\u0007.example\",soe,,,\n",
            "control character"));
    c.add(
        file(
            "a NUL in the customer",
            HEADER + "contoso\u0000.example,soe,,,\n",
            "control character"));
    c.add(
        file(
            "a fullwidth digit in an id",
            HEADER + "\uff13" + ID.substring(1) + ",soe,,,\n",
            "is neither"));
    c.add(file("kind platinum", HEADER + ID + ",platinum,,,\n", "unknown kind 'platinum'"));
    c.add(file("kind none", HEADER + ID + ",none,,,\n", "cannot be set to none"));
    c.add(file("kind Nonprofit", HEADER + ID + ",Nonprofit,,,\n", "cannot be set to Nonprofit"));
    c.add(file("kind as a number", HEADER + ID + ",3,,,\n", "unknown kind '3'"));
    c.add(file("gcc without a code", HEADER + ID + ",gcc,,,\n", "gcc needs a code"));
    c.add(
        file("a code with a blank", HEADER + ID + ",gcc,44 8812,,\n", "is not a validation code"));
    c.add(
        file(
            "a code with URL metacharacters",
            HEADER + ID + ",gcc,448812&code=1,,\n",
            "is not a validation code"));
    c.add(
        file(
            "a code of 65 characters",
            HEADER + ID + ",gcc," + "x".repeat(65) + ",,\n",
            "is not a validation code"));
    c.add(file("a code for soe", HEADER + ID + ",soe,448812,,\n", "a code is only for gcc"));
    c.add(
        file(
            "a code for education",
            HEADER + ID + ",education,448812,,\n",
            "a code is only for gcc"));
    c.add(
        file(
            "a segment for soe",
            HEADER + ID + ",soe,,K12,\n",
            "segment and website are only for education"));
    c.add(
        file(
            "a website for gcc",
            HEADER + ID + ",gcc,448812,,school.example\n",
            "only for education"));
    c.add(
        file(
            "segment K13",
            HEADER + ID + ",education,,K13,\n",
            "segment 'K13' is not an education segment"));
    c.add(
        file(
            "a website without segment",
            HEADER + ID + ",education,,,school.example\n",
            "a website needs a segment"));
    c.add(
        file(
            "a javascript website",
            HEADER + ID + ",education,,K12,javascript:alert(1)\n",
            "is not a website address"));
    c.add(
        file(
            "a website with a line break",
            HEADER + ID + ",education,,K12,\"school.example\nX: 1\"\n",
            "is not a website address"));
    c.add(
        file(
            "too many fields", HEADER + ID + ",soe,,,,,extra\n", "7 fields, but the header has 5"));
    c.add(file("an unclosed quote", HEADER + "\"" + ID + ",soe,,,\n", "not a valid CSV row"));
    c.add(
        file(
            "the same customer twice",
            HEADER + ID + ",soe,,,\n" + ID + ",education,,,\n",
            "is also on line 2"));
    c.add(
        file(
            "the same id in two cases",
            HEADER + ID + ",soe,,,\n" + ID.toUpperCase() + ",soe,,,\n",
            "is also on line 2"));
    c.add(
        file(
            "two bad rows of three",
            HEADER + ID + ",soe,,,\nx,soe,,,\n" + OTHER + ",none,,,\n",
            "2 of 3 rows"));
    c.add(
        Arguments.of(
            "bytes that are not UTF-8",
            new byte[] {
              'c',
              'u',
              's',
              't',
              'o',
              'm',
              'e',
              'r',
              ',',
              'k',
              'i',
              'n',
              'd',
              '\n',
              (byte) 0xff,
              (byte) 0xfe,
              ',',
              's',
              'o',
              'e',
              '\n'
            },
            "is neither"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aBadFileIsRefusedWholeWithItsLinesAndSendsNothing(String name, byte[] csv, String message)
      throws Exception {
    Path input = Files.write(home.resolve("input.csv"), csv);

    assertThatThrownBy(() -> bulk().bulk(input.toString(), null, null, true, false, false))
        .isInstanceOfSatisfying(Failure.class, f -> refused(f, message));
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  static Stream<Arguments> options() {
    return Stream.of(
        option("no --from", o -> o.from = null, "qualify bulk needs --from FILE"),
        option("a blank --from", o -> o.from = "  ", "qualify bulk needs --from FILE"),
        option(
            "--from with a newline",
            o -> o.from = "in.csv\nx",
            "--from contains a control character"),
        option("--from a missing file", o -> o.from = "missing.csv", "does not exist"),
        option("--from a directory", o -> o.from = ".", "is a directory"),
        option(
            "--results the input", o -> o.results = o.from, "--results must not be the input file"),
        option("--results a directory", o -> o.results = o.dir, "is a directory"),
        option(
            "--results with a tab",
            o -> o.results = "out\t.csv",
            "--results contains a control character"),
        option(
            "--concurrency 0",
            o -> o.concurrency = "0",
            "--concurrency 0 is out of range: give a whole number from 1 to 16"),
        option("--concurrency 17", o -> o.concurrency = "17", "whole number from 1 to 16"),
        option("--concurrency -1", o -> o.concurrency = "-1", "whole number from 1 to 16"),
        option("--concurrency four", o -> o.concurrency = "four", "whole number from 1 to 16"),
        option("--concurrency 1e1", o -> o.concurrency = "1e1", "whole number from 1 to 16"),
        option("--concurrency 0x4", o -> o.concurrency = "0x4", "whole number from 1 to 16"),
        option("no --yes without a terminal", o -> o.yes = false, "without confirmation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void aBadOptionIsRefusedAndSendsNothing(
      String name, java.util.function.Consumer<Options> bad, String message) throws Exception {
    Path input = Files.writeString(home.resolve("in.csv"), HEADER + ID + ",soe,,,\n");
    Options o = new Options(input.toString(), home.toString());
    bad.accept(o);
    String from =
        o.from == null || o.from.isBlank() || o.from.contains("\n") || o.from.startsWith("/")
            ? o.from
            : home.resolve(o.from).toString();

    assertThatThrownBy(() -> bulk().bulk(from, o.results, o.concurrency, o.yes, false, false))
        .isInstanceOfSatisfying(Failure.class, f -> refused(f, message));
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  /** The options of one `qualify bulk`, changed by a case. */
  static final class Options {
    String from;
    String results;
    String concurrency;
    boolean yes = true;
    final String dir;

    Options(String from, String dir) {
      this.from = from;
      this.dir = dir;
    }
  }

  private BulkQualifyCommands bulk() {
    return fixture.bulk(Map.of(pcsh.session.Settings.HOME, home.toString()));
  }

  private static void refused(Failure f, String message) {
    assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
    assertThat(ErrorReport.of(f).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.getMessage()).contains(message);
    assertThat(f.nextStep()).isNotBlank();
    assertThat(ErrorReport.of(f).text()).doesNotContain("\u0000", "\u0007", "Exception", "java.");
  }

  private static Arguments file(String name, String csv, String message) {
    return Arguments.of(name, csv.getBytes(StandardCharsets.UTF_8), message);
  }

  private static Arguments option(
      String name, java.util.function.Consumer<Options> bad, String message) {
    return Arguments.of(name, bad, message);
  }
}
