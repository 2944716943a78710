package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The launcher's class archives, AOT caches on JDK 24 and newer, CDS archives on 17 to 23: a
 * command that sends nothing gets one of its own, one that sends requests the full one. Each test
 * skips where no such JDK is installed under /usr/lib/jvm.
 */
// beside the other integration tests (pom.xml, failsafe): the archives it checks are written whole
// (each run trains into a file of its own and renames it), and the JDK 24+ ones are its own
@Execution(ExecutionMode.CONCURRENT)
class LauncherIT {

  private static final AtomicInteger STAND_INS = new AtomicInteger();

  @TempDir Path home;

  @Test
  void commandsThatSendNothingGetTheirOwnCacheAndTheOthersTheFullOne() throws Exception {
    Optional<Path> jdk = jdk(24, Integer.MAX_VALUE);
    assumeTrue(jdk.isPresent(), "no JDK 24+ under /usr/lib/jvm, so the AOT cache test is skipped");
    assertOwnArchiveForLocalCommands(jdk.get(), ".aot");
  }

  @Test
  void onJdk17To23TheCommandsThatSendNothingGetACdsArchiveOfTheirOwn() throws Exception {
    Optional<Path> jdk = jdk(17, 23);
    assumeTrue(
        jdk.isPresent(), "no JDK 17-23 under /usr/lib/jvm, so the CDS archive test is skipped");
    assertOwnArchiveForLocalCommands(jdk.get(), ".jsa");
  }

  @Test
  void asksForTransparentHugePagesWhereTheKernelOffersThem() throws Exception {
    List<String> runs = javaRuns(17, "--version");

    String command = runs.get(runs.size() - 1);
    assertThat(command).contains("-XX:+UseSerialGC", "-jar", "--version");
    if (PreparedJar.hugePagesOffered()) {
      assertThat(command).contains("-XX:+UseTransparentHugePages");
    } else {
      assertThat(command).doesNotContain("UseTransparentHugePages");
    }
  }

  @Test
  void onJdk25AndNewerTheAotCacheHoldsNoMethodProfilesAndNoneAreReplayed() throws Exception {
    List<String> runs = javaRuns(25, "--version");

    assertThat(runs).hasSize(2);
    assertThat(runs.get(0))
        .contains("-XX:AOTCacheOutput=", "-XX:-AOTRecordTraining", "-jar")
        .endsWith(" whoami");
    assertThat(runs.get(1))
        .contains("-XX:AOTCache=", "-XX:-AOTReplayTraining")
        .endsWith("--version");
  }

