package pcsh.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;

/**
 * Warm interactive latency: one interactive shell on a pseudo-terminal (as {@link Pty}), a customer
 * selected, then {@code customer show} and {@code qualification show} typed in turn, 200 of each
 * (10 with {@code --quick}), each timed from its Enter to the next prompt. pcsh talks to an
 * emulator in this JVM (by URL, with {@code PCSH_ACCESS_TOKEN}, no rate limit), which adds up the
 * time its handler spends on each request ({@link Emulator#handlingNanos()}, read before and after
 * each command): a command's own cost is its time less that. What the handler does not count (the
 * JDK server reading the request line and headers) and the terminal's echo count against pcsh.
 */
final class WarmShell {

  /** Fabrikam School District, a seeded customer with a qualification. */
  private static final String CUSTOMER = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";

  /** JLine turns bracketed paste on just before it prints the prompt. */
  private static final String PROMPT = "\u001b[?2004hpcsh[";

  private static final double GOAL_MS = 10;

  private WarmShell() {}

  static List<Bench.Row> measure(Bench.Options options) throws Exception {
    if (!Pty.available()) {
      return List.of(
          new Bench.Row("warm shell", "skipped: no `script` (util-linux) for a pty", ""));
    }
    int each = options.runs() == 1 ? 10 : 200;
    String[] commands = {"customer show", "qualification show"};
    List<List<Double>> over = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> served = List.of(new ArrayList<>(), new ArrayList<>());
    Path home = Files.createTempDirectory("pcsh-bench");
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory().withRateLimit(0, 0))) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  "script",
                  "-qfec",
                  "stty cols 120 rows 40; exec " + options.root().resolve("pcsh"),
                  "/dev/null")
              .directory(options.root().toFile())
              .redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("PCSH_"));
      pb.environment().put("PCSH_HOME", home.toString());
      pb.environment().put("PCSH_HISTORY_DIR", home.resolve("history").toString());
      pb.environment().put("PCSH_BASE_URL", emulator.baseUrl().toString());
      pb.environment().put("PCSH_ACCESS_TOKEN", "bench");
      pb.environment().put("NO_COLOR", "1");
      pb.environment().put("TERM", "xterm-256color");
      Process p = pb.start();
      Pty.Screen screen = new Pty.Screen(p.getInputStream());
      OutputStream keys = p.getOutputStream();
      try {
        screen.waitFor(PROMPT, 0, 120_000);
        int mark = screen.length();
        Pty.type(keys, "use customer " + CUSTOMER + "\r");
        screen.waitFor(PROMPT, mark, 60_000);
        // warm-up, untimed: the completion cache the first prompt fills, the JIT's first compiles
        for (int i = 0; i < 20; i++) run(screen, keys, emulator, commands[i % 2]);
        for (int i = 0; i < 2 * each; i++) {
          double[] t = run(screen, keys, emulator, commands[i % 2]);
          wall.get(i % 2).add(t[0]);
          served.get(i % 2).add(t[1]);
          over.get(i % 2).add(t[0] - t[1]);
        }
        Pty.type(keys, "exit\r");
        p.waitFor(10, TimeUnit.SECONDS);
      } finally {
        p.destroyForcibly();
      }
    }
    List<Bench.Row> rows = new ArrayList<>();
    List<Double> all = new ArrayList<>(over.get(0));
    all.addAll(over.get(1));
    for (int k = 0; k < 2; k++) {
      rows.add(
          row(
              "warm shell: " + commands[k] + ", " + each + " in one shell",
              over.get(k),
              wall.get(k),
              served.get(k)));
    }
    double median = Bench.median(all);
    rows.add(
        Bench.Row.goal(
            "warm shell: both, per command over the emulator's handling",
            String.format(Locale.ROOT, "%.1f ms median (n=%d)", median, all.size()),
            String.format(Locale.ROOT, "<= %.0f ms median", GOAL_MS),
            median <= GOAL_MS));
    return rows;
  }

  private static Bench.Row row(
      String measure, List<Double> over, List<Double> wall, List<Double> served) {
    double[] v = over.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Bench.Row(
        measure,
        String.format(
            Locale.ROOT,
            "%.1f ms median over the emulator's %.1f ms (Enter to prompt %.1f ms; min %.1f, max"
                + " %.1f)",
            Bench.median(over),
            Bench.median(served),
            Bench.median(wall),
            v[0],
            v[v.length - 1]),
        "");
  }

  /** Wall time from Enter to the next prompt and the emulator's handling time, in ms. */
  private static double[] run(
      Pty.Screen screen, OutputStream keys, Emulator emulator, String command) throws Exception {
    int mark = screen.length();
    long handled = emulator.handlingNanos();
    Pty.type(keys, command);
    screen.waitFor(command, mark, 60_000);
    mark = screen.length();
    long start = System.nanoTime();
    Pty.type(keys, "\r");
    screen.waitFor(PROMPT, mark, 60_000);
    long end = System.nanoTime();
    return new double[] {(end - start) / 1e6, (emulator.handlingNanos() - handled) / 1e6};
  }
}
