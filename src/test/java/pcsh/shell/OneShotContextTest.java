package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.shell.command.annotation.Command;
import pcsh.commands.CustomerCommands;
import pcsh.commands.SessionCommands;
import pcsh.commands.ShellCommands;

/**
 * What a one-shot command leaves out of the context, on bean definitions shaped as Spring Shell
 * registers them for pcsh's own command classes. (That the names read here are those Spring Shell
 * gives every command is {@code pcsh.OneShotCommandNamesTest}; the one-shot runs of the jar show
 * the rest.)
 */
class OneShotContextTest {

  private static final List<Class<?>> HOSTS =
      List.of(SessionCommands.class, ShellCommands.class, CustomerCommands.class);

  @Test
  void aOneShotCommandKeepsOnlyTheCommandsThatStartWithItsFirstWord() {
    DefaultListableBeanFactory factory = shellDefinitions();

    narrow(factory, "customers", "list", "--size", "1");

    assertThat(registrations(factory)).containsExactly(CustomerCommands.class.getName() + "/list");
    // the class that has it stays as it was; the others are made only if something needs them
    assertThat(factory.getBeanDefinition(CustomerCommands.class.getName()).isLazyInit()).isFalse();
    assertThat(factory.getBeanDefinition(SessionCommands.class.getName()).isLazyInit()).isTrue();
    assertThat(factory.getBeanDefinition(ShellCommands.class.getName()).isLazyInit()).isTrue();
  }

  @Test
  void anAliasCountsAsAName() {
    DefaultListableBeanFactory factory = shellDefinitions();

    narrow(factory, "quit");

    assertThat(registrations(factory)).containsExactly(ShellCommands.class.getName() + "/exit");
  }

  @Test
  void everyCommandOfTheFirstWordStaysSoTheLineStillParsesAsBefore() {
    DefaultListableBeanFactory factory = shellDefinitions();

    narrow(factory, "customer", "show", "Northwind");

    assertThat(registrations(factory)).containsExactly(CustomerCommands.class.getName() + "/show");
    narrow(factory = shellDefinitions(), "use");
    assertThat(registrations(factory)).containsExactly(CustomerCommands.class.getName() + "/use");
  }

  @Test
  void helpCompletionAndUnknownWordsKeepEveryCommand() {
    int all = registrations(shellDefinitions()).size();
    for (String first : List.of("help", "completion", "whoamii", "--nonsense")) {
      DefaultListableBeanFactory factory = shellDefinitions();

      narrow(factory, first);

      assertThat(registrations(factory)).as(first).hasSize(all);
      assertThat(factory.getBeanDefinition(SessionCommands.class.getName()).isLazyInit())
          .as(first)
          .isFalse();
    }
  }

  @Test
  void aOneShotCommandHasNoInteractiveLoopNorEventListenerScan() {
    DefaultListableBeanFactory factory = shellDefinitions();

    narrow(factory, "help");

    assertThat(factory.containsBeanDefinition(OneShotContext.INTERACTIVE_RUNNER)).isFalse();
    assertThat(
            factory.containsBeanDefinition(
                AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME))
        .isFalse();
    for (String name : OneShotContext.LINE_READER) {
      assertThat(factory.getBeanDefinition(name).isLazyInit()).as(name).isTrue();
    }
  }

  @Test
  void theShellAndScriptsHaveNoArgumentsAndKeepEverything() {
    var context = new org.springframework.context.support.GenericApplicationContext();

    new OneShotContext(new String[0]).initialize(context);

    assertThat(context.getBeanFactoryPostProcessors()).isEmpty();
  }

  @Test
  void registrationsOfAnotherShapeLeaveEveryCommand() {
    DefaultListableBeanFactory factory = shellDefinitions();
    RootBeanDefinition odd = new RootBeanDefinition();
    odd.setBeanClassName(OneShotContext.REGISTRATION_FACTORY);
    odd.getPropertyValues().add("commandBeanName", "somewhere");
    factory.registerBeanDefinition("odd", odd);
    int all = registrations(factory).size();

    narrow(factory, "whoami");

    assertThat(registrations(factory)).hasSize(all);
  }

  @Test
  void theNamesAreTheClassWordsThenTheMethodWordsAndTheAliases() throws Exception {
    assertThat(firstWords(SessionCommands.class, "whoami")).containsExactly("whoami");
    assertThat(firstWords(ShellCommands.class, "exit")).containsExactly("exit", "quit");
    assertThat(firstWords(CustomerCommands.class, "list")).containsExactly("customers");
  }

  private static List<String> firstWords(Class<?> type, String name) {
    Method m =
        commandMethods(type).stream().filter(x -> x.getName().equals(name)).findFirst().get();
    return OneShotContext.firstWords(type, m.getName(), m.getParameterTypes());
  }

  private static void narrow(DefaultListableBeanFactory factory, String... args) {
    var context = new org.springframework.context.support.GenericApplicationContext(factory);
    new OneShotContext(args).initialize(context);
    context.getBeanFactoryPostProcessors().forEach(p -> p.postProcessBeanFactory(factory));
  }

  /** The definitions Spring Shell and its auto-configuration register, for {@link #HOSTS}. */
  private static DefaultListableBeanFactory shellDefinitions() {
    DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
    for (Class<?> host : HOSTS) {
      factory.registerBeanDefinition(host.getName(), new RootBeanDefinition(host));
      for (Method m : commandMethods(host)) {
        RootBeanDefinition d = new RootBeanDefinition();
        d.setBeanClassName(OneShotContext.REGISTRATION_FACTORY);
        d.getPropertyValues()
            .add("commandBeanType", host)
            .add("commandBeanName", host.getName())
            .add("commandMethodName", m.getName())
            .add("commandMethodParameters", m.getParameterTypes());
        factory.registerBeanDefinition(host.getName() + "/" + m.getName(), d);
      }
    }
    factory.registerBeanDefinition(OneShotContext.INTERACTIVE_RUNNER, new RootBeanDefinition());
    OneShotContext.LINE_READER.forEach(
        n -> factory.registerBeanDefinition(n, new RootBeanDefinition()));
    factory.registerBeanDefinition(
        AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME, new RootBeanDefinition());
    return factory;
  }

  private static List<Method> commandMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Command.class)) methods.add(m);
    }
    return methods;
  }

  private static List<String> registrations(DefaultListableBeanFactory factory) {
    List<String> names = new ArrayList<>();
    for (String n : factory.getBeanDefinitionNames()) {
      if (OneShotContext.REGISTRATION_FACTORY.equals(
          factory.getBeanDefinition(n).getBeanClassName())) {
        names.add(n);
      }
    }
    return names;
  }
}
