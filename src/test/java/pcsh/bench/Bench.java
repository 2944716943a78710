package pcsh.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;

/**
 * pcsh's benchmark harness ({@code bench/run}): start-up, per-request overhead, streaming a large
 * list, bulk qualification under the rate limit, and Tab completion, measured side by side in one
 * run and printed as a table. Not a test: the figures depend on the machine. {@code --quick} runs
 * each measurement once on a tiny case.
 */
public final class Bench {

  /** One line of the table. */
  record Row(String measure, String result, String target) {}

  /** What to run; {@code --quick} shrinks everything to a smoke run. */
  record Options(
      Path root,
      int runs,
      int requests,
      int customers,
      int bulkRows,
      int rateLimit,
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
          Integer.parseInt(o.getOrDefault("bulk-rows", quick ? "6" : "100")),
          Integer.parseInt(o.getOrDefault("rate-limit", "500")),
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
    if (options.wants("start-up")) startUp();
    Pty.Timings terminal =
        options.wants("terminal") ? new Pty(options.root()).measure(options.runs()) : null;
    if (terminal != null) {
      rows.add(
          new Row(
              "start-up: interactive prompt, ./pcsh on a pty",
              stats(terminal.prompt(), "s"),
              "<= 1.5 s"));
    }
    if (options.wants("request")) requestOverhead();
    if (options.wants("list")) list();
    if (options.wants("bulk")) bulk();
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
    return table();
  }

  // ---------------------------------------------------------------- start-up

