package pcsh;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.command.annotation.CommandScan;
import pcsh.session.Settings;

/**
 * Starts pcsh: with arguments it runs that one command and exits with its exit code; without, it opens the
 * interactive shell.
 */
@SpringBootApplication
@CommandScan
public class PcshApplication {

  public static void main(String[] args) throws Exception {
    Map<String, Object> defaults = defaults();
    try {
      Settings.from(Settings.layered(defaults));
    } catch (Settings.InvalidSettingException e) {
      // before Spring starts, so a typo in a setting gets one clear line, not a context failure
      System.err.println("Error: " + e.getMessage());
      System.exit(2);
    }
    SpringApplication app = new SpringApplication(PcshApplication.class);
    app.setDefaultProperties(defaults);
    // no argument ever becomes a Spring property: "--debug" or "--x=y" belong to pcsh's commands
    app.setAddCommandLineProperties(false);
    ConfigurableApplicationContext context = app.run(args);
    System.exit(SpringApplication.exit(context));
  }

  /**
   * The file layers of the settings. Environment variables and {@code -D} system properties are applied
   * above these by Spring, so they win, as the README documents.
   */
  static Map<String, Object> defaults() throws Exception {
    String home = System.getProperty(Settings.HOME, Settings.defaultHome());
    String repoDefaults = System.getProperty("pcsh.defaults");
    Map<String, Object> p = new HashMap<>(Settings.fileLayers(
        repoDefaults == null ? null : Path.of(repoDefaults),
        Path.of(home, "shell.properties")));
    p.putIfAbsent(Settings.HOME, home);
    return p;
  }
}
