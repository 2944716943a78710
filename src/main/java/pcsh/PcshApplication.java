package pcsh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.config.AnsiOutputApplicationListener;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.shell.command.annotation.CommandScan;
import pcsh.api.Transport;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles;
import pcsh.shell.OneShotContext;
import pcsh.shell.TerminalSetup;
import pcsh.shell.WarmStart;

/**
 * Starts pcsh: with arguments it runs that one command and exits with its exit code; without, it
 * opens the interactive shell.
 */
@SpringBootApplication
@CommandScan
public class PcshApplication {

  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  /** Held so its level sticks: java.util.logging keeps loggers only weakly. */
  private static final Logger JLINE = Logger.getLogger("org.jline");

  public static void main(String[] args) throws Exception {
    args = globalOptions(args);
    Map<String, Object> defaults;
    try {
      defaults = defaults();
    } catch (java.io.IOException e) {
      System.err.println(
          "Error: cannot read pcsh's settings files ("
              + e.getMessage()
              + ").\n  Next: check that shell.properties here and in $PCSH_HOME are readable"
              + " files.");
      System.exit(2);
      return;
    }
    // not while the build prepares the beans (process-aot runs main): a PCSH_ variable of the shell
    // that builds must not fail the build, nor the build create a home
    if (!Boolean.getBoolean("spring.aot.processing")) {
      try {
        Settings settings = Settings.from(SettingsFiles.layered(defaults));
        WarmStart.forCommand(args, settings);
      } catch (Settings.InvalidSettingException e) {
        // before Spring starts, so a typo in a setting gets one clear line, not a context failure
        System.err.println("Error: " + e.getMessage());
        System.exit(2);
      }
      try {
        SettingsFiles.createHome(Path.of(defaults.get(Settings.HOME).toString()));
      } catch (java.io.IOException e) {
        System.err.println(
            "Error: cannot create pcsh's home ("
                + e.getMessage()
                + ").\n  Next: set PCSH_HOME to a directory you can write, or fix its"
                + " permissions.");
        System.exit(1);
      }
    }
    quietLibraryLogging();
    TerminalSetup.quickDetection();
    SpringApplication app = new Application();
    // Spring's own settings are the one built-in application.properties, read here rather than
    // through Spring Boot's config-data search (locations, profiles, imports); Boot's logging
    // set-up
    // has nothing to set up (libraries log through slf4j-simple), nor its coloured console log.
    // Less machinery loaded: about a megabyte, and a few percent of start-up
    app.setListeners(
        app.getListeners().stream()
            .filter(
                l ->
                    !(l instanceof EnvironmentPostProcessorApplicationListener
                        || l instanceof LoggingApplicationListener
                        || l instanceof AnsiOutputApplicationListener))
            .toList());
    defaults.putAll(builtIn());
    app.setDefaultProperties(defaults);
    // no argument ever becomes a Spring property: "--debug" or "--x=y" belong to pcsh's commands
    app.setAddCommandLineProperties(false);
    app.addInitializers(new AnnotatedPropertiesBinding());
    // a one-shot command leaves out what it cannot use; the build's AOT step must see it all
    if (!Boolean.getBoolean("spring.aot.processing")) app.addInitializers(new OneShotContext(args));
    ConfigurableApplicationContext context = app.run(args);
    int code = SpringApplication.exit(context);
    Transport.stopSelectorThreads();
    System.exit(code);
  }

  /**
   * Spring Boot binds all of {@code SpringApplication}'s settings ({@code spring.main.*}) with its
   * Binder; pcsh sets two (application.properties), read here one by one, and with Spring Shell's
   * read the same way ({@link SpringShellSettings}) the Binder is never set up: a tenth of a
   * one-shot command's start. {@code SpringShellSettingsTest} checks application.properties sets no
   * other.
   */
  static final class Application extends SpringApplication {

    static final String BANNER_MODE = "spring.main.banner-mode";
    static final String LOG_STARTUP_INFO = "spring.main.log-startup-info";
    static final List<String> SETTINGS = List.of(BANNER_MODE, LOG_STARTUP_INFO);