  private void startUp() throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench");
    Path root = options.root();
    List<String> fat =
        List.of(
            java(),
            "-Dpcsh.defaults=" + root.resolve("shell.properties"),
            "-Dpcsh.root=" + root,
            "-jar",
            root.resolve("target/pcsh.jar").toString(),
            "whoami");
    List<String> launcher = List.of(root.resolve("pcsh").toString(), "whoami");
    Map<String, String> env = Map.of("PCSH_HOME", home.toString());
    // first runs are not measured: the launcher extracts the jar and trains its class archive once
    // per jar and JDK
    Proc.run(launcher, env, root, null);
    Proc.run(fat, env, root, null);
    List<Double> fatTimes = new ArrayList<>();
    List<Double> launcherTimes = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      fatTimes.add(Proc.run(fat, env, root, null).seconds());
      launcherTimes.add(Proc.run(launcher, env, root, null).seconds());
    }
    rows.add(new Row("start-up: whoami, plain fat jar (java -jar)", stats(fatTimes, "s"), ""));
    rows.add(new Row("start-up: whoami, ./pcsh", stats(launcherTimes, "s"), "<= 1.0 s median"));
  }

  // ---------------------------------------------------------------- request overhead

  /**
   * The same GETs of customers, through pcsh's Feign stack and through a bare JDK HttpClient,
   * interleaved.
   */
  private void requestOverhead() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      String base = emulator.baseUrl().toString().replaceAll("/$", "");
      String correlation = UUID.randomUUID().toString();
      PartnerCenterClient pcsh =
          new PartnerCenterClient(
              () -> base,
              () -> Optional.of("bench-token"),
              () -> correlation,
              Duration.ofSeconds(5),
              Duration.ofSeconds(30));
      HttpClient bare =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      List<String> ids =
          List.of(
              SeedCustomers.NORTHWIND_ID,
              SeedCustomers.FABRIKAM_ID,
              SeedCustomers.TAILSPIN_ID,
              SeedCustomers.WOODGROVE_ID,
              SeedCustomers.ADATUM_ID,
              SeedCustomers.LITWARE_ID,
              SeedCustomers.CONTOSO_LTD_ID,
              SeedCustomers.CONTOSO_HEALTH_ID);
      Runnable viaPcsh =
          () -> {
            for (int i = 0; i < options.requests(); i++) pcsh.customer(ids.get(i % ids.size()));
          };
      Runnable viaBare =
          () -> {
            for (int i = 0; i < options.requests(); i++) {
              HttpRequest request =
                  HttpRequest.newBuilder(
                          URI.create(base + "/v1/customers/" + ids.get(i % ids.size())))
                      .timeout(Duration.ofSeconds(30))
                      .header("Accept", "application/json")
                      .header("Authorization", "Bearer bench-token")
                      .header("MS-Contract-Version", "v1")
                      .header("MS-PartnerCenter-Application", PartnerCenterClient.APPLICATION)
                      .header("MS-CorrelationId", correlation)
                      .header("MS-RequestId", UUID.randomUUID().toString())
                      .GET()
                      .build();
              try {
                HttpResponse<String> r = bare.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200)
                  throw new IllegalStateException("GET answered " + r.statusCode());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            }
          };
      viaPcsh.run(); // warm-up: both paths compiled before anything is timed
      viaBare.run();
      // pairs of blocks close in time, in alternating order (ABBA), so drift and order cancel out
      // of the ratio
      List<Double> pcshMs = new ArrayList<>();
      List<Double> bareMs = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      int pairs = Math.max(4, Math.min(15, options.runs() * 2));
      for (int r = 0; r < pairs; r++) {
        double p;
        double b;
        if (r % 2 == 0) {
          p = perRequestMs(viaPcsh);
          b = perRequestMs(viaBare);
        } else {
          b = perRequestMs(viaBare);
          p = perRequestMs(viaPcsh);
        }
        pcshMs.add(p);
        bareMs.add(b);
        ratios.add(p / b);
      }
      double ratio = median(ratios);
      rows.add(
          new Row(
              "request: customer GET x" + options.requests() + ", pcsh (Feign)",
              stats(pcshMs, "ms/req"),
              ""));
      rows.add(new Row("request: same GETs, bare JDK HttpClient", stats(bareMs, "ms/req"), ""));
      rows.add(
          new Row(
              "request overhead ratio (Feign / bare)",
              String.format(Locale.ROOT, "%.2f x (median of %d paired blocks)", ratio, pairs),
              "<= 1.2 x"));
    }
  }

  private double perRequestMs(Runnable loop) {
    long start = System.nanoTime();
    loop.run();
    return (System.nanoTime() - start) / 1e6 / options.requests();
  }

  // ---------------------------------------------------------------- list

  private void list() throws Exception {
    Path home = Files.createTempDirectory("pcsh-bench");
    Path out = home.resolve("customers.csv");
    Proc.Result r =
        Proc.run(
            List.of(
                options.root().resolve("pcsh").toString(),
                "customers",
                "list",
                "--all",
                "--output",
                "csv"),
            Map.of(
                "PCSH_HOME",
                home.toString(),
                "PCSH_EMULATOR_CUSTOMERS",
                Integer.toString(options.customers())),
            options.root(),
            out);
    if (r.exit() != 0) throw new IllegalStateException("customers list failed: " + r.stderr());
    long lines;
    try (var s = Files.lines(out)) {
      lines = s.count();
    }
    long customers = lines - 1; // the header
    if (customers != options.customers()) {
      throw new IllegalStateException(
          "customers list wrote " + customers + " rows, expected " + options.customers());
    }
    rows.add(
        new Row(
            "list: customers list --all -o csv, " + customers + " customers",
            String.format(
                Locale.ROOT,
                "%.2f s, %,.0f rows/s, peak RSS %d MB",
                r.seconds(),
                customers / r.seconds(),
                r.peakRssKb() / 1024),
            "peak RSS < 200 MB"));
  }

  // ---------------------------------------------------------------- bulk

  private void bulk() throws Exception {
    if (options.bulkRows() > 0) rows.add(Bulk.measure(options));
  }

  // ---------------------------------------------------------------- output

  private String table() {
    int w0 = "measure".length();
    int w1 = "result".length();
    for (Row r : rows) {
      w0 = Math.max(w0, r.measure().length());
      w1 = Math.max(w1, r.result().length());
    }
    StringBuilder b = new StringBuilder();
    b.append("pcsh benchmarks, ")
        .append(LocalDate.now())
        .append(", ")
        .append(machine())
        .append('\n');
    String format = "%-" + w0 + "s  %-" + w1 + "s  %s%n";
    b.append(String.format(Locale.ROOT, format, "measure", "result", "target"));
    b.append(String.format(Locale.ROOT, format, "-".repeat(w0), "-".repeat(w1), "------"));
    for (Row r : rows)
      b.append(String.format(Locale.ROOT, format, r.measure(), r.result(), r.target()));
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

  /** Runs a process to its end, timing it and sampling its peak resident set size from /proc. */
  static final class Proc {

    record Result(int exit, double seconds, long peakRssKb, String stderr) {}

    static Result run(List<String> command, Map<String, String> env, Path dir, Path stdout)
        throws Exception {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
      pb.environment().putAll(env);
      Path err = Files.createTempFile("pcsh-bench", ".err");
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(
              stdout == null
                  ? ProcessBuilder.Redirect.DISCARD
                  : ProcessBuilder.Redirect.to(stdout.toFile()))
          .redirectError(err.toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      long peak = 0;
      Path status = Path.of("/proc", Long.toString(p.pid()), "status");
      while (!p.waitFor(10, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, highWaterMarkKb(status));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(err);
      if (p.exitValue() != 0 && stdout == null) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + p.exitValue() + ": " + stderr);
      }
      return new Result(p.exitValue(), seconds, peak, stderr);
    }

    /**
     * VmHWM only grows, so the last reading before the process ends is its peak to within one
     * sample.
     */
    private static long highWaterMarkKb(Path status) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      } catch (IOException | RuntimeException e) {
        // the process has just ended, or this is not Linux
      }
      return 0;
    }
  }
}
