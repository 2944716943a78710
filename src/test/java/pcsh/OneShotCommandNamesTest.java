package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandRegistration;
import pcsh.shell.OneShotContext;

/**
 * A one-shot command keeps the commands whose names start with its first word, read from their
 * annotations before Spring Shell builds any ({@link OneShotContext}): for every command pcsh has,
 * the words read are those of the name and aliases Spring Shell gives it.
 */
class OneShotCommandNamesTest {

  @Test
  void theFirstWordsReadForEachCommandAreThoseOfTheNamesSpringShellGivesIt() throws Exception {
    var context = InProcessPcsh.embedded().context();
    var factory = context.getBeanFactory();
    int commands = 0;
    for (String name : factory.getBeanDefinitionNames()) {
      var definition = factory.getBeanDefinition(name);
      if (!OneShotContext.REGISTRATION_FACTORY.equals(definition.getBeanClassName())) continue;
      CommandRegistration registration = context.getBean(name, CommandRegistration.class);
      List<String> expected = new ArrayList<>();
      expected.add(first(registration.getCommand()));
      registration.getAliases().forEach(a -> expected.add(first(a.getCommand())));
      var values = definition.getPropertyValues();

      List<String> read =
          OneShotContext.firstWords(
              (Class<?>) values.get("commandBeanType"),
              (String) values.get("commandMethodName"),
              (Class<?>[]) values.get("commandMethodParameters"));

      assertThat(read).as(name).containsExactlyElementsOf(expected);
      commands++;
    }
    assertThat(commands)
        .as("every command Spring Shell registers")
        .isEqualTo(context.getBeanNamesForType(CommandRegistration.class).length)
        .isGreaterThan(40);
  }

  private static String first(String command) {
    return command.strip().split(" ")[0];
  }
}
