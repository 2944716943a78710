package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pcsh.failure.Failure;
import pcsh.shell.ErrorReport;
import pcsh.shell.ExitCode;

/**
 * More of the bad-input corpus (with {@link BadInputTest}, over 80 cases): malformed and near-miss
 * GUIDs, unicode and control characters, CR/LF that could reach a header, very long values, URL and
 * JSON metacharacters, negative and huge sizes, bad settings of the support and emulator commands.
 * Each is refused as a usage error with a next step and nothing reaches the service. {@link
 * FilterMetacharactersTest} covers the filter values that are legitimate text.
 */
class BadInputCorpusTest extends BadInputFixture {

  static Stream<Arguments> refused() {
    List<Arguments> cases = new ArrayList<>();
    String[] ids = {
      "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e1g",
      "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e111",
      "{3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11}",
      "3f1c2a7e_5b0d_4e8a_9c61_2d7f0a9b4e11",
      "\uff13f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11",
      ID + "\r\nX-Injected: 1",
      "../../v1/customers",
      ID + "?x=1",
      ID + "/qualification",
      "%2e%2e%2f",
      "' OR 1=1 --",
      "a".repeat(10_000),
      ID + "\u0000",
      "3f1c2a7e\u20105b0d\u20104e8a\u20109c61\u20102d7f0a9b4e11",
      "\u202e" + ID,
      "3f1c2a7e-5b0d\u200b-4e8a-9c61-2d7f0a9b4e11"
    };
    int i = 0;
    for (String id : ids) {
      int which = i++ % 5;
      String label =
          "customer id #"
              + i
              + " ("
              + Inputs.shown(id).substring(0, Math.min(24, Inputs.shown(id).length()))
              + ")";
      cases.add(
          bad(
              label,
              id.codePoints().anyMatch(Character::isISOControl)
                  ? "--customer contains a control character"
                  : "is not a customer id",
              c -> {
                switch (which) {
                  case 0 -> c.customers().show(id, null, null);
                  case 1 -> c.qualification().show(id, false, null, null);
                  case 2 -> c.qualification().soe(id, true, false, null, null);
                  case 3 -> c.qualification().education(null, null, id, true, false, null, null);
                  default -> c.qualification().gcc("448812", id, true, false, null, null);
                }
              }));
    }
    String[][] codes = {
      {"448812\r\n", "control character"}, {"448812\nX-Injected: 1", "control character"},
      {"448812;rm", "is not a validation code"}, {"448812\"", "is not a validation code"},
      {"{\"a\":1}", "is not a validation code"}, {"%34%34", "is not a validation code"},
      {"x".repeat(65), "is not a validation code"}, {"\uff9f448812", "is not a validation code"},
      {"448812#frag", "is not a validation code"}, {"../448812", "is not a validation code"},
      {"448812/../x", "is not a validation code"}, {"448812\t", "control character"}
    };
    for (String[] code : codes) {
      cases.add(
          bad(
              "gcc code "
                  + Inputs.shown(code[0])
                      .substring(0, Math.min(16, Inputs.shown(code[0]).length())),
              code[1],
              c -> c.qualification().gcc(code[0], ID, true, false, null, null)));
    }
    for (String size : new String[] {"2147483647", "99999999999999999999", "1000000"}) {
      cases.add(
          bad(
              "--size " + size,
              "out of range",
              c -> c.customers().list(size, false, null, null, null, null)));
    }
    for (String size :
        new String[] {"-2147483648", "abc", "0x10", "-0", "1e3", "+5", " 5", "5 ", "５", "1_0"}) {
      cases.add(
          bad(
              "--size " + size,
              "is not a whole number from 1 to 500",
              c -> c.customers().list(size, false, null, null, null, null)));
    }
    for (String name :
        new String[] {"con\r\ntoso", "con\u0000toso", "\u001b[31mcontoso", "contoso\u0085"}) {
      cases.add(
          bad(
              "--name with control "
                  + (int) name.chars().filter(Character::isISOControl).findFirst().getAsInt(),
              "control character",
              c -> c.customers().list(null, false, name, null, null, null)));
    }
    cases.add(
        bad(
            "--domain with a newline",
            "control character",
            c -> c.customers().list(null, false, null, "contoso.example\nX: 1", null, null)));
    cases.add(
        bad(
            "--domain with a tab",
            "control character",
            c -> c.customers().list(null, false, null, "contoso\t.example", null, null)));
    cases.add(
        bad(
            "--name blank",
            "--name needs a value",
            c -> c.customers().list(null, false, " ", null, null, null)));
    cases.add(
        bad(
            "--domain empty",
            "--domain needs a value",
            c -> c.customers().list(null, false, null, "", null, null)));
    for (String seg : new String[] {"K12; DROP", "\uff2b\uff11\uff12", " "}) {
      cases.add(
          bad(
              "segment " + Inputs.shown(seg),
              seg.isBlank() ? "--segment needs a value" : "is not an education segment",
              c -> c.qualification().education(seg, null, ID, true, false, null, null)));
    }
    for (String site :
        new String[] {
          "javascript:alert(1)",
          "http://exa mple.com",
          "a".repeat(3000) + ".example",
          "ftp://fabrikam.example"
        }) {
      cases.add(
          bad(
              "website " + Inputs.shown(site).substring(0, Math.min(20, site.length())),
              "is not a website address",
              c -> c.qualification().education("K12", site, ID, true, false, null, null)));
    }
    cases.add(
        bad(
            "website with CR/LF",
            "control character",
            c ->
                c.qualification()
                    .education("K12", "fabrikam.example\r\nX: y", ID, true, false, null, null)));
    cases.add(
        bad(
            "output format with NUL",
            "--output contains a control character",
            c -> c.customers().list(null, false, null, null, "tab\u0000le", null)));
    for (String q : new String[] {"[?name=='a'", "`", "&&"}) {
      cases.add(
          bad(
              "query " + q,
              "is not a JMESPath expression",
              c -> c.customers().list(null, false, null, null, "json", q)));
    }
    cases.add(
        bad(
            "use customer with a bell character",
            "control character",
            c -> c.customers().use(new String[] {"contoso\u0007"})));
    cases.add(
        bad(
            "sessions show a path",
            "No session",
            c -> c.support().sessionsShow("../../etc/passwd")));
    cases.add(
        bad(
            "sessions show with a newline",
            "control character",
            c -> c.support().sessionsShow("x\ny")));
    cases.add(
        bad(
            "support bundle --id a path",
            "No session",
            c -> {
              try {
                c.support().bundle("../x", null);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            }));
    for (String limit : new String[] {"0", "100001"}) {
      cases.add(bad("journal --limit " + limit, "out of range", c -> c.support().journal(limit)));
    }
    for (String limit : new String[] {"-1", "0x10", "1e3", "twenty"}) {
      cases.add(
          bad(
              "journal --limit " + limit,
              "is not a whole number",
              c -> c.support().journal(limit)));
    }
    cases.add(bad("debug maybe", "takes on or off", c -> c.support().debug("maybe")));
    cases.add(bad("show-request 1", "takes on or off", c -> c.support().showRequest("1")));
    for (String spec :
        new String[] {"throttle=2", "seed=x", "latency=-5ms@0.1", "bogus=1", "5xx=0.1\n"}) {
      cases.add(
          bad(
              "emulator faults " + Inputs.shown(spec),
              spec.contains("\n") ? "control character" : "is not valid",
              c -> c.emulator().faults(spec)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedWithExit2AndSendsNothing(String name, String message, Consumer<Commands> command) {
    assertThatThrownBy(() -> command.accept(commands))
        .isInstanceOfSatisfying(
            Failure.class,
            e -> {
              assertThat(ErrorReport.of(e).exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains(message);
              assertThat(e.nextStep()).isNotBlank();
              assertThat(ErrorReport.of(e).text()).doesNotContain("\r", "\u0000", "\u001b");
            });
    assertThat(wm.getAllServeEvents()).as("requests that reached the service").isEmpty();
  }

  private static Arguments bad(String name, String message, Consumer<Commands> command) {
    return Arguments.of(name, message, command);
  }
}
