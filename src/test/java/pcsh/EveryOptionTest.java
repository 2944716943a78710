package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.ExchangeLog;

/**
 * Every option of every command, as the registry lists them (so a new command or option is covered
 * without a new test), is given the bad values users type: letters for a number, a huge number,
 * {@code 0x10}, {@code -0}, {@code 1e3}, an empty value, no value at all, the option twice (a
 * mistake, except for an option that takes many values, such as {@code api -f}); and every command
 * an unknown option and a word too many. Whatever pcsh answers must be its own words: no framework
 * text, no exception, no {@code null}; a failure is an {@code Error:} line with a {@code Next:}
 * step; a mistake in the command line itself is exit 2, names what is wrong and sends nothing. Runs
 * against the embedded emulator through the one-shot path the jar takes.
 */
class EveryOptionTest {

  static final List<String> BAD_VALUES =
      List.of("abc", "99999999999999999999", "0x10", "-0", "1e3", "");

  static final List<String> FRAMEWORK_TEXT =
      List.of("Failed to convert", "Illegal option", "java.", "Exception", "null", "\tat ");

  static InProcessPcsh pcsh;
  static final AtomicInteger sent = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    pcsh = InProcessPcsh.embedded();
    pcsh.bean(ExchangeLog.class).listen(e -> sent.incrementAndGet());
  }

  record Case(String description, List<String> args, boolean lineMistake, String named) {}

  @Test
  void everyOptionOfEveryCommandAnswersBadValuesInPcshsOwnWords() throws Exception {
    pcsh.run("version"); // the registry as one-shot runs see it
    List<CommandRegistration> commands =
        pcsh.bean(CommandCatalog.class).getRegistrations().values().stream()
            .filter(r -> !r.isHidden())
            .sorted(Comparator.comparing(CommandRegistration::getCommand))
            .toList();
    assertThat(commands)
        .extracting(CommandRegistration::getCommand)
        .contains("customers list", "qualify gcc", "help");
    List<String> files = new ArrayList<>();
    for (String v : BAD_VALUES) if (!v.isEmpty() && !Files.exists(Path.of(v))) files.add(v);
    int runs = 0;
    try {
      for (CommandRegistration c : commands) {
        for (Case k : cases(c)) {
          check(k);
          runs++;
        }
      }
    } finally {
      // a value that is a fine file name (support bundle --to abc) may have been written here
      for (String f : files) Files.deleteIfExists(Path.of(f));
    }
    assertThat(runs).isGreaterThan(commands.size() * 3);
  }

  private static List<Case> cases(CommandRegistration c) {
    List<String> cmd = List.of(c.getCommand().split(" "));
    List<Case> out = new ArrayList<>();
    List<CommandOption> options =
        c.getOptions().stream()
            .filter(o -> o.getType() == null || o.getType().resolve() != void.class)
            .filter(o -> o.getLongNames().length > 0)
            .toList();
    for (CommandOption o : options) {
      String name = "--" + o.getLongNames()[0];
      if (isSwitch(o)) {
        out.add(new Case(name + "=abc", concat(cmd, name + "=abc"), true, name));
        out.add(new Case(name + " twice", concat(cmd, name, name), true, name));
        continue;
      }
      for (String v : BAD_VALUES)
        out.add(new Case(name + " '" + v + "'", concat(cmd, name, v), false, name));
      out.add(new Case(name + " without a value", concat(cmd, name), true, name));
      // an option that takes many values (api -f) may be repeated, the first option may not
      boolean repeatable =
          isMany(o)
              && o.getPosition()
                  != options.stream().mapToInt(CommandOption::getPosition).min().orElse(-1);
      out.add(new Case(name + " twice", concat(cmd, name, "1", name, "1"), !repeatable, name));
    }
    out.add(new Case("an unknown option", concat(cmd, "--bogus", "1"), true, "--bogus"));
    String extra = "extra-word";
    CommandOption first = options.isEmpty() ? null : options.get(0);
    List<String> tooMany =
        first == null || isSwitch(first)
            ? concat(cmd, extra)
            : concat(cmd, "--" + first.getLongNames()[0], "1", extra);
    boolean firstIsMany = first != null && first.getArityMax() > 1;
    if (!firstIsMany) out.add(new Case("a word too many", tooMany, true, extra));
    return out;
  }

  private static boolean isMany(CommandOption o) {
    return o.getArityMax() > 1 || (o.getType() != null && o.getType().resolve() == String[].class);
  }

  private static boolean isSwitch(CommandOption o) {
    return o.getType() != null
        && (o.getType().resolve() == boolean.class || o.getType().resolve() == Boolean.class);
  }

  private static void check(Case k) throws Exception {
    int before = sent.get();
    InProcessPcsh.Run r = pcsh.run(k.args().toArray(new String[0]));
    String what = String.join(" ", k.args()) + " (" + k.description() + ")\n" + r;
    assertThat(r.out() + r.err()).as(what).doesNotContain(FRAMEWORK_TEXT);
    if (r.exit() != 0) {
      assertThat(r.err()).as(what).startsWith("Error: ").contains("\n  Next: ");
    }
    if (k.lineMistake()) {
      assertThat(r.exit()).as(what).isEqualTo(2);
      assertThat(r.err()).as(what).contains(k.named());
      assertThat(sent.get()).as("requests sent for " + what).isEqualTo(before);
    }
  }

  /**
   * Spring Shell converts nothing: every @Option of every command is String, String[] or boolean.
   */
  @Test
  void everyOptionIsDeclaredAsTextOrASwitch() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Class<?> c : commandClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(Command.class)) continue;
        for (Parameter p : m.getParameters()) {
          if (p.isAnnotationPresent(Option.class)
              && !List.of(String.class, String[].class, boolean.class).contains(p.getType())) {
            wrong.add(
                c.getSimpleName() + "." + m.getName() + "(" + p.getType().getSimpleName() + ")");
          }
        }
      }
    }
    assertThat(wrong).as("parse it with pcsh.values.Values instead").isEmpty();
  }

  private static List<Class<?>> commandClasses() {
    List<Class<?>> classes = new ArrayList<>();
    for (Object bean : pcsh.beansWith(Command.class)) classes.add(bean.getClass());
    assertThat(classes).extracting(Class::getSimpleName).contains("CustomerCommands");
    return classes;
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }
}
