package pcsh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end, timing it and sampling its peak resident set size from /proc. */
final class Proc {

  private Proc() {}

  record Result(int exit, double seconds, long peakRssKb, String stderr) {}

  static Result run(List<String> command, Map<String, String> env, Path dir, Path stdout)
      throws Exception {
    return run(command, env, dir, stdout, true);
  }

  /**
   * With {@code sampleRss} false nothing polls /proc while the process runs, so a start-up timing
   * does not share the CPU with the sampler; the peak RSS is then 0.
   */
  static Result run(
      List<String> command, Map<String, String> env, Path dir, Path stdout, boolean sampleRss)
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
    if (!sampleRss) p.waitFor();
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
   * VmHWM only grows, so the last reading before the process ends is its peak to within one sample.
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
