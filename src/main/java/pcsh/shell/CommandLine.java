package pcsh.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.ResolvableType;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * pcsh's own reading of a command's arguments, taken word by word exactly as given: no word is
 * joined, split, unquoted or dropped, so a value reaches the command as the user's shell passed it.
 *
 * <p>The rules, like gh's: {@code --name value} and {@code --name=value}; after an option that
 * takes a value the next word is that value whatever it starts with ({@code --name -x}); {@code -o
 * value} for a short name; a switch ({@code --yes}) takes no value; {@code --} ends the options; a
 * bare word is the value of the command's first option when that option takes a value ({@code debug
 * on}, {@code use customer Northwind}); {@code --help} or {@code -h} anywhere before {@code --}
 * asks for help. An option that takes many values (other than the first option) may be given again,
 * each time with one value ({@code api -f a=1 -f b=2}). An unknown option, any other option given
 * twice, a missing value or a word with nowhere to go is a usage error that names it.
 *
 * <p>Spring Shell 3.4's own parser cannot be told these rules (it reads {@code -x} after an option
 * as another option and drops empty words), so it only ever sees the command's name; see {@link
 * PcshShell}.
 */
final class CommandLine {

  private static final Pattern SECRET_SWITCH =
      Pattern.compile("(?i).*(token|secret|password|key).*");

  /** pcsh's own options, which come before the command (see PcshApplication). */
  private static final Set<String> GLOBAL =
      Set.of(
          "--debug", "--show-request", "--read-only", "--file", "--continue-on-error", "--version");

  private CommandLine() {}

  /**
   * What the words asked for: each option's value ({@code String}, a {@code List<String>} for an
   * option that takes many, {@code Boolean} for a switch, absent when not given and without a
   * default), or help.
   */
  record Parsed(CommandRegistration registration, Map<CommandOption, Object> values, boolean help) {

    Object value(CommandOption o) {
      return values.get(o);
    }
  }

  /** A registration and the words that name it, found at the start of a line's words. */
  record Match(CommandRegistration registration, List<String> commandWords) {}

