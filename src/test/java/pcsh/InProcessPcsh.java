package pcsh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.shell.DefaultShellApplicationRunner;
import org.springframework.shell.ShellApplicationRunner;
import org.springframework.shell.ShellRunner;

/**
 * pcsh's one-shot path in this JVM: the application the jar starts (same main class, same settings
 * handling, no argument read as a Spring property), kept running so that many commands can be given
 * to it as the jar is given one: through Spring Shell's application runner, which hands the
 * arguments to pcsh's runners. stdout is a dumb terminal (as when piped); stderr is captured.
 */
final class InProcessPcsh implements AutoCloseable {

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private static InProcessPcsh embedded;

  /**
   * One pcsh on the embedded emulator (its own home, no rate limit) that test classes share: a
   * context takes seconds to start.
   */
  static synchronized InProcessPcsh embedded() throws java.io.IOException {
    if (embedded == null) {
      java.nio.file.Path home = java.nio.file.Files.createTempDirectory("pcsh-in-process");
      embedded =
          new InProcessPcsh(
              Map.of(
                  "pcsh.base-url",
                  "embedded",
                  "pcsh.home",
                  home.toString(),
                  "pcsh.history.dir",
                  home.resolve("history").toString(),
                  "pcsh.emulator.rate-limit",
                  "0"));
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded;
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ConfigurableApplicationContext context;

  /** Starts pcsh with {@code settings}, which win over everything else (the environment too). */
  InProcessPcsh(Map<String, Object> settings) {
    Map<String, Object> p = new HashMap<>(settings);
    p.put("spring.config.location", "classpath:/application.properties");
    p.put("spring.shell.interactive.enabled", "false");
    SpringApplication app = new SpringApplication(PcshApplication.class);
    app.setAddCommandLineProperties(false);
    app.addInitializers(
        ctx -> {
          ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", p));
          // nothing runs at start: run() hands each command to the runners, as start-up does
          ctx.getBeanFactory().registerSingleton("quietStart", (ShellApplicationRunner) a -> {});
          // written straight through, as to a pipe (the terminal the shell builds pumps its output
          // on a thread of its own, and adds a carriage return before each line feed)
          ((GenericApplicationContext) ctx)
              .registerBean(
                  "capturedTerminal",
                  Terminal.class,
                  () -> dumbTerminal(out),
                  d -> d.setPrimary(true));
        });
    context = app.run();
  }

  private static Terminal dumbTerminal(ByteArrayOutputStream out) {
    try {
      return new DumbTerminal(
          "pcsh-test",
          Terminal.TYPE_DUMB,
          new ByteArrayInputStream(new byte[0]),
          out,
          StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** pcsh's home, where it keeps its files. */
  java.nio.file.Path home() {
    return java.nio.file.Path.of(context.getEnvironment().getProperty("pcsh.home"));
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  java.util.Collection<Object> beansWith(Class<? extends java.lang.annotation.Annotation> a) {
    return context.getBeansWithAnnotation(a).values();
  }

  /** Runs one command as {@code ./pcsh args...} would, and what it printed and exited with. */
  synchronized Run run(String... args) throws Exception {
    out.reset();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      new DefaultShellApplicationRunner(
              new ArrayList<>(context.getBeansOfType(ShellRunner.class).values()))
          .run(new DefaultApplicationArguments(args));
    } finally {
      context.getBean(Terminal.class).writer().flush();
      System.setErr(stderr);
    }
    int exit =
        context.getBeansOfType(ExitCodeGenerator.class).values().stream()
            .mapToInt(ExitCodeGenerator::getExitCode)
            .filter(c -> c != 0)
            .findFirst()
            .orElse(0);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    context.close();
  }
}
