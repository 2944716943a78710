package pcsh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code ./pcsh} launcher started as a process of its own (the launcher execs java, so its
 * pid is pcsh's), with no terminal, its output in files: for the tests that run several at once,
 * wait for one at a test pause ({@code pcsh.session.TestPause}), and kill it there.
 */
final class PcshProcess {

  /** How a finished run ended. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private static final Pattern PAUSED = Pattern.compile("pcsh test pause: (\\S+) \\(pid (\\d+)\\)");

  private final Process process;
  private final Path out;
  private final Path err;
  private final List<String> args;

  private PcshProcess(Process process, Path out, Path err, List<String> args) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.args = args;
  }

  /** Starts {@code ./pcsh args} with {@code env} over a clean environment (no PCSH_ variable). */
  static PcshProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
    Path launcher = Path.of("pcsh").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
    pb.environment().putAll(env);
    Files.createDirectories(dir);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    return new PcshProcess(pb.start(), out, err, List.of(args));
  }

  /** Runs {@code ./pcsh args} to the end. */
  static Run run(Path dir, Map<String, String> env, String... args) throws Exception {
    return start(dir, env, args).waitFor(Duration.ofSeconds(120));
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the process to announce a test pause; the point it paused at. */
  String paused(Duration timeout) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      Matcher m = PAUSED.matcher(stderr());
      if (m.find()) return m.group(1);
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "pcsh ended before its test pause: " + String.join(" ", args) + "\n" + end());
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "hang guard: pcsh did not reach its test pause within "
            + timeout
            + " (it takes a few seconds): "
            + String.join(" ", args));
  }

  /** SIGKILL, as a closed laptop lid or an OOM killer would; returns its exit status (137). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("not killed");
    return process.exitValue();
  }

  Run waitFor(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "hang guard: pcsh did not finish within "
              + timeout
              + " (a command takes seconds): "
              + String.join(" ", args));
    }
    return end();
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private Run end() throws IOException {
    return new Run(process.isAlive() ? -1 : process.exitValue(), stdout(), stderr());
  }
}
