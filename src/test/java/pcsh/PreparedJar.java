package pcsh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built jar as the launcher runs it: extracted, with Spring AOT and a class archive trained on
 * a command that sends a request. Made once per test JVM under {@code target/it-app} (a few
 * seconds), it makes each pcsh process of the integration tests start in about a third of the plain
 * fat jar's time. Anything that fails here costs only speed: the tests then run the plain jar.
 */
final class PreparedJar {

  /** The launcher's JVM flags (./pcsh, FLAGS): the tests run what users run. */
  static final List<String> FLAGS = flags();

  private static List<String> prepared;

  private static List<String> flags() {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-XX:C1MaxInlineSize=15",
                "-XX:+UseSerialGC",
                "-Xss1m",
                "-Xms12m",
                "-XX:-UsePerfData"));
    if (hugePagesOffered()) flags.add("-XX:+UseTransparentHugePages");
    return List.copyOf(flags);
  }

  /**
   * Whether the kernel offers transparent huge pages on request or always, when the launchers ask
   * the JVM for them.
   */
  static boolean hugePagesOffered() {
    try {
      String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
      return mode.contains("[madvise]") || mode.contains("[always]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private PreparedJar() {}

  /** The JVM options and the jar to run: {@code [flags..., -jar, jar]}. */
  static synchronized List<String> javaArgs() {
    if (prepared == null) prepared = prepare();
    return prepared;
  }

  private static List<String> prepare() {
    Path jar = Path.of("target", "pcsh.jar").toAbsolutePath();
    if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: " + jar);
    List<String> plain = new ArrayList<>(FLAGS);
    plain.addAll(List.of("-Dspring.aot.enabled=true", "-jar", jar.toString()));
    Path app = Path.of("target", "it-app").toAbsolutePath();
    Path appJar = app.resolve("pcsh.jar");
    Path classes = app.resolve("classes.lst");
    Path archive = app.resolve("pcsh.jsa");
    Path home = null;
    try {
      delete(app);
      exec(
          null,
          java(),
          "-Djarmode=tools",
          "-jar",
          jar.toString(),
          "extract",
          "--destination",
          app.toString());
      home = Files.createTempDirectory("pcsh-it-train");
      List<String> train = new ArrayList<>(List.of(java()));
      train.addAll(FLAGS);
      train.addAll(
          List.of(
              "-XX:DumpLoadedClassList=" + classes,
              "-Dspring.aot.enabled=true",
              "-Dpcsh.defaults=" + Path.of("shell.properties").toAbsolutePath(),
              "-Dpcsh.root=" + home.resolve("root"),
              "-Dpcsh.stdin-tty=false",
              "-jar",
              appJar.toString(),
              "customers",
              "list",
              "--size",
              "1"));
      exec(home, train.toArray(String[]::new));
      exec(
          null,
          java(),
          "-XX:+UseSerialGC",
          "-Xshare:dump",
          "-XX:SharedClassListFile=" + classes,
          "-XX:SharedArchiveFile=" + archive,
          "-cp",
          appJar.toString());
      List<String> fast = new ArrayList<>(FLAGS);
      fast.addAll(
          List.of(
              "-XX:SharedArchiveFile=" + archive,
              "-Xlog:cds=off",
              "-Dspring.aot.enabled=true",
              "-jar",
              appJar.toString()));
      return List.copyOf(fast);
    } catch (IOException | RuntimeException e) {
      System.err.println("pcsh tests: running the plain jar (" + e.getMessage() + ")");
      return List.copyOf(plain);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.copyOf(plain);
    } finally {
      if (home != null) delete(home);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs a step of the preparation; {@code home} (when given) is the training run's PCSH_HOME. */
  private static void exec(Path home, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_") || k.equals("JAVA_TOOL_OPTIONS"));
    if (home != null) {
      pb.environment().put("PCSH_HOME", home.toString());
      pb.environment().put("PCSH_BASE_URL", "embedded");
      pb.environment().put("PCSH_HISTORY_DIR", home.resolve("history").toString());
    }
    pb.redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(HangGuard.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("hang guard: " + cmd[cmd.length - 1] + " did not end within the limit");
    }
    if (p.exitValue() != 0)
      throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", cmd));
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover in target/ is harmless: the next extract overwrites it
    }
  }
}