  /** The command the words start with, the longest name (or alias) that matches word for word. */
  static Optional<Match> match(Collection<CommandRegistration> registrations, List<String> words) {
    Match best = null;
    for (CommandRegistration r : registrations) {
      List<String> names = new ArrayList<>();
      names.add(r.getCommand());
      r.getAliases().forEach(a -> names.add(a.getCommand()));
      for (String name : names) {
        List<String> nameWords = List.of(name.split(" "));
        if (words.size() >= nameWords.size()
            && words.subList(0, nameWords.size()).equals(nameWords)
            && (best == null || nameWords.size() > best.commandWords().size())) {
          best = new Match(r, nameWords);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Reads {@code args}, the words after the command's name.
   *
   * @param required the long names of the options the command cannot do without
   * @throws Failure a usage error naming what is wrong
   */
  static Parsed parse(CommandRegistration reg, List<String> args, Set<String> required) {
    try {
      return read(reg, args, required);
    } catch (Failure f) {
      // asking for help wins over a mistake elsewhere on the line
      int end = args.indexOf("--");
      List<String> optionWords = end < 0 ? args : args.subList(0, end);
      if (optionWords.contains("--help") || optionWords.contains("-h")) {
        return new Parsed(reg, Map.of(), true);
      }
      throw f;
    }
  }

  private static Parsed read(CommandRegistration reg, List<String> args, Set<String> required) {
    String command = reg.getCommand();
    List<CommandOption> options = options(reg);
    CommandOption positional = positional(options).orElse(null);
    Map<CommandOption, Object> values = new LinkedHashMap<>();
    boolean optionsEnded = false;
    String previousSwitch = null;
    for (int i = 0; i < args.size(); i++) {
      String word = args.get(i);
      if (!optionsEnded && word.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (!optionsEnded && (word.equals("--help") || word.equals("-h"))) {
        return new Parsed(reg, Map.of(), true);
      }
      if (!optionsEnded && isOptionName(word)) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        CommandOption o = find(options, name).orElseThrow(() -> unknown(command, name));
        // an option that takes many values besides the first (api -f a=1 -f b=2) may be repeated
        boolean repeatable = isMany(o) && o != positional;
        if (values.containsKey(o) && !repeatable) {
          throw Failure.usage(
              name + " was given twice.",
              "give " + name + " once (`" + command + " --help` lists the options).");
        }
        if (isSwitch(o)) {
          if (eq >= 0) throw switchWithValue(command, name);
          values.put(o, true);
          previousSwitch = name;
          continue;
        }
        String value;
        if (eq >= 0) {
          value = word.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw Failure.usage(
              name + " needs a value: " + name + " " + label(o) + ".",
              "run `" + command + " --help` for what it takes.");
        }
        if (isMany(o)) {
          @SuppressWarnings("unchecked")
          List<String> many =
              (List<String>) values.computeIfAbsent(o, k -> new ArrayList<String>());
          many.add(value);
        } else {
          values.put(o, value);
        }
        previousSwitch = null;
        continue;
      }
      // a bare word: the value of the command's first option, if that one takes a value
      if (positional != null && !values.containsKey(positional)) {
        values.put(positional, isMany(positional) ? new ArrayList<>(List.of(word)) : word);
      } else if (positional != null && isMany(positional)) {
        @SuppressWarnings("unchecked")
        List<String> many = (List<String>) values.get(positional);
        many.add(word);
      } else if (previousSwitch != null) {
        throw switchWithValue(command, previousSwitch);
      } else {
        throw Failure.usage(
            "Unexpected argument '"
                + Text.shown(word)
                + "': `"
                + command
                + "` "
                + (positional == null
                    ? "takes only options (--name value)."
                    : "takes one " + display(positional) + " value, and it is already given."),
            "run `" + command + " --help` for its usage.");
      }
      previousSwitch = null;
    }
    for (CommandOption o : options) {
      if (values.containsKey(o)) continue;
      if (required.contains(o.getLongNames().length > 0 ? o.getLongNames()[0] : "")) {
        throw Failure.usage(
            "`" + command + "` needs " + display(o) + " " + label(o) + ".",
            "run `" + command + " --help` for what it takes.");
      }
      if (isSwitch(o)) values.put(o, false);
      else if (o.getDefaultValue() != null)
        values.put(o, isMany(o) ? List.of(o.getDefaultValue()) : o.getDefaultValue());
    }
    return new Parsed(reg, values, false);
  }

  /** The registration's options, help excluded, in the order the command declares them. */
  static List<CommandOption> options(CommandRegistration reg) {
    return reg.getOptions().stream()
        .filter(o -> !isHelp(o))
        .sorted(Comparator.comparingInt(CommandOption::getPosition))
        .toList();
  }

  /** The option a bare word is the value of: the first one, when it takes a value. */
  static Optional<CommandOption> positional(List<CommandOption> options) {
    return options.stream().filter(o -> o.getPosition() >= 0).findFirst().filter(o -> !isSwitch(o));
  }

  static boolean isHelp(CommandOption o) {
    return o.getType() != null && o.getType().resolve() == void.class;
  }

  static boolean isSwitch(CommandOption o) {
    ResolvableType t = o.getType();
    Class<?> c = t == null ? null : t.resolve();
    return c == boolean.class || c == Boolean.class;
  }

  static boolean isMany(CommandOption o) {
    Class<?> c = o.getType() == null ? null : o.getType().resolve();
    return o.getArityMax() > 1
        || (c != null && (c.isArray() || Collection.class.isAssignableFrom(c)));
  }

  /** How help and messages name an option's value: its label, else its name in capitals. */
  static String label(CommandOption o) {
    if (o.getLabel() != null && !o.getLabel().isBlank()) return o.getLabel();
    String name = o.getLongNames().length > 0 ? o.getLongNames()[0] : "value";
    return name.toUpperCase(java.util.Locale.ROOT);
  }

  /** {@code --name}, or {@code -n} for an option with only a short name. */
  static String display(CommandOption o) {
    return o.getLongNames().length > 0 ? "--" + o.getLongNames()[0] : "-" + o.getShortNames()[0];
  }

  /**
   * {@code --x...} and {@code -x} (a letter) name options; {@code -}, {@code -5} and the like are
   * plain words.
   */
  private static boolean isOptionName(String word) {
    if (word.startsWith("--")) return word.length() > 2;
    return word.length() >= 2 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1));
  }

  private static Optional<CommandOption> find(List<CommandOption> options, String name) {
    for (CommandOption o : options) {
      if (name.startsWith("--")) {
        for (String l : o.getLongNames()) if (name.equals("--" + l)) return Optional.of(o);
      } else if (name.length() == 2) {
        for (Character c : o.getShortNames()) if (name.charAt(1) == c) return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private static Failure unknown(String command, String name) {
    return Failure.usage(
        "Unknown option " + Text.shown(name) + " for `" + command + "`.",
        GLOBAL.contains(name)
            ? name
                + " is a global option: it goes before the command, e.g. `./pcsh "
                + name
                + " "
                + command
                + "`."
            : "run `" + command + " --help` to see its options.");
  }

  /** The value is not shown: a secret typed after a switch such as --token must not echo. */
  private static Failure switchWithValue(String command, String name) {
    String next =
        SECRET_SWITCH.matcher(name).matches()
            ? "write "
                + name
                + " alone; pcsh never takes secrets as arguments: use PCSH_ACCESS_TOKEN,"
                + " PCSH_REFRESH_TOKEN, PCSH_CLIENT_SECRET or the hidden prompt."
            : "write " + name + " alone; `" + command + " --help` lists the options.";
    return Failure.usage(
        name + " is a switch and takes no value (the value given is not shown).", next);
  }
}
