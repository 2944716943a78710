package pcsh.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Tab in the user's own shell, with the script {@code pcsh completion bash|zsh} prints: {@code
 * pcsh use customer <prefix><Tab>} against a completion file of 1,300 and of 100,000 customers, for
 * a prefix that matches about 100 candidates and one that matches about 5,000 (every customer of
 * the small file). bash calls the completion function as {@code complete -F} does; zsh runs its
 * completion system in a pseudo-terminal (zpty) and a real Tab is typed. What is timed is the
 * completion function, from its call to its return, as the shell's clock ({@code EPOCHREALTIME})
 * sees it: the part pcsh's script owns, without the shell drawing the list.
 */
final class ShellTab {

  /** Customers per completion file, and the goal of a Tab's median for that size. */
  private static final List<int[]> SIZES = List.of(new int[] {1_300, 20}, new int[] {100_000, 150});

  private static final String[] WORDS = {
    "Alder",
    "Birch",
    "Cedar",
    "Dogwood",
    "Elm",
    "Fir",
    "Ginkgo",
    "Hazel",
    "Ilex",
    "Juniper",
    "Kapok",
    "Larch",
    "Maple",
    "Nutmeg",
    "Oak",
    "Pine",
    "Quince",
    "Rowan",
    "Spruce",
    "Tamarack",
    "Umbrella",
    "Viburnum",
    "Walnut",
    "Xylosma",
    "Yew",
    "Zelkova",
    "Acacia",
    "Banyan",
    "Catalpa",
    "Deodar",
    "Eucalypt",
    "Frangipani",
    "Gum",
    "Hornbeam",
    "Ironwood",
    "Jacaranda",
    "Koa",
    "Linden",
    "Mahogany",
    "Neem"
  };

