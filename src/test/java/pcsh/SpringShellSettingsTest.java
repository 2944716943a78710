package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.shell.boot.SpringShellProperties;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Shell's settings and Spring Boot's, read one by one at start rather than bound by Boot's
 * Binder ({@link SpringShellSettings}, {@link PcshApplication.Application}): the same values as the
 * Binder gives, and application.properties sets nothing that is not read.
 */
class SpringShellSettingsTest {

  /** What the parts of Spring Shell pcsh runs read, each as a string. */
  private static final Map<String, Function<SpringShellProperties, Object>> READ =
      new LinkedHashMap<>();

  static {
    READ.put("history.enabled", p -> p.getHistory().isEnabled());
    READ.put("history.name", p -> p.getHistory().getName());
    READ.put("help.enabled", p -> p.getHelp().isEnabled());
    READ.put("help.command", p -> p.getHelp().getCommand());
    READ.put("help.long-names", p -> Arrays.toString(p.getHelp().getLongNames()));
    READ.put("help.short-names", p -> Arrays.toString(p.getHelp().getShortNames()));
    READ.put("option.naming.case-type", p -> p.getOption().getNaming().getCaseType());
    READ.put("theme.name", p -> p.getTheme().getName());
    READ.put("config.env", p -> p.getConfig().getEnv());
    READ.put("config.location", p -> p.getConfig().getLocation());
    READ.put("interactive.enabled", p -> p.getInteractive().isEnabled());
    READ.put("noninteractive.enabled", p -> p.getNoninteractive().isEnabled());
    READ.put("noninteractive.primary-command", p -> p.getNoninteractive().getPrimaryCommand());
    READ.put("script.enabled", p -> p.getScript().isEnabled());
    READ.put("context.close", p -> p.getContext().isClose());
  }

  /** A value unlike each default, as a user would write it. */
  private static final Map<String, String> OTHER =
      Map.ofEntries(
          Map.entry("history.enabled", "true"),
          Map.entry("history.name", "elsewhere.log"),
          Map.entry("help.enabled", "false"),
          Map.entry("help.command", "aide"),
          Map.entry("help.long-names", "aide,hilfe"),
          Map.entry("help.short-names", "a,H"),
          Map.entry("option.naming.case-type", "kebab"),
          Map.entry("theme.name", "dump"),
          Map.entry("config.env", "PCSH_CONF"),
          Map.entry("config.location", "{userconfig}/x"),
          Map.entry("interactive.enabled", "false"),
          Map.entry("noninteractive.enabled", "true"),
          Map.entry("noninteractive.primary-command", "whoami"),
          Map.entry("script.enabled", "true"),
          Map.entry("context.close", "true"));

  @Test
  void withPcshsSettingsEachValueIsWhatTheBinderGives() throws Exception {
    assertSameAsTheBinder(applicationProperties());
  }

  @Test
  void eachSettingSetByTheUserIsWhatTheBinderGives() throws Exception {
    assertThat(OTHER.keySet()).containsExactlyInAnyOrderElementsOf(READ.keySet());
    for (var e : OTHER.entrySet()) {
      Map<String, Object> p = applicationProperties();
      p.put(SpringShellSettings.PREFIX + e.getKey(), e.getValue());
      assertSameAsTheBinder(p);
    }
  }

  @Test
  void anEnvironmentVariableCountsAsTheBinderCountsIt() {
    StandardEnvironment env = bootEnvironment();
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    env.getPropertySources()
        .replace(
            name,
            new SystemEnvironmentPropertySource(
                name,
                Map.of(
                    "SPRING_SHELL_THEME_NAME", "dump",
                    "SPRING_SHELL_HISTORY_ENABLED", "false",
                    "SPRING_SHELL_HELP_LONGNAMES", "aide,hilfe")));

    assertThat(read(env)).isEqualTo(bound(env)).containsEntry("theme.name", "dump");
  }

  @Test
  void applicationPropertiesSetsOnlyWhatIsRead() throws Exception {
    for (String key : applicationProperties().keySet()) {
      if (key.startsWith(SpringShellSettings.PREFIX)) {
        assertThat(READ).as(key).containsKey(key.substring(SpringShellSettings.PREFIX.length()));
      } else if (key.startsWith("spring.main.")) {
        assertThat(PcshApplication.Application.SETTINGS).as(key).contains(key);
      }
    }
  }

  @Test
  void springMainSettingsAreWhatTheBinderGives() throws Exception {
    StandardEnvironment env = environment(applicationProperties());
    BoundByBoot boot = new BoundByBoot();
    boot.bind(env);
    PcshApplication.Application pcsh = new PcshApplication.Application();

    pcsh.bindToSpringApplication(env);

    Object expected = ReflectionTestUtils.getField(boot, "properties");
    Object actual = ReflectionTestUtils.getField(pcsh, "properties");
    for (java.lang.reflect.Field f : expected.getClass().getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
      assertThat(ReflectionTestUtils.getField(actual, f.getName()))
          .as(f.getName())
          .isEqualTo(ReflectionTestUtils.getField(expected, f.getName()));
    }
    assertThat(ReflectionTestUtils.getField(actual, "bannerMode"))
        .isEqualTo(org.springframework.boot.Banner.Mode.OFF);
  }

  /** Spring Boot's own binding of {@code spring.main.*}. */
  private static final class BoundByBoot extends org.springframework.boot.SpringApplication {
    void bind(StandardEnvironment env) {
      super.bindToSpringApplication(env);
    }
  }

  private static void assertSameAsTheBinder(Map<String, Object> properties) {
    StandardEnvironment env = environment(properties);
    assertThat(read(env)).as(properties.toString()).isEqualTo(bound(env));
  }

  /** An environment as Spring Boot's start makes it: with Boot's converters (lenient enums). */
  private static StandardEnvironment bootEnvironment() {
    StandardEnvironment env = new StandardEnvironment();
    env.setConversionService(new ApplicationConversionService());
    return env;
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment env = bootEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return env;
  }

  private static Map<String, Object> read(StandardEnvironment env) {
    ConfigurationPropertySources.attach(env); // as Spring Boot's start does
    SpringShellProperties p = new SpringShellProperties();
    SpringShellSettings.read(p, env);
    return values(p);
  }

  private static Map<String, Object> bound(StandardEnvironment env) {
    SpringShellProperties p = new SpringShellProperties();
    Binder.get(env).bind("spring.shell", Bindable.ofInstance(p));
    return values(p);
  }

  private static Map<String, Object> values(SpringShellProperties p) {
    Map<String, Object> m = new LinkedHashMap<>();
    READ.forEach((k, f) -> m.put(k, String.valueOf(f.apply(p))));
    return m;
  }

  private static Map<String, Object> applicationProperties() throws Exception {
    Properties p = new Properties();
    try (InputStream in = PcshApplication.class.getResourceAsStream("/application.properties")) {
      p.load(in);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }
}