  @Test
  void onJdk24TheAotCacheIsMadeAndUsedWithoutTheProfileOptionsItDoesNotKnow() throws Exception {
    List<String> runs = javaRuns(24, "customers", "list");

    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).contains("-XX:AOTCacheOutput=").doesNotContain("AOTRecordTraining");
    assertThat(runs.get(0)).endsWith(" customers list --size 1");
    assertThat(runs.get(1)).contains("-XX:AOTCache=").doesNotContain("AOTReplayTraining");
  }

  @Test
  void onJdk17To23AStaticCdsArchiveIsDumpedFromTheClassesATrainingRunLoaded() throws Exception {
    List<String> runs = javaRuns(17, "whoami");

    assertThat(runs).hasSize(3);
    assertThat(runs.get(0)).contains("-XX:DumpLoadedClassList=").endsWith(" whoami");
    assertThat(runs.get(1)).contains("-Xshare:dump", "-XX:SharedClassListFile=");
    assertThat(runs.get(2)).contains("-XX:SharedArchiveFile=").doesNotContain("AOT");
  }

  /**
   * The java command lines the launcher runs for {@code args} on a JDK of {@code feature}, in
   * order: the class archive's training (and on JDK 17-23 its dump), then the command. The java is
   * a stand-in that records them and runs nothing (the archive it is asked for is an empty file,
   * removed afterwards with all the launcher keeps for this java); extracting the jar, which
   * target/pcsh-app holds already (pom.xml, launcher-ready), it would leave to the real one.
   */
  private List<String> javaRuns(int feature, String... args) throws Exception {
    Path fake = home.resolve("jdk-" + feature);
    Files.createDirectories(fake.resolve("bin"));
    Files.writeString(fake.resolve("release"), "JAVA_VERSION=\"" + feature + ".0.1\"\n");
    Path lines = home.resolve("java-" + feature + ".txt");
    Path java = fake.resolve("bin/java");
    Files.writeString(
        java,
        String.join(
            "\n",
            "#!/bin/sh",
            "case \" $* \" in *\" -Djarmode=tools \"*) exec '"
                + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' \"$@\" ;; esac",
            "printf '%s\\n' \"$*\" >>'" + lines + "'",
            "for a in \"$@\"; do",
            "  case $a in",
            "    -XX:AOTCacheOutput=*) : >\"${a#-XX:AOTCacheOutput=}\" ;;",
            "    -XX:SharedArchiveFile=*) case \" $* \" in *\" -Xshare:dump \"*)"
                + " : >\"${a#-XX:SharedArchiveFile=}\" ;; esac ;;",
            "  esac",
            "done",
            ""));
    assertThat(java.toFile().setExecutable(true)).isTrue();
    // the launcher keys what it keeps for a JDK by its java's size and time: a time of its own for
    // each stand-in (the tests run at once), long before any real JDK's
    Files.setLastModifiedTime(
        java, FileTime.fromMillis((1_000_000_000L + STAND_INS.incrementAndGet() * 100L) * 1000));
    String key = Files.size(java) + "-" + Files.getLastModifiedTime(java).toMillis() / 1000;
    try {
      Run run = run(fake, args);
      assertThat(run.exit()).as(run.out()).isZero();
      return Files.readAllLines(lines);
    } finally {
      try (Stream<Path> files = Files.list(Path.of("target", "pcsh-app"))) {
        for (Path f : files.filter(f -> f.getFileName().toString().contains(key)).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private void assertOwnArchiveForLocalCommands(Path jdk, String suffix) throws Exception {

    Run local = run(jdk, "--debug", "whoami");
    Run help = run(jdk, "help", "whoami");
    Run remote = run(jdk, "customers", "list", "--size", "1");

    assertThat(local.exit()).as(local.out()).isZero();
    assertThat(local.out()).contains("Base URL:        embedded");
    assertThat(help.exit()).as(help.out()).isZero();
    assertThat(remote.exit()).as(remote.out()).isZero();
    assertThat(remote.out()).contains("Northwind Traders");
    try (Stream<Path> files = Files.list(Path.of("target", "pcsh-app"))) {
      List<String> caches =
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).toList();
      assertThat(caches).anyMatch(n -> n.endsWith("-local" + suffix));
      assertThat(caches).anyMatch(n -> !n.endsWith("-local" + suffix));
    }
  }

  private record Run(int exit, String out) {}

  private Run run(Path jdk, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        Stream.concat(Stream.of(Path.of("pcsh").toAbsolutePath().toString()), Stream.of(args))
            .toList();
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
    b.environment().put("JAVA_HOME", jdk.toString());
    b.environment().put("PCSH_HOME", home.toString());
    b.environment().put("PCSH_HISTORY_DIR", home.resolve("history").toString());
    b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  /** A JDK under /usr/lib/jvm whose feature version is from {@code min} to {@code max}. */
  private static Optional<Path> jdk(int min, int max) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) return Optional.empty();
    Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    try (Stream<Path> dirs = Files.list(jvms)) {
      for (Path d : dirs.sorted().toList()) {
        Path release = d.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(d.resolve("bin/java"))) continue;
        Matcher m = version.matcher(Files.readString(release));
        if (!m.find()) continue;
        int feature = Integer.parseInt(m.group(1));
        if (feature >= min && feature <= max) return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
