package pcsh.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.util.ReflectionUtils;
import pcsh.failure.Failure;
import pcsh.output.Text;

/**
 * The methods behind the commands, and pcsh's call of them: each registration's target is a
 * function that takes the option values {@link CommandLine} read from the words as typed (handed
 * over by {@link PcshShell} for the one evaluation) and passes them to the method's parameters.
 * Spring Shell still checks availability, runs the exception resolvers and sets the exit code.
 */
final class CommandTargets {

  /** A command's method, the options it cannot do without, and its full description. */
  record Target(Object bean, Method method, Set<String> required, String description) {}

  private final Map<String, Target> byCommand = new ConcurrentHashMap<>();

  /** What {@link PcshShell} read for the evaluation under way (the shell runs one at a time). */
  private volatile Object handedOver;

  /** Called as each registration is built: its target becomes {@link #call}. */
  Function<CommandContext, Object> register(String command, Target target) {
    ReflectionUtils.makeAccessible(target.method());
    byCommand.put(command, target);
    return ctx -> call(ctx, target);
  }

  Optional<Target> target(String command) {
    return Optional.ofNullable(byCommand.get(command));
  }

  /** Whether {@code reg}'s target is one of these functions. */
  boolean handles(CommandRegistration reg) {
    return byCommand.containsKey(reg.getCommand());
  }

  /**
   * Runs {@code evaluation} with {@code parsed} (or the usage failure parsing raised) handed over
   * to the command it reaches.
   */
  <T> T with(Object parsedOrFailure, java.util.function.Supplier<T> evaluation) {
    handedOver = parsedOrFailure;
    try {
      return evaluation.get();
    } finally {
      handedOver = null;
    }
  }

  private Object call(CommandContext ctx, Target target) {
    Object handed = handedOver;
    handedOver = null;
    CommandRegistration reg = ctx.getCommandRegistration();
    CommandLine.Parsed parsed;
    if (handed instanceof Failure f) throw f;
    if (handed instanceof CommandLine.Parsed p) {
      parsed = p;
    } else {
      // reached without PcshShell (a test's own shell): Spring Shell had no trouble with the words
      String[] raw = ctx.getRawArgs();
      int skip = reg.getCommand().split(" ").length;
      List<String> args =
          Arrays.asList(raw).subList(Math.min(skip, raw.length), raw.length).stream().toList();
      parsed = CommandLine.parse(reg, args, target.required());
    }
    Object[] params = arguments(target.method(), parsed, ctx);
    try {
      return target.method().invoke(target.bean(), params);
    } catch (InvocationTargetException e) {
      CommandTargets.<RuntimeException>rethrow(e.getCause());
      throw new IllegalStateException(e); // not reached: rethrow always throws
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each parameter gets the value of the option registered at its position. */
  private static Object[] arguments(Method m, CommandLine.Parsed parsed, CommandContext ctx) {
    Parameter[] ps = m.getParameters();
    Object[] out = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      Class<?> type = ps[i].getType();
      if (type == CommandContext.class) {
        out[i] = ctx;
        continue;
      }
      CommandOption option = null;
      for (CommandOption o : parsed.registration().getOptions()) {
        if (o.getPosition() == i) option = o;
      }
      Object v = option == null ? null : parsed.value(option);
      out[i] = convert(v, type, option);
    }
    return out;
  }

  private static Object convert(Object v, Class<?> type, CommandOption option) {
    if (type == boolean.class) return Boolean.TRUE.equals(v);
    if (v == null) return null;
    if (type.isInstance(v)) return v;
    if (v instanceof List<?> l && type == String[].class) return l.toArray(new String[0]);
    if (v instanceof List<?> l && type == String.class) {
      return l.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }
    try {
      return DefaultConversionService.getSharedInstance().convert(v, type);
    } catch (ConversionException e) {
      String name = option == null ? "a value" : CommandLine.display(option);
      throw Failure.usage(
          name
              + " '"
              + Text.shown(String.valueOf(v))
              + "' is not "
              + (Number.class.isAssignableFrom(type) || type.isPrimitive()
                  ? "a whole number."
                  : "a valid " + type.getSimpleName() + "."),
          "run the command with --help for what it takes.");
    }
  }

  /**
   * Throws what the command threw, checked or not, so the exception resolvers see it as Spring
   * Shell's own call would have shown it (unwrapped).
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void rethrow(Throwable t) throws E {
    throw (E) t;
  }
}
