package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The completion scripts, sourced in bash and zsh and asked for completions the way those shells
 * ask: bash calls the function {@code complete -p} names with COMP_WORDS and COMP_CWORD; zsh runs
 * its completion system in a pseudo-terminal (zpty) and a Tab is typed. Customers and validation
 * codes come from the files pcsh wrote while commands ran against the emulator; a Tab starts no
 * pcsh and forks nothing per candidate (how long it takes is the bench's question: bench/run).
 */
class ShellCompletionTest {

  static Path home;
  static InProcessPcsh pcsh;
  static Path bashScript;
  static Path zshScript;

  @BeforeAll
  static void start() throws Exception {
    pcsh = InProcessPcsh.embedded();
    home = pcsh.home();
    assertThat(pcsh.run("customers", "list", "--all", "--output", "csv").exit()).isZero();
    assertThat(pcsh.run("validation-codes", "list").exit()).isZero();
    bashScript = script("bash");
    zshScript = script("zsh");
  }

  private static Path script(String shell) throws Exception {
    InProcessPcsh.Run r = pcsh.run("completion", shell);
    assertThat(r.exit()).as(r.toString()).isZero();
    return Files.writeString(home.resolve("pcsh." + shell), r.out());
  }

  @Test
  void pcshKeepsWhatCommandsSawInOwnerOnlyFiles() throws Exception {
    Path customers = home.resolve("completion/customers.tsv");
    assertThat(Files.readAllLines(customers))
        .hasSizeBetween(1000, 2000)
        .contains(
            "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41\tNorthwind Traders\tnorthwindtraders.onmicrosoft.com");
    assertThat(Files.readString(home.resolve("completion/codes.tsv")))
        .contains("731200\tLitware City Council, 0/5 creates left (exhausted)");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(customers)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(customers.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void bashCompletesCommandsOptionsValuesCustomersAndCodes() throws Exception {
    List<String> out =
        bash(
            "complete -p pcsh ./pcsh",
            "c pcsh ''",
            "c ./pcsh qua",
            "c pcsh qualify ''",
            "c pcsh customers list --",
            "c pcsh customers list --output ''",
            "c pcsh customers list -o y",
            "c pcsh qualify education --segment ''",
            "c ./pcsh debug ''",
            "c pcsh use customer northw",
            "c pcsh customer show --customer 6f1d",
            "c pcsh qualify gcc --code ''",
            "c pcsh qualify gcc 55",
            "c pcsh help qualify g",
            "c pcsh completion ''",
            "c pcsh qualify bulk --from " + home.resolve("pcsh.ba"),
            "c pcsh nosuch ''");

    assertThat(out.get(0)).isEqualTo("complete -F _pcsh pcsh");
    assertThat(out.get(1)).isEqualTo("complete -F _pcsh ./pcsh");
    assertThat(out.get(2).split("\\|"))
        .contains("customers", "qualify", "use", "help", "version", "completion", "whoami")
        .doesNotContain("clear", "quit");
    assertThat(out.get(3)).isEqualTo("qualification|qualify|");
    assertThat(out.get(4)).isEqualTo("bulk|education|gcc|soe|");
    assertThat(out.get(5)).isEqualTo("--size|--all|--name|--domain|--output|--query|--help|");
    assertThat(out.get(6)).isEqualTo("table|json|yaml|csv|");
    assertThat(out.get(7)).isEqualTo("yaml|");
    assertThat(out.get(8)).isEqualTo("K12|HigherEducation|");
    assertThat(out.get(9)).isEqualTo("on|off|");
    assertThat(out.get(10)).isEqualTo("Northwind\\ Traders|northwindtraders.onmicrosoft.com|");
    assertThat(out.get(11)).isEqualTo("6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41|");
    assertThat(out.get(12)).isEqualTo("448812|731200|552019|");
    assertThat(out.get(13)).isEqualTo("552019|");
    assertThat(out.get(14)).isEqualTo("gcc|");
    assertThat(out.get(15)).isEqualTo("bash|zsh|");
    assertThat(out.get(16)).isEqualTo(home.resolve("pcsh.bash") + "|");
    assertThat(out.get(17)).isEqualTo("|");
  }

  @Test
  void bashCompletesApiMethodsAndTheEndpointsPcshKnows() throws Exception {
    List<String> out =
        bash(
            "c pcsh api ''",
            "c pcsh api PATCH /v1/servicereq",
            "c pcsh api /v1/customers/",
            "c pcsh api --method ''",
            "c pcsh api /v1/x --input " + home.resolve("pcsh.ba"));

    assertThat(out.get(0).split("\\|"))
        .startsWith("GET", "POST", "PUT", "PATCH", "DELETE", "/v1/customers")
        .contains("/v1/customers/all/validations", "/v1.0/me/transitiveMemberOf");
    assertThat(out.get(1)).isEqualTo("/v1/servicerequests|/v1/servicerequests/\\{request-id\\}|");
    assertThat(out.get(2).split("\\|"))
        .contains("/v1/customers/\\{customer\\}/subscriptions", "/v1/customers/all/validations")
        .allMatch(p -> p.startsWith("/v1/customers/"));
    assertThat(out.get(3)).isEqualTo("GET|POST|PUT|PATCH|DELETE|");
    assertThat(out.get(4)).isEqualTo(home.resolve("pcsh.bash") + "|");
  }

  @Test
  void aTabThatMatchesThousandsShowsTheFirstFewHundredAndSaysHowManyThereAre() throws Exception {
    Path many = manyCustomers();

    List<String> bashOut =
        bashIn(
            many,
            "c pcsh use customer zeta; echo ${#COMPREPLY[@]}; echo \"${COMPREPLY[299]}\"",
            "echo \"${COMPREPLY[300]}\"",
            "c pcsh use customer zeta-0000");
    List<String> zshOut = zshDirect(many, "pcsh use customer zeta", "pcsh use customer zeta-0000");

    // 2,000 customers whose names and domains both start with zeta: 4,000 candidates
    assertThat(bashOut.get(0)).endsWith("|");
    assertThat(bashOut.get(1)).isEqualTo("301");
    assertThat(bashOut.get(2))
        .as("names and domains in file order")
        .isEqualTo("zeta-00150.example");
    assertThat(bashOut.get(3)).isEqualTo("(and 3700 more: type more to narrow)");
    assertThat(bashOut.get(4))
        .as("under the limit: every candidate, and no count")
        .isEqualTo(
            "zeta-00001.example|zeta-00002.example|zeta-00003.example|zeta-00004.example|"
                + "zeta-00005.example|zeta-00006.example|zeta-00007.example|zeta-00008.example|"
                + "zeta-00009.example|");
    assertThat(zshOut)
        .containsExactly(
            "== pcsh use customer zeta",
            "message: showing 300 of 4000 matches: type more to narrow",
            "matches: 300",
            "insert: ''",
            "== pcsh use customer zeta-0000",
            "matches: 9",
            "insert: unset");
  }

  @Test
  void aTabForksNothingPerCandidateInBashOrZsh() throws Exception {
    assumeTrue(straceWorks(), "strace is installed and may trace here");
    Path many = manyCustomers();
    // the same Tab with 9 candidates and with the 300 shown of 4,000: as many processes either way
    int fewBash = forks(bashLine(many, "c pcsh use customer zeta-0000"), many);
    int manyBash = forks(bashLine(many, "c pcsh use customer zeta"), many);
    assertThat(manyBash).as("processes started by a Tab in bash").isEqualTo(fewBash);
    assertThat(fewBash).as("one awk, and no subshell to read its output").isEqualTo(1);
    if (zshInstalled()) {
      int fewZsh = forks(zshLine(many, "pcsh use customer zeta-0000"), many);
      int manyZsh = forks(zshLine(many, "pcsh use customer zeta"), many);
      assertThat(manyZsh).as("processes started by a Tab in zsh").isEqualTo(fewZsh);
      assertThat(fewZsh).as("one awk, and no subshell to read its output").isEqualTo(1);
    }
  }

  @Test
  void zshCompletesThroughItsCompletionSystemForPcshAndDotSlashPcsh() throws Exception {
    assumeTrue(zshInstalled(), "zsh is installed");
    String script =
        """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z 'PS1="%% "; source SCRIPT; print "comps:$_comps[pcsh]:$_comps[./pcsh]:"; echo RE""ADY'
        zpty -r -m z out '*READY*'
        print -r -- "$out"
        n=0
        tab() {
          local all
          n=$((n + 1))
          zpty -w -n z $'\\C-a\\C-k'"$1"$'\\t'
          # then a command whose output marks the end of what the Tab printed
          zpty -w z $'\\C-a\\C-kprint -r -- E""ND'$n
          zpty -r -m z all "*END$n*"
          print -r -- "== $1"
          print -r -- "${all//$'\\e'\\[[0-9;?]#[A-Za-z]/}"
        }
        tab './pcsh qualify gcc --code '
        tab 'pcsh customers list --out'
        tab 'pcsh use customer Adatum'
        tab 'pcsh qualify e'
        tab 'pcsh qualify soe --customer 5e7a'
        zpty -d z
        """
            .replace("SCRIPT", zshScript.toString());
    String out = run(List.of("zsh", "-f", "-c", script));

    assertThat(out).contains("comps:_pcsh:_pcsh:");
    assertThat(section(out, "./pcsh qualify gcc --code "))
        .contains("448812  -- Fabrikam County Government, 7/10 creates left")
        .contains("731200  -- Litware City Council, 0/5 creates left (exhausted)");
    assertThat(section(out, "pcsh customers list --out")).contains("pcsh customers list --output");
    assertThat(section(out, "pcsh use customer Adatum"))
        .contains("Adatum University  -- adatumuniversity.onmicrosoft.com")
        .contains("adatumuniversity.onmicrosoft.com  -- Adatum University");
    assertThat(section(out, "pcsh qualify soe --customer 5e7a"))
        .contains("pcsh qualify soe --customer 5e7a9c1b-3d5f-4a7b-8c9d-e0f1a2b3c4d5");
    assertThat(section(out, "pcsh qualify e")).contains("pcsh qualify education");
  }

  private static String section(String out, String typed) {
    int start = out.indexOf("== " + typed);
    assertThat(start).as(out).isNotNegative();
    int end = out.indexOf("\n== ", start + 3);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /** Runs lines in bash with the script sourced; {@code c words...} completes the last word. */
  private static List<String> bash(String... lines) throws Exception {
    return bashIn(home, lines);
  }

  private static List<String> bashIn(Path pcshHome, String... lines) throws Exception {
    return run(bashLine(pcshHome, lines), pcshHome).lines().toList();
  }

  private static List<String> bashLine(Path pcshHome, String... lines) {
    List<String> script = new ArrayList<>();
    script.add("source " + bashScript);
    script.add(
        "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"$*\";"
            + " COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _pcsh; printf '%s|' \"${COMPREPLY[@]}\"; echo; }");
    script.addAll(List.of(lines));
    return List.of("bash", "--norc", "--noprofile", "-c", String.join("\n", script));
  }

  /**
   * The zsh script's function called directly, as its completion system would call it, with {@code
   * compadd} replaced by one that prints what it was given; for each line typed: the message, the
   * number of matches and what was asked of {@code compstate[insert]}.
   */
  private static List<String> zshDirect(Path pcshHome, String... typed) throws Exception {
    assumeTrue(zshInstalled(), "zsh is installed");
    return run(zshLine(pcshHome, typed), pcshHome).lines().toList();
  }

  private static List<String> zshLine(Path pcshHome, String... typed) {
    StringBuilder b = new StringBuilder();
    b.append("compdef() { :; }\n")
        .append("compadd() { if [[ $1 == -x ]]; then print -r -- \"message: $2\"; else")
        .append(" local -a v; v=(\"${(@P)${@[-1]}}\"); print -r -- \"matches: ${#v}\"; fi; }\n")
        .append("source ")
        .append(zshScript)
        .append('\n');
    for (String t : typed) {
      b.append("typeset -A compstate; words=(")
          .append(t)
          .append("); CURRENT=${#words}; print -r -- '== ")
          .append(t)
          .append("'; _pcsh\n")
          .append(
              "if (( ${+compstate[insert]} )); then print -r -- \"insert: '${compstate[insert]}'\";")
          .append(" else print -r -- 'insert: unset'; fi; unset compstate\n");
    }
    return List.of("zsh", "-f", "-c", b.toString());
  }

  /** A completion file of 2,000 customers, all named and with domains starting with zeta. */
  private static Path manyCustomers() throws IOException {
    Path many = home.resolve("many");
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      b.append(
          String.format(
              "00000000-0000-4000-8000-%012d\tZeta Corp %d\tzeta-%05d.example%n", i, i, i));
    }
    Files.createDirectories(many.resolve("completion"));
    Files.writeString(many.resolve("completion/customers.tsv"), b.toString());
    return many;
  }

  /** The processes started by {@code command} and its children, counted by strace. */
  private static int forks(List<String> command, Path pcshHome) throws Exception {
    Path log = Files.createTempFile(home, "strace", ".log");
    List<String> traced = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", log.toString()));
    traced.add("-e");
    traced.add("trace=fork,vfork,clone,clone3");
    traced.addAll(command);
    String out = run(traced, pcshHome);
    assertThat(out)
        .as("the Tab completed something")
        .containsPattern("zeta-00001\\.example|matches: [1-9]");
    return (int)
        Files.readAllLines(log).stream()
            .filter(l -> l.matches(".*\\b(fork|vfork|clone|clone3)\\(.*") && !l.contains("= -1"))
            .count();
  }

  private static boolean straceWorks() {
    try {
      Process p =
          new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean zshInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh"));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, home);
  }

  private static String run(List<String> command, Path pcshHome)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PCSH_HOME", pcshHome.toString());
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(HangGuard.LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("hang guard: a shell completing a few words ends in well under a second")
        .isTrue();
    return out;
  }
}
