package pcsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class archives on a JDK with AOT caches (24 and newer): a command that sends
 * nothing gets a cache of its own, one that sends requests the full one. Skips where no such JDK is
 * installed under /usr/lib/jvm.
 */
class LauncherIT {

  @TempDir Path home;

  @Test
  void commandsThatSendNothingGetTheirOwnCacheAndTheOthersTheFullOne() throws Exception {
    Optional<Path> jdk = newJdk();
    assumeTrue(jdk.isPresent(), "no JDK 24+ under /usr/lib/jvm, so the AOT cache test is skipped");

    Run local = run(jdk.get(), "--debug", "whoami");
    Run help = run(jdk.get(), "help", "whoami");
    Run remote = run(jdk.get(), "customers", "list", "--size", "1");

    assertThat(local.exit()).as(local.out()).isZero();
    assertThat(local.out()).contains("Base URL:        embedded");
    assertThat(help.exit()).as(help.out()).isZero();
    assertThat(remote.exit()).as(remote.out()).isZero();
    assertThat(remote.out()).contains("Northwind Traders");
    try (Stream<Path> files = Files.list(Path.of("target", "pcsh-app"))) {
      List<String> caches =
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".aot")).toList();
      assertThat(caches).anyMatch(n -> n.endsWith("-local.aot"));
      assertThat(caches).anyMatch(n -> !n.endsWith("-local.aot"));
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

  private static Optional<Path> newJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) return Optional.empty();
    Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    try (Stream<Path> dirs = Files.list(jvms)) {
      for (Path d : dirs.sorted().toList()) {
        Path release = d.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(d.resolve("bin/java"))) continue;
        Matcher m = version.matcher(Files.readString(release));
        if (m.find() && Integer.parseInt(m.group(1)) >= 24) return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
