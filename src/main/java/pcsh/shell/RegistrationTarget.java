package pcsh.shell;

import java.util.function.Function;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandRegistration;

/**
 * A command's target as the registration builder is given it: a method is kept until the
 * registration is built ({@link SharedOptionsBuilder}), then handed to {@link CommandTargets};
 * functions and consumers pass through.
 */
final class RegistrationTarget implements CommandRegistration.TargetSpec {

  private final CommandRegistration.TargetSpec delegate;
  private final CommandRegistration.Builder builder;
  private Object bean;
  private java.lang.reflect.Method method;

  RegistrationTarget(CommandRegistration.TargetSpec delegate, CommandRegistration.Builder builder) {
    this.delegate = delegate;
    this.builder = builder;
  }

  @Override
  public CommandRegistration.TargetSpec method(Object bean, java.lang.reflect.Method method) {
    this.bean = bean;
    this.method = method;
    return this;
  }

  @Override
  public CommandRegistration.TargetSpec method(Object bean, String name, Class<?>... paramTypes) {
    return method(
        bean,
        org.springframework.util.ReflectionUtils.findMethod(bean.getClass(), name, paramTypes));
  }

  @Override
  public CommandRegistration.TargetSpec function(Function<CommandContext, ?> function) {
    delegate.function(function);
    return this;
  }

  @Override
  public CommandRegistration.TargetSpec consumer(
      java.util.function.Consumer<CommandContext> consumer) {
    delegate.consumer(consumer);
    return this;
  }

  @Override
  public CommandRegistration.Builder and() {
    return builder;
  }

  Object bean() {
    return bean;
  }

  java.lang.reflect.Method method() {
    return method;
  }

  /** The registration's target becomes {@code call}, which calls the method kept here. */
  void callThrough(Function<CommandContext, Object> call) {
    delegate.function(call);
  }
}
