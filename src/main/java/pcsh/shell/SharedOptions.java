package pcsh.shell;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.boot.CommandRegistrationCustomizer;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.util.function.SingletonSupplier;

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
  record Shared(Character shortName, String label, String description, String completionBean) {}

  static final Map<String, Shared> TABLE =
      Map.of(
          CUSTOMER,
          new Shared(null, "ID", "customer id (default: the selected customer)", "customerIds"),
          OUTPUT,
          new Shared(
              'o',
              "FORMAT",
              "table, json, yaml or csv (default: the session's `output`, else pcsh.output)",
              "outputFormats"),
          QUERY,
          new Shared(
              null, "JMESPATH", "JMESPath expression applied to the result, e.g. \"[].id\"", null),
          YES,
          new Shared('y', null, "do not ask for confirmation", null),
          DRY_RUN,
          new Shared(null, null, "show the request and send nothing", null));

  /** The commands' methods, called with the values pcsh's own parser read (see PcshShell). */
  @Bean
  CommandTargets commandTargets() {
    return new CommandTargets();
  }

  /**
   * Replaces Spring Shell's own supplier (which it declares only when none exists) and, like it,
   * applies every {@link CommandRegistrationCustomizer} (help options among them).
   */
  @Bean
  CommandRegistration.BuilderSupplier commandRegistrationBuilderSupplier(
      ObjectProvider<CommandRegistrationCustomizer> customizers,
      BeanFactory beans,
      CommandTargets targets) {
    // looked up once, not once a command: every lookup walks all the bean definitions
    Supplier<List<CommandRegistrationCustomizer>> ordered =
        SingletonSupplier.of(() -> customizers.orderedStream().toList());
    return () -> {
      CommandRegistration.Builder b =
          new SharedOptionsBuilder.Builder(
              CommandRegistration.builder(),
              name -> ctx -> beans.getBean(name, CompletionProvider.class).apply(ctx),
              targets);
      ordered.get().forEach(c -> c.customize(b));
      return b;
    };
  }
}
