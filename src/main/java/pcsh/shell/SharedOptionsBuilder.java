package pcsh.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.shell.Availability;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.shell.context.InteractionMode;

/**
 * The registration builder {@link SharedOptions} hands to Spring Shell: it passes everything
 * through and remembers what it was given, so that when it builds it can fill in what a shared
 * option's annotation left empty, and make the command's method a target of {@link CommandTargets}
 * (pcsh reads the options, so Spring Shell is told none is required, and keeps only the first line
 * of the description for its completion list).
 */
final class SharedOptionsBuilder {

  private SharedOptionsBuilder() {}

  /**
   * A builder that remembers the options it was given and completes the shared ones when it builds.
   */
  static final class Builder implements CommandRegistration.Builder {

    private final CommandRegistration.Builder delegate;
    private final Function<String, CompletionResolver> completions;
    private final CommandTargets targets;
    private final List<Option> options = new ArrayList<>();
    private String command = "";
    private String description = "";
    private RegistrationTarget target;

    Builder(
        CommandRegistration.Builder delegate,
        Function<String, CompletionResolver> completions,
        CommandTargets targets) {
      this.delegate = delegate;
      this.completions = completions;
      this.targets = targets;
    }

    @Override
    public CommandRegistration build() {
      for (Option o : options) o.complete(completions);
      if (target != null && target.method() != null) {
        java.util.Set<String> required = new java.util.HashSet<>();
        for (Option o : options) if (o.required && o.longName != null) required.add(o.longName);
        target.callThrough(
            targets.register(
                command,
                new CommandTargets.Target(target.bean(), target.method(), required, description)));
      }
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
      // as Spring Shell names it: the words, single spaces between them
      command =
          java.util.Arrays.stream(commands)
              .flatMap(c -> java.util.Arrays.stream(c.trim().split("\\s+")))
              .filter(c -> !c.isEmpty())
              .collect(java.util.stream.Collectors.joining(" "));
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
      this.description = description == null ? "" : description;
      delegate.description(Help.Page.of(this.description).summary());
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
      target = new RegistrationTarget(delegate.withTarget(), this);
      return target;
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
    private boolean required;
    private boolean hasShortName;
    private boolean hasLabel;
    private boolean hasDescription;
    private boolean hasCompletion;

    Option(CommandRegistration.OptionSpec delegate, Builder builder) {
      this.delegate = delegate;
      this.builder = builder;
    }

    /** Fills in what the annotation left out, for a shared option. */
    void complete(Function<String, CompletionResolver> completions) {
      SharedOptions.Shared s = longName == null ? null : SharedOptions.TABLE.get(longName);
      if (s == null) return;
      if (!hasShortName && s.shortName() != null) delegate.shortNames(s.shortName());
      if (!hasLabel && s.label() != null) delegate.label(s.label());
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
      // pcsh's CommandLine checks it; Spring Shell, which sees only the command's name, must not
      this.required = required;
      delegate.required(false);
      return this;
    }

    @Override
    public CommandRegistration.OptionSpec required() {
      return required(true);
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
      hasLabel = label != null && !label.isBlank();
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
