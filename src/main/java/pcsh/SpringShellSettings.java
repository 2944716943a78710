package pcsh;

import java.util.function.Consumer;
import org.springframework.core.env.PropertyResolver;
import org.springframework.shell.boot.SpringShellProperties;

/**
 * Spring Shell's settings ({@code spring.shell.*}), read from the environment one by one rather
 * than bound by Spring Boot's Binder. The Binder walks every property of every nested class of
 * Spring Shell's (a hundred), and its first use sets up its converters and caches: with Boot's
 * binding of {@code spring.main.*} (read the same way in {@link PcshApplication}), a tenth of a
 * one-shot command's start (BENCHMARKS.md, "Fourth round"), and nothing else in pcsh uses it.
 *
 * <p>What is read is what the parts of Spring Shell that pcsh runs read once started: the help
 * option, option naming, history, theme, user config, the runners. The rest belongs to parts pcsh
 * leaves out (the built-in commands, component flows) and keeps Spring Shell's defaults. {@code
 * SpringShellSettingsTest} checks that this reads what the Binder would, and that
 * application.properties sets nothing else.
 */
final class SpringShellSettings {

  static final String PREFIX = "spring.shell.";

  private SpringShellSettings() {}

  /** Sets on {@code p} each of the settings the environment has; the others keep their value. */
  static void read(SpringShellProperties p, PropertyResolver env) {
    var history = p.getHistory();
    set(env, "history.enabled", Boolean.class, history::setEnabled);
    set(env, "history.name", String.class, history::setName);
    var help = p.getHelp();
    set(env, "help.enabled", Boolean.class, help::setEnabled);
    set(env, "help.command", String.class, help::setCommand);
    set(env, "help.long-names", String[].class, help::setLongNames);
    set(env, "help.short-names", Character[].class, help::setShortNames);
    set(
        env,
        "option.naming.case-type",
        SpringShellProperties.OptionNamingCase.class,
        p.getOption().getNaming()::setCaseType);
    set(env, "theme.name", String.class, p.getTheme()::setName);
    set(env, "config.env", String.class, p.getConfig()::setEnv);
    set(env, "config.location", String.class, p.getConfig()::setLocation);
    set(env, "interactive.enabled", Boolean.class, p.getInteractive()::setEnabled);
    set(env, "noninteractive.enabled", Boolean.class, p.getNoninteractive()::setEnabled);
    set(
        env,
        "noninteractive.primary-command",
        String.class,
        p.getNoninteractive()::setPrimaryCommand);
    set(env, "script.enabled", Boolean.class, p.getScript()::setEnabled);
    set(env, "context.close", Boolean.class, p.getContext()::setClose);
  }

  private static <T> void set(
      PropertyResolver env, String key, Class<T> type, Consumer<? super T> setter) {
    T value = env.getProperty(PREFIX + key, type);
    if (value != null) setter.accept(value);
  }
}
