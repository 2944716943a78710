package pcsh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built pcsh jar as a user would, one command per process, with no terminal. */
final class Pcsh {

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Path home;
  private final Map<String, String> env;

  Pcsh(Path home, Map<String, String> env) {
    this.home = home;
    this.env = env;
  }

  Run run(String... args) throws IOException, InterruptedException {
    return run(new File("/dev/null"), args);
  }

  /** Runs with stdin read from a file, as {@code ./pcsh < script.pcsh} does. */
  Run runWithStdin(Path stdin, String... args) throws IOException, InterruptedException {
    return run(stdin.toFile(), args);
  }

  /** The java command line that runs the built jar as the launcher does, its root under home. */
  static List<String> command(Path home, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(
        List.of(
            "-Dpcsh.defaults=" + Path.of("shell.properties").toAbsolutePath(),
            "-Dpcsh.root=" + home.resolve("root"),
            "-Dpcsh.stdin-tty=false"));
    cmd.addAll(PreparedJar.javaArgs());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private Run run(File stdin, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command(home, args));
    pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
    pb.environment().put("PCSH_HOME", home.toString());
    pb.environment().putAll(env);
    // an empty PCSH_HOME in env means: let pcsh find its home itself
    if (env.containsKey("PCSH_HOME") && env.get("PCSH_HOME").isEmpty()) {
      pb.environment().remove("PCSH_HOME");
    }
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    pb.redirectInput(stdin).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "hang guard: pcsh did not finish within 90 s (a command takes seconds): "
              + String.join(" ", args));
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
