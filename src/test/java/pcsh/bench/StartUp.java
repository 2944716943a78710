package pcsh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up of a one-shot command, {@code whoami}: the plain fat jar ({@code java -jar}) next to the
 * {@code ./pcsh} launcher, each run after one unmeasured run.
 */
final class StartUp {

  private StartUp() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    List<Bench.Row> rows = new ArrayList<>();
    Path home = Files.createTempDirectory("pcsh-bench");
    Path root = options.root();
    List<String> fat =
        List.of(
            Bench.java(),
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
    rows.add(
        new Bench.Row(
            "start-up: whoami, plain fat jar (java -jar)", Bench.stats(fatTimes, "s"), ""));
    rows.add(
        new Bench.Row(
            "start-up: whoami, ./pcsh", Bench.stats(launcherTimes, "s"), "<= 1.0 s median"));
    return rows;
  }
}
