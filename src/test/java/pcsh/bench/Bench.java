package pcsh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pcsh's benchmark harness ({@code bench/run}): start-up, per-request overhead, streaming a large
 * list, bulk qualification under the rate limit, and Tab completion in pcsh and in the user's bash
 * and zsh, measured side by side in one run and printed as a table. Not a test: the figures depend
 * on the machine. {@code --quick} runs each measurement once on a tiny case. Each measurement is
 * its own class ({@link StartUp}, {@link Pty}, {@link RequestOverhead}, {@link CustomerList},
 * {@link Bulk}, {@link ShellTab}, {@link Waits}, {@link WarmShell}); this one parses the options,
 * runs what they ask for and prints the table.
 */
public final class Bench {

  /**
   * One line of the table; {@code met} says whether the result meets its target ({@code null}: a
   * figure with no goal, or one no number decides, such as "feels instant").
   */
  record Row(String measure, String result, String target, Boolean met) {
    Row(String measure, String result, String target) {
      this(measure, result, target, null);
    }

    static Row goal(String measure, String result, String target, boolean met) {
      return new Row(measure, result, target, met);
    }

    String verdict() {
      return met == null ? "" : met ? "met" : "NOT met";
    }
  }

  /** What to run; {@code --quick} shrinks everything to a smoke run. */
  record Options(
      Path root,
      int runs,
      int requests,
      int customers,
      List<Integer> bulkRows,
      int bulkMemoryRows,
      int rateLimit,
      List<String> jdks,
      List<String> only) {

    boolean wants(String part) {
      return only.isEmpty() || only.contains(part);
    }

    static Options parse(String[] args) {
      Map<String, String> o = new LinkedHashMap<>();
      boolean quick = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--quick")) quick = true;
        else if (a.startsWith("--") && i + 1 < args.length) o.put(a.substring(2), args[++i]);
        else
          throw new IllegalArgumentException("unknown argument: " + a + " (see bench/run --help)");
      }
      return new Options(
          Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize(),
          Integer.parseInt(o.getOrDefault("runs", quick ? "1" : "10")),
          Integer.parseInt(o.getOrDefault("requests", quick ? "50" : "2000")),
          Integer.parseInt(o.getOrDefault("customers", quick ? "2000" : "100000")),
          java.util.Arrays.stream(o.getOrDefault("bulk-rows", quick ? "6" : "100,1000").split(","))
              .map(String::strip)
              .filter(v -> !v.isEmpty() && !v.equals("0"))
              .map(Integer::parseInt)
              .toList(),
          Integer.parseInt(o.getOrDefault("bulk-memory-rows", quick ? "20" : "10000")),
          Integer.parseInt(o.getOrDefault("rate-limit", "500")),
          o.containsKey("jdk") ? List.of(o.get("jdk").split(",")) : List.of(),
          o.containsKey("only") ? List.of(o.get("only").split(",")) : List.of());
    }
  }

  private final Options options;
  private final List<Row> rows = new ArrayList<>();

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    System.out.println(new Bench(Options.parse(args)).run());
  }

  /** The table for a checkout at {@code root}, with bench/run's arguments. */
  public static String table(Path root, String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return new Bench(Options.parse(all)).run();
  }

  String run() throws Exception {
    if (!Files.isRegularFile(options.root().resolve("target/pcsh.jar"))) {
      throw new IllegalStateException(
          "build pcsh first (bench/run does): no " + options.root() + "/target/pcsh.jar");
    }
    if (options.wants("start-up")) rows.addAll(StartUp.measure(options));
    Pty.Timings terminal =
        options.wants("terminal") ? new Pty(options.root()).measure(options.runs()) : null;
    if (terminal != null) {
      rows.add(
          Row.goal(
              "start-up: interactive prompt, ./pcsh on a pty",
              stats(terminal.prompt(), "s"),
              "<= 0.7 s median",
              median(terminal.prompt()) <= 0.7));
    }
    if (options.wants("request")) rows.addAll(RequestOverhead.measure(options));
    if (options.wants("list")) rows.add(CustomerList.measure(options));
    if (options.wants("waits")) rows.addAll(Waits.measure(options));
    if (options.wants("bulk")) rows.addAll(Bulk.measure(options));
    if (options.wants("picture")) rows.addAll(Picture.measure(options));
    if (terminal != null) {
      rows.add(
          new Row(
              "Tab completion: use customer Northw<Tab>",
              stats(terminal.tab(), "ms"),
              "feels instant"));
    } else if (options.wants("terminal")) {
      rows.add(
          new Row(
              "interactive prompt and Tab completion",
              "skipped: no `script` (util-linux) for a pty",
              ""));
    }
    if (options.wants("tab")) rows.addAll(ShellTab.measure(options));
    if (options.wants("warm")) rows.addAll(WarmShell.measure(options));
    return table();
  }

  // ---------------------------------------------------------------- output

  private String table() {
    int w0 = "measure".length();
    int w1 = "result".length();
    int w2 = "target".length();
    for (Row r : rows) {
      w0 = Math.max(w0, r.measure().length());
      w1 = Math.max(w1, r.result().length());
      w2 = Math.max(w2, r.target().length());
    }
    StringBuilder b = new StringBuilder();
    b.append("pcsh benchmarks, ")
        .append(LocalDate.now())
        .append(", ")
        .append(machine())
        .append('\n');
    String format = "%-" + w0 + "s  %-" + w1 + "s  %-" + w2 + "s  %s%n";
    b.append(String.format(Locale.ROOT, format, "measure", "result", "target", "goal"));
    b.append(
        String.format(
            Locale.ROOT, format, "-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "-------"));
    for (Row r : rows) {
      b.append(
          String.format(Locale.ROOT, format, r.measure(), r.result(), r.target(), r.verdict())
              .stripTrailing());
      b.append('\n');
    }
    long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
    long notMet = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
    b.append(String.format(Locale.ROOT, "goals: %d met, %d NOT met%n", met, notMet));
    return b.toString().stripTrailing();
  }

  static String machine() {
    String cpu = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse("");
    } catch (IOException e) {
      // not Linux: the JVM's figures are enough
    }
    long memGb = 0;
    try {
      memGb =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .findFirst()
              .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024)
              .orElse(0L);
    } catch (IOException e) {
      // as above
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores"
        + (cpu.isEmpty() ? "" : " (" + cpu + ")")
        + (memGb > 0 ? ", " + memGb + " GiB" : "")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.runtime.version")
        + " for the harness; ./pcsh uses "
        + launcherJava();
  }

  private static String launcherJava() {
    String home = System.getenv("JAVA_HOME");
    return home == null || home.isBlank() ? "the java on PATH" : "JAVA_HOME=" + home;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String stats(List<Double> values, String unit) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    String f = unit.equals("s") ? "%.2f" : "%.3f";
    if (unit.equals("ms")) f = "%.0f";
    String median = String.format(Locale.ROOT, f, median(values));
    if (v.length == 1) return median + " " + unit;
    return median
        + " "
        + unit
        + " median (min "
        + String.format(Locale.ROOT, f, v[0])
        + ", max "
        + String.format(Locale.ROOT, f, v[v.length - 1])
        + ", n="
        + v.length
        + ")";
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
