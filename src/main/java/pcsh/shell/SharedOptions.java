package pcsh.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.Availability;
import org.springframework.shell.boot.CommandRegistrationCustomizer;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.shell.context.InteractionMode;

/**
 * The options that many commands take ({@code --customer}, {@code --output}, {@code --query},
 * {@code --yes}, {@code --dry-run}), declared once here: a command names one with
 * {@code @Option(longNames = SharedOptions.OUTPUT)} and its short name, description and completion
 * come from this table.
 *
 * <p>Why it works this way: Spring Shell 3.4 reads {@code @Option} only where it sits on a
 * parameter ({@code @Option} cannot be a meta-annotation: its target is PARAMETER), and binds
 * option values to parameters by that annotation, so a composed annotation or an options record is
 * not possible. It does build every annotated command through the {@link
 * CommandRegistration.BuilderSupplier} bean, so this supplier's builder fills in what a shared
 * option's annotation leaves empty just before the registration is built. Anything a command states
 * itself (a longer description, another completion) wins.
 */
@Configuration(proxyBeanMethods = false)
public class SharedOptions {

  public static final String CUSTOMER = "customer";
  public static final String OUTPUT = "output";
  public static final String QUERY = "query";
  public static final String YES = "yes";
  public static final String DRY_RUN = "dry-run";

  /** What a shared option's annotation need not repeat. */
  record Shared(Character shortName, String description, String completionBean) {}

  static final Map<String, Shared> TABLE =
      Map.of(
          CUSTOMER,
          new Shared(null, "customer id (default: the selected customer)", "customerIds"),
          OUTPUT,
          new Shared(
              'o',
              "table, json, yaml or csv (default: the session's `output`, else pcsh.output)",
              "outputFormats"),
          QUERY,
          new Shared(null, "JMESPath expression applied to the result, e.g. \"[].id\"", null),
          YES,
          new Shared('y', "do not ask for confirmation", null),
          DRY_RUN,
          new Shared(null, "show the request and send nothing", null));

  /**
   * Replaces Spring Shell's own supplier (which it declares only when none exists) and, like it,
   * applies every {@link CommandRegistrationCustomizer} (help options among them).
   */
  @Bean
  CommandRegistration.BuilderSupplier commandRegistrationBuilderSupplier(
      ObjectProvider<CommandRegistrationCustomizer> customizers, BeanFactory beans) {
    return () -> {
      CommandRegistration.Builder b =
          new Builder(
              CommandRegistration.builder(),
              name -> ctx -> beans.getBean(name, CompletionProvider.class).apply(ctx));
      customizers.orderedStream().forEach(c -> c.customize(b));
      return b;
    };
  }

  /**
   * A builder that remembers the options it was given and completes the shared ones when it builds.
   */
  static final class Builder implements CommandRegistration.Builder {

    private final CommandRegistration.Builder delegate;
    private final Function<String, CompletionResolver> completions;
    private final List<Option> options = new ArrayList<>();

    Builder(
        CommandRegistration.Builder delegate, Function<String, CompletionResolver> completions) {
      this.delegate = delegate;
      this.completions = completions;
    }

    @Override
    public CommandRegistration build() {
      for (Option o : options) o.complete(completions);
      return delegate.build();
    }

    @Override
    public CommandRegistration.OptionSpec withOption() {
      Option o = new Option(delegate.withOption(), this);
      options.add(o);
      return o;
    }

    @Override
    public CommandRegistration.Builder command(String... commands) {
      delegate.command(commands);
      return this;
    }

    @Override
    public CommandRegistration.Builder interactionMode(InteractionMode mode) {
      delegate.interactionMode(mode);
      return this;
    }

    @Override
    public CommandRegistration.Builder description(String description) {
      delegate.description(description);
      return this;
    }

    @Override
    public CommandRegistration.Builder availability(Supplier<Availability> availability) {
      delegate.availability(availability);
      return this;
    }

    @Override
    public CommandRegistration.Builder group(String group) {
      delegate.group(group);
      return this;
    }

    @Override
    public CommandRegistration.Builder hidden() {
      delegate.hidden();
      return this;
    }

    @Override
    public CommandRegistration.Builder hidden(boolean hidden) {
      delegate.hidden(hidden);
      return this;
    }

    @Override
    public CommandRegistration.Builder defaultOptionNameModifier(
        Function<String, String> modifier) {
      delegate.defaultOptionNameModifier(modifier);
      return this;
    }

    @Override
    public CommandRegistration.TargetSpec withTarget() {
      return delegate.withTarget();
    }

    @Override
    public CommandRegistration.AliasSpec withAlias() {
      return delegate.withAlias();
    }

    @Override
    public CommandRegistration.ExitCodeSpec withExitCode() {
      return delegate.withExitCode();
    }

    @Override
    public CommandRegistration.ErrorHandlingSpec withErrorHandling() {
      return delegate.withErrorHandling();
    }

    @Override
    public CommandRegistration.HelpOptionsSpec withHelpOptions() {
      return delegate.withHelpOptions();
    }
  }

  /** One option as the annotation declared it, passed through to Spring Shell's own spec. */
  static final class Option implements CommandRegistration.OptionSpec {

    private final CommandRegistration.OptionSpec delegate;
    private final Builder builder;
    private String longName;
    private boolean hasShortName;
    private boolean hasDescription;
    private boolean hasCompletion;

    Option(CommandRegistration.OptionSpec delegate, Builder builder) {
      this.delegate = delegate;
      this.builder = builder;
    }

    /** Fills in what the annotation left out, for a shared option. */
    void complete(Function<String, CompletionResolver> completions) {
      Shared s = longName == null ? null : TABLE.get(longName);
      if (s == null) return;
      if (!hasShortName && s.shortName() != null) delegate.shortNames(s.shortName());
      if (!hasDescription) delegate.description(s.description());
      if (!hasCompletion && s.completionBean() != null) {
        delegate.completion(completions.apply(s.completionBean()));
      }
    }

    @Override
    public CommandRegistration.OptionSpec longNames(String... names) {
      longName = names.length == 1 ? names[0] : null;
      delegate.longNames(names);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec shortNames(Character... names) {
      hasShortName = names.length > 0;
      delegate.shortNames(names);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec type(java.lang.reflect.Type type) {
      delegate.type(type);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec type(org.springframework.core.ResolvableType type) {
      delegate.type(type);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec description(String description) {
      hasDescription = description != null && !description.isEmpty();
      delegate.description(description);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec required(boolean required) {
      delegate.required(required);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec required() {
      delegate.required();
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec defaultValue(String defaultValue) {
      delegate.defaultValue(defaultValue);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec position(Integer position) {
      delegate.position(position);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec arity(int min, int max) {
      delegate.arity(min, max);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec arity(CommandRegistration.OptionArity arity) {
      delegate.arity(arity);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec label(String label) {
      delegate.label(label);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec completion(CompletionResolver completion) {
      hasCompletion = completion != null;
      delegate.completion(completion);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec nameModifier(Function<String, String> modifier) {
      delegate.nameModifier(modifier);
      return this;
    }

    @Override
    public CommandRegistration.Builder and() {
      return builder;
    }
  }
}