  private ShellTab() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    int tabs = options.runs() <= 1 ? 3 : 21; // the first of each series is not counted
    List<Bench.Row> rows = new ArrayList<>();
    Path work = Files.createTempDirectory("pcsh-bench-tab");
    for (String shell : List.of("bash", "zsh")) {
      if (!onPath(shell)) {
        rows.add(new Bench.Row("Tab in " + shell, "skipped: no `" + shell + "` on the PATH", ""));
        continue;
      }
      Path script = work.resolve("pcsh." + shell);
      Proc.Result r =
          Proc.run(
              List.of(options.root().resolve("pcsh").toString(), "completion", shell),
              Map.of("PCSH_HOME", work.resolve("home").toString()),
              options.root(),
              script);
      if (r.exit() != 0) throw new IllegalStateException("completion " + shell + ": " + r.stderr());
      for (int[] size : SIZES) {
        Cache cache = Cache.write(work.resolve("home-" + size[0]), size[0]);
        for (String prefix : List.of(cache.narrow(), cache.wide())) {
          List<long[]> runs =
              shell.equals("bash")
                  ? bash(script, cache, prefix, tabs)
                  : zsh(script, cache, prefix, tabs);
          rows.add(row(shell, size, prefix, runs.subList(1, runs.size())));
        }
      }
    }
    return rows;
  }

  private static Bench.Row row(String shell, int[] size, String prefix, List<long[]> runs) {
    List<Double> ms = runs.stream().map(t -> t[0] / 1000.0).toList();
    long candidates = runs.get(runs.size() - 1)[1];
    double median = Bench.median(ms);
    return Bench.Row.goal(
        String.format(
            Locale.ROOT,
            "Tab in %s: use customer %s<Tab>, %,d cached customers, %,d shown",
            shell,
            prefix,
            size[0],
            candidates),
        Bench.stats(ms, "ms"),
        "<= " + size[1] + " ms median",
        median <= size[1]);
  }

  /** bash: the function {@code complete -F} names, called with COMP_WORDS as bash sets them. */
  private static List<long[]> bash(Path script, Cache cache, String prefix, int tabs)
      throws Exception {
    String program =
        String.join(
            "\n",
            "source " + script,
            "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"$*\";"
                + " COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _pcsh; }",
            "for ((i = 0; i < " + tabs + "; i++)); do",
            "  s=$EPOCHREALTIME; c pcsh use customer " + prefix + "; e=$EPOCHREALTIME",
            "  n=${#COMPREPLY[@]}; [[ ${COMPREPLY[n - 1]} == '(and '* ]] && n=$((n - 1))",
            "  echo \"$(( ${e/./} - ${s/./} )) $n\"",
            "done");
    return times(run(List.of("bash", "--norc", "--noprofile", "-c", program), cache.home()));
  }

  /**
   * zsh: its completion system in a pseudo-terminal, a Tab typed for each run; a wrapper around the
   * script's function writes how long each call took.
   */
  private static List<long[]> zsh(Path script, Cache cache, String prefix, int tabs)
      throws Exception {
    Path out = cache.home().resolve("zsh-times");
    Files.deleteIfExists(out);
    String program =
        """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z 'PS1="%% "; LISTMAX=100000; source SCRIPT; zmodload zsh/datetime; \
        timed() { local s=$EPOCHREALTIME; _pcsh "$@"; local r=$?; \
        print -r -- $(( (EPOCHREALTIME - s) * 1000000 )) $compstate[nmatches] >> OUT; return r; }; \
        compdef timed pcsh; echo RE""ADY'
        zpty -r -m z out '*READY*'
        for ((i = 0; i < TABS; i++)); do
          zpty -w -n z $'\\C-a\\C-kpcsh use customer PREFIX\\t'
          zpty -w z $'\\C-a\\C-kprint -r -- E""ND'$i
          zpty -r -m z out "*END$i*"
        done
        zpty -d z
        cat OUT
        """
            .replace("SCRIPT", script.toString())
            .replace("OUT", out.toString())
            .replace("TABS", Integer.toString(tabs))
            .replace("PREFIX", prefix);
    return times(run(List.of("zsh", "-f", "-c", program), cache.home()));
  }

  /** Lines of "microseconds candidates" (zsh may print the microseconds with a fraction). */
  private static List<long[]> times(String output) {
    List<long[]> runs = new ArrayList<>();
    for (String line : output.lines().toList()) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2 && f[0].matches("[0-9]+(\\.[0-9]*)?") && f[1].matches("[0-9]+")) {
        runs.add(new long[] {(long) Double.parseDouble(f[0]), Long.parseLong(f[1])});
      }
    }
    if (runs.size() < 2) throw new IllegalStateException("no Tab timings in:\n" + output);
    return runs;
  }

  private static String run(List<String> command, Path home) throws Exception {
    // a shell that never sees the marker it waits for would wait for ever: coreutils' timeout ends
    // it
    List<String> bounded = new ArrayList<>(List.of("timeout", "600"));
    bounded.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(bounded).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
    pb.environment().put("PCSH_HOME", home.toString());
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /**
   * A completion file as pcsh writes it ({@code id, name, domain}), its customers named so that one
   * prefix matches about 5,000 candidates (names and domains of 2,500 customers, or all of a
   * smaller file) and a longer one about 100 (50 customers).
   */
  record Cache(Path home, String wide, String narrow) {

    static Cache write(Path home, int customers) throws IOException {
      int words = Math.max(1, customers / 2_500);
      int tags = (customers / words + 49) / 50;
      Path file = home.resolve("completion/customers.tsv");
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = 0; i < customers; i++) {
          String name = WORDS[i % words] + tag((i / words) % tags);
          w.write(
              String.format(
                  Locale.ROOT,
                  "%08x-%04x-4%03x-8%03x-%012x\t%s Trading %d\t%s%d.onmicrosoft.com%n",
                  i * 2654435761L & 0xffffffffL,
                  i & 0xffff,
                  i % 0xfff,
                  (i / 7) % 0xfff,
                  (long) i * 40503L,
                  name,
                  i,
                  name.toLowerCase(Locale.ROOT),
                  i));
        }
      }
      String word = WORDS[0].toLowerCase(Locale.ROOT);
      return new Cache(home, word, word + tag(0).toLowerCase(Locale.ROOT));
    }

    /** Distinct two-letter tags, none a prefix of another: Ba, Be, Bi, Bo, Bu, Ca, ... */
    private static String tag(int n) {
      String consonants = "BCDFGHJKLMNPRSTVWXYZ";
      return consonants.charAt(n / 5 % consonants.length()) + "aeiou".substring(n % 5, n % 5 + 1);
    }
  }
}
