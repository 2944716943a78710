package pcsh.shell;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.shell.command.annotation.Command;

/**
 * What a one-shot command ({@code ./pcsh <command> ...}) leaves out of the shell's context, so that
 * it starts faster (BENCHMARKS.md, "Fourth round"):
 *
 * <ul>
 *   <li>the other commands: Spring Shell builds every {@code @Command} method's registration at
 *       start (a bean per method, read by reflection, and the bean of its class with all it needs),
 *       over a quarter of a one-shot start spent on commands it never runs. The registrations whose
 *       names (and aliases) start with another word are dropped before any bean is made, and the
 *       command classes left with none become lazy, so nothing makes them. Words that need every
 *       command keep them all: {@code help} and {@code completion} (they list them), and a first
 *       word no command has (the "no command" report is the shell's, as always). Parsing is
 *       unchanged: every command a line could name with that first word is still there;
 *   <li>the interactive loop: its runner and the line reader it reads with (completion, history,
 *       key bindings), which a one-shot command never reads with;
 *   <li>the {@code @EventListener} scan: it reads every bean's class for annotated methods, and the
 *       one such method in the application saves the line reader's history, not made here.
 * </ul>
 *
 * <p>The interactive shell and scripts ({@code --file}) have no arguments and get everything.
 */
public final class OneShotContext
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Spring Shell's factory of a method's registration (package-private there). */
  public static final String REGISTRATION_FACTORY =
      "org.springframework.shell.command.annotation.support.CommandRegistrationFactoryBean";

  /** Spring Shell's interactive runner and what only it uses. */
  static final String INTERACTIVE_RUNNER = "interactiveApplicationRunner";

  static final List<String> LINE_READER =
      List.of("lineReader", "org.springframework.shell.boot.LineReaderAutoConfiguration");

  private static final Set<String> EVERY_COMMAND = Set.of("help", "completion");

  private final String first;

  /** {@code args}: the command's words, global options already taken off; none for the shell. */
  public OneShotContext(String[] args) {
    this.first = args.length == 0 ? "" : args[0];
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (first.isEmpty()) return;
    context.addBeanFactoryPostProcessor(new Narrowing(first));
  }

  /**
   * Runs after every definition is registered (Spring AOT's at start, or those a configuration scan
   * makes), before any bean is made.
   */
  record Narrowing(String first) implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
      if (!(factory instanceof BeanDefinitionRegistry registry)) return;
      remove(registry, INTERACTIVE_RUNNER);
      for (String name : LINE_READER) {
        if (registry.containsBeanDefinition(name)) {
          registry.getBeanDefinition(name).setLazyInit(true);
        }
      }
      remove(registry, AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME);
      if (!EVERY_COMMAND.contains(first)) keepOnlyCommandsStartingWithFirstWord(registry);
    }

    private void keepOnlyCommandsStartingWithFirstWord(BeanDefinitionRegistry registry) {
      Map<String, String> hostOf = new HashMap<>(); // registration bean -> its command class's bean
      Set<String> keep = new HashSet<>();
      for (String name : registry.getBeanDefinitionNames()) {
        BeanDefinition d = registry.getBeanDefinition(name);
        if (!REGISTRATION_FACTORY.equals(d.getBeanClassName())) continue;
        var values = d.getPropertyValues();
        if (!(values.get("commandBeanType") instanceof Class<?> type)
            || !(values.get("commandBeanName") instanceof String host)
            || !(values.get("commandMethodName") instanceof String method)
            || !(values.get("commandMethodParameters") instanceof Class<?>[] params)) {
          return; // not the shape this knows (another Spring Shell): keep everything
        }
        List<String> words = firstWords(type, method, params);
        if (words.isEmpty()) return; // a name this cannot read: keep everything
        hostOf.put(name, host);
        if (words.contains(first)) keep.add(name);
      }
      if (keep.isEmpty()) return; // no such command: reported with every command known
      Set<String> hostsKept = new HashSet<>();
      keep.forEach(n -> hostsKept.add(hostOf.get(n)));
      hostOf.forEach(
          (registration, host) -> {
            if (keep.contains(registration)) return;
            registry.removeBeanDefinition(registration);
            if (!hostsKept.contains(host) && registry.containsBeanDefinition(host)) {
              registry.getBeanDefinition(host).setLazyInit(true);
            }
          });
    }

    private static void remove(BeanDefinitionRegistry registry, String name) {
      if (registry.containsBeanDefinition(name)) registry.removeBeanDefinition(name);
    }
  }

  /**
   * The first word of a command's name and of each of its aliases, as Spring Shell makes them: the
   * class's {@code @Command} words, then the method's (CommandAnnotationUtils). Empty when the
   * annotations are not where pcsh puts them, or the name would come from the method's name.
   */
  public static List<String> firstWords(Class<?> type, String methodName, Class<?>[] params) {
    Method method;
    try {
      method = type.getDeclaredMethod(methodName, params);
    } catch (NoSuchMethodException e) {
      return List.of();
    }
    Command onClass = type.getAnnotation(Command.class);
    Command onMethod = method.getAnnotation(Command.class);
    if (onMethod == null) return List.of();
    String classWord = onClass == null ? "" : firstWord(onClass.command());
    String name = classWord.isEmpty() ? firstWord(onMethod.command()) : classWord;
    if (name.isEmpty()) return List.of();
    List<String> words = new ArrayList<>();
    words.add(name);
    String classAlias = onClass == null ? "" : firstWord(onClass.alias());
    for (String alias : onMethod.alias()) {
      String w = classAlias.isEmpty() ? firstWord(new String[] {alias}) : classAlias;
      if (!w.isEmpty()) words.add(w);
    }
    return words;
  }

  private static String firstWord(String[] names) {
    for (String n : names) {
      String s = n.strip();
      if (!s.isEmpty()) return s.indexOf(' ') < 0 ? s : s.substring(0, s.indexOf(' '));
    }
    return "";
  }
}