    Application() {
      super(PcshApplication.class);
    }

    @Override
    protected void bindToSpringApplication(ConfigurableEnvironment environment) {
      Banner.Mode banner = environment.getProperty(BANNER_MODE, Banner.Mode.class);
      if (banner != null) setBannerMode(banner);
      Boolean startupInfo = environment.getProperty(LOG_STARTUP_INFO, Boolean.class);
      if (startupInfo != null) setLogStartupInfo(startupInfo);
    }
  }

  /**
   * Libraries log warnings and errors only, on stderr: those on SLF4J through slf4j-simple
   * (simplelogger.properties), Hibernate Validator's jboss-logging through SLF4J too, JLine's
   * java.util.logging at SEVERE (it warns about falling back to a dumb terminal, which is expected
   * without one). Spring Boot's own logging set-up has nothing to do.
   */
  private static void quietLibraryLogging() {
    if (System.getProperty(LOGGING_SYSTEM) == null) System.setProperty(LOGGING_SYSTEM, "none");
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    Logger.getLogger("").setLevel(Level.WARNING);
    JLINE.setLevel(Level.SEVERE);
  }

  /**
   * Strips pcsh's global options, which come before the command: {@code --read-only}, {@code
   * --debug}, {@code --show-request}, {@code --file F}, {@code --continue-on-error}. They become
   * system properties, so they win over every settings layer. {@code --version} and {@code --help}
   * (or {@code -h}) are the {@code version} and {@code help} commands.
   */
  static String[] globalOptions(String[] args) {
    int i = 0;
    for (; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--version") || a.equals("--help") || a.equals("-h")) {
        String[] rest = java.util.Arrays.copyOfRange(args, i, args.length);
        rest[0] = a.equals("--version") ? "version" : "help";
        return rest;
      }
      if (a.equals("--read-only")) System.setProperty("pcsh.read-only", "true");
      else if (a.equals("--debug")) System.setProperty("pcsh.debug", "true");
      else if (a.equals("--show-request")) System.setProperty("pcsh.show-request", "true");
      else if (a.equals("--continue-on-error"))
        System.setProperty("pcsh.continue-on-error", "true");
      else if (a.equals("--file") && i + 1 < args.length)
        System.setProperty("pcsh.file", args[++i]);
      else if (a.startsWith("--file="))
        System.setProperty("pcsh.file", a.substring("--file=".length()));
      else if (a.equals("--file")) usage("--file needs the path of a script.");
      else break;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, i, args.length);
    if (System.getProperty("pcsh.file") != null && rest.length > 0) {
      usage(
          "--file runs a script, so it cannot be followed by a command ('"
              + String.join(" ", rest)
              + "').");
    }
    return rest;
  }

  private static void usage(String message) {
    System.err.println(
        "Error: " + message + "\n  Next: run `./pcsh help` for the commands, or see the README.");
    System.exit(2);
  }

  /** Spring's own settings, as {@code application.properties} in the jar has them. */
  static Map<String, String> builtIn() throws IOException {
    Properties p = new Properties();
    try (InputStream in = PcshApplication.class.getResourceAsStream("/application.properties")) {
      if (in != null) p.load(in);
    }
    Map<String, String> m = new HashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  /**
   * The file layers of the settings. Environment variables and {@code -D} system properties are
   * applied above these by Spring, so they win, as the README documents.
   */
  static Map<String, Object> defaults() throws java.io.IOException {
    String home = System.getProperty(Settings.HOME, SettingsFiles.defaultHome());
    String repoDefaults = System.getProperty("pcsh.defaults");
    Map<String, Object> p =
        new HashMap<>(
            SettingsFiles.fileLayers(
                repoDefaults == null ? null : Path.of(repoDefaults),
                Path.of(home, "shell.properties")));
    p.putIfAbsent(Settings.HOME, home);
    return p;
  }
}
