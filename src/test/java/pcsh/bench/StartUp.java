package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up of a one-shot command, {@code whoami}: the JVM's own floor ({@code java -version}), the
 * plain fat jar ({@code java -jar}) and the {@code ./pcsh} launcher with its peak RSS, for the JDK
 * the launcher finds and for each {@code --jdk} home; and, when the Azure CLI is on the PATH,
 * {@code az account show} in alternating runs with {@code ./pcsh whoami}, and their ratio. Each is
 * run once unmeasured first.
 */
final class StartUp {

  private StartUp() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    List<Bench.Row> rows = new ArrayList<>();
    Path home = Files.createTempDirectory("pcsh-bench");
    Path root = options.root();
    Map<String, String> env = Map.of("PCSH_HOME", home.toString());
    List<String> fat =
        List.of(
            Bench.java(),
            "-Dpcsh.defaults=" + root.resolve("shell.properties"),
            "-Dpcsh.root=" + root,
            "-jar",
            root.resolve("target/pcsh.jar").toString(),
            "whoami");
    Proc.run(fat, env, root, null);
    List<Double> fatTimes = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      fatTimes.add(Proc.run(fat, env, root, null, false).seconds());
    }
    rows.add(
        new Bench.Row(
            "start-up: whoami, plain fat jar (java -jar)", Bench.stats(fatTimes, "s"), ""));

    String launcherJdk = System.getenv("JAVA_HOME");
    rows.addAll(launcher(options, env, launcherJdk, "<= 0.45 s median on JDK 17"));
    for (String jdk : options.jdks()) {
      rows.addAll(launcher(options, env, jdk, "<= 0.33 s median on JDK 25"));
    }
    if (onPath("az")) rows.addAll(againstAzureCli(options, env));
    else rows.add(new Bench.Row("start-up: az account show", "skipped: no `az` on the PATH", ""));
    return rows;
  }

  /**
   * The floor and {@code ./pcsh whoami} with {@code jdk} as JAVA_HOME (null: the launcher's
   * choice).
   */
  private static List<Bench.Row> launcher(
      Bench.Options options, Map<String, String> env, String jdk, String target) throws Exception {
    Map<String, String> withJdk = new HashMap<>(env);
    if (jdk != null && !jdk.isBlank()) withJdk.put("JAVA_HOME", jdk);
    String which = jdk == null || jdk.isBlank() ? "java on PATH" : Path.of(jdk).getFileName() + "";
    String java = jdk == null || jdk.isBlank() ? "java" : Path.of(jdk, "bin", "java").toString();
    List<String> floor = List.of(java, "-version");
    String launcher = options.root().resolve("pcsh").toString();
    List<String> pcsh = List.of(launcher, "whoami");
    // a command that sends a request (to the embedded emulator): on JDK 24+ it has a class archive
    // of its own, so whoami alone would not show what such commands cost
    List<String> request = List.of(launcher, "customers", "list", "--size", "1");
    // the first runs extract the jar and train the class archives, once per jar and JDK
    Proc.run(pcsh, withJdk, options.root(), null);
    Proc.run(request, withJdk, options.root(), null);
    List<Double> floorTimes = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    List<Double> requestTimes = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      floorTimes.add(Proc.run(floor, withJdk, options.root(), null, false).seconds());
      times.add(Proc.run(pcsh, withJdk, options.root(), null, false).seconds());
      requestTimes.add(Proc.run(request, withJdk, options.root(), null, false).seconds());
    }
    return List.of(
        new Bench.Row(
            "start-up: floor, java -version (" + which + ")", Bench.stats(floorTimes, "s"), ""),
        new Bench.Row(
            "start-up: whoami, ./pcsh (" + which + ")",
            Bench.stats(times, "s") + peakRss(options, pcsh, withJdk),
            target + ", <= 80 MiB"),
        new Bench.Row(
            "start-up: customers list --size 1, ./pcsh (" + which + ")",
            Bench.stats(requestTimes, "s") + peakRss(options, request, withJdk),
            ""));
  }

  /** Memory from runs of their own: sampling /proc while a run is timed would slow it. */
  private static String peakRss(Bench.Options options, List<String> cmd, Map<String, String> env)
      throws Exception {
    List<Double> rss = new ArrayList<>();
    for (int i = 0; i < Math.min(options.runs(), 5); i++) {
      rss.add(Proc.run(cmd, env, options.root(), null).peakRssKb() / 1024.0);
    }
    return String.format(Locale.ROOT, ", peak RSS %.0f MiB", Bench.median(rss));
  }

  /** {@code az account show} and {@code ./pcsh whoami}, alternating, and the ratio of medians. */
  private static List<Bench.Row> againstAzureCli(Bench.Options options, Map<String, String> env)
      throws Exception {
    Path out = Files.createTempFile("pcsh-bench", ".out");
    List<String> az = List.of("az", "account", "show");
    List<String> pcsh = List.of(options.root().resolve("pcsh").toString(), "whoami");
    Proc.run(az, env, options.root(), out); // exits 1 when signed out; its start-up is the same
    List<Double> azTimes = new ArrayList<>();
    List<Double> pcshTimes = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      azTimes.add(Proc.run(az, env, options.root(), out, false).seconds());
      pcshTimes.add(Proc.run(pcsh, env, options.root(), null, false).seconds());
    }
    return List.of(
        new Bench.Row("start-up: az account show (Azure CLI)", Bench.stats(azTimes, "s"), ""),
        new Bench.Row(
            "start-up: ./pcsh whoami / az account show",
            String.format(
                Locale.ROOT,
                "%.2f x (medians %.2f s / %.2f s, alternating runs)",
                Bench.median(pcshTimes) / Bench.median(azTimes),
                Bench.median(pcshTimes),
                Bench.median(azTimes)),
            "< 1 x"));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
    }
    return false;
  }
}
