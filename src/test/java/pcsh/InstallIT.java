package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The release archives as a user installs them: unpacked into a directory nobody may write, run
 * through {@code bin/pcsh} with a PATH that has no Maven (and, for the self-contained archive, no
 * Java and no JAVA_HOME either), with a fresh home and cache. pcsh must work there, train its class
 * archive into the cache, and leave the install directory exactly as it was unpacked. (Root may
 * write into a read-only directory, so the tree is compared file by file, not trusted to the mode.)
 */
// beside the other integration tests (pom.xml, failsafe): it runs from archives unpacked into
// directories of its own, with a cache of its own
@Execution(ExecutionMode.CONCURRENT)
class InstallIT {

  static final String VERSION = System.getProperty("pcsh.version", "");

  @TempDir Path dir;
  private Path home;
  private Path cache;

  @BeforeEach
  void archivesAreBuilt() throws IOException {
    assumeFalse(
        Boolean.getBoolean("pcsh.dist.skip"),
        "-Dpcsh.dist.skip=true: the build made no release archive to install");
    assertThat(VERSION).as("pcsh.version, set by the build").isNotBlank();
    home = Files.createDirectories(dir.resolve("home"));
    cache = dir.resolve("cache");
  }

  static Path target(String name) {
    return Path.of("target", name).toAbsolutePath();
  }

  @Test
  void theArchiveRunsFromAReadOnlyDirectoryWithTheJavaOnThePathAndNoMaven() throws Exception {
    Path install = unpack(target("pcsh-" + VERSION + ".tar.gz"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path bin = toolsOnly(java);
    Map<String, String> before = snapshot(install);

    Run version = run(install, bin, "version");
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.out())
        .contains("pcsh " + VERSION)
        .contains("Installed in: " + install + " (release archive)")
        .contains("Runtime:      " + java.toRealPath().getParent().getParent());
    Run whoami = run(install, bin, "whoami");
    assertThat(whoami.exit()).as(whoami.toString()).isZero();
    assertThat(whoami.out()).contains("Base URL:        embedded");
    threeCustomers(run(install, bin, "customers", "list", "--size", "3"));

    // the completion scripts shipped are what this pcsh prints
    for (String[] shell : new String[][] {{"bash", "pcsh.bash"}, {"zsh", "_pcsh"}}) {
      Run script = run(install, bin, "completion", shell[0]);
      assertThat(script.exit()).as(script.toString()).isZero();
      assertThat(script.out())
          .isEqualTo(Files.readString(install.resolve("completion").resolve(shell[1])));
    }

    assertThat(snapshot(install)).as("the install directory").isEqualTo(before);
    assertThat(trainedArchives()).isNotEmpty();
    assertThat(home.resolve(".pcsh")).isDirectory();
  }

  @Test
  void theSelfContainedArchiveRunsWhereThereIsNoJavaAtAll() throws Exception {
    Path archive = target("pcsh-" + VERSION + "-linux-x64.tar.gz");
    boolean linuxX64 =
        System.getProperty("os.name").equals("Linux")
            && System.getProperty("os.arch").equals("amd64");
    if (!linuxX64) assumeTrue(Files.exists(archive), "built on Linux x64 only");
    Path install = unpack(archive);
    Path bin = toolsOnly(null);
    Map<String, String> before = snapshot(install);

    Run version = run(install, bin, "version");
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.out())
        .contains("Installed in: " + install + " (release archive)")
        .contains("Runtime:      " + install.resolve("runtime") + " (bundled with pcsh)");
    Run whoami = run(install, bin, "whoami");
    assertThat(whoami.exit()).as(whoami.toString()).isZero();
    threeCustomers(run(install, bin, "customers", "list", "--size", "3"));

    assertThat(snapshot(install)).as("the install directory").isEqualTo(before);
    assertThat(trainedArchives()).isNotEmpty();
  }

  private static void threeCustomers(Run list) {
    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(list.out())
        .contains("Northwind Traders", "Fabrikam School District", "Tailspin County Government")
        .contains("Showing 3 customers");
  }

  /** The class archives the launcher trained, in the cache directory the test gave it. */
  private List<String> trainedArchives() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("pcsh"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("pcsh-" + VERSION + "-"))
          .filter(n -> n.endsWith(".jsa") || n.endsWith(".aot"))
          .toList();
    }
  }

  /** Unpacks {@code archive} with tar, as a user would, and makes the result read-only. */
  private Path unpack(Path archive) throws Exception {
    assertThat(archive).as("built by mvn package").exists();
    Path into = Files.createDirectories(dir.resolve("opt"));
    exec(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()));
    Path install = into.resolve("pcsh-" + VERSION).toRealPath();
    exec(List.of("chmod", "-R", "a-w", install.toString()));
    return install;
  }

  /**
   * A PATH directory with the few tools the sh launcher uses (and {@code java} when given): no
   * Maven, and without {@code java} no Java at all.
   */
  private Path toolsOnly(Path java) throws IOException {
    Path bin = Files.createDirectories(dir.resolve(java == null ? "bin-nojava" : "bin"));
    for (String tool : List.of("ls", "mktemp", "rm", "mv", "mkdir", "sed", "readlink", "env")) {
      Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
    }
    if (java != null) Files.createSymbolicLink(bin.resolve("java"), java);
    assertThat(bin.resolve("mvn")).doesNotExist();
    return bin;
  }

  private static Path onPath(String tool) {
    for (String d : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return p;
    }
    throw new IllegalStateException("no " + tool + " on the PATH");
  }

  /** Every file and directory under {@code root} with its size, time and mode. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        m.put(
            root.relativize(p).toString(),
            Files.size(p)
                + " "
                + Files.getLastModifiedTime(p).toMillis()
                + " "
                + java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(p)));
      }
    }
    return m;
  }

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** {@code bin/pcsh args} in an environment of only PATH, HOME and XDG_CACHE_HOME. */
  private Run run(Path install, Path bin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(install.resolve("bin").resolve("pcsh").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    Process p = pb.start();
    // a hang guard: the first run also trains the class archive (two JVMs, several seconds), so it
    // gets five times HangGuard's limit; only a hang fails here, never a slow machine
    Duration limit = HangGuard.LIMIT.multipliedBy(5);
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "hang guard: bin/pcsh "
              + String.join(" ", args)
              + " did not finish in "
              + limit.toMinutes()
              + " minutes (a run takes seconds; the limit only stops a hang)");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
  }
}
