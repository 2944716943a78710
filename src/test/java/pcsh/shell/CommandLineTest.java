package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import pcsh.failure.Failure;

/** pcsh's reading of a command's words: what each option gets, and what is refused. */
class CommandLineTest {

  /** Like `customers list`: a value option first (a bare word is its value), then others. */
  static final CommandRegistration LIST =
      CommandRegistration.builder()
          .command("customers", "list")
          .withOption()
          .longNames("size")
          .label("N")
          .type(String.class)
          .position(0)
          .and()
          .withOption()
          .longNames("all")
          .type(boolean.class)
          .position(1)
          .and()
          .withOption()
          .longNames("name")
          .type(String.class)
          .position(2)
          .and()
          .withOption()
          .longNames("output")
          .shortNames('o')
          .type(String.class)
          .position(3)
          .and()
          .withOption()
          .longNames("interval")
          .type(String.class)
          .defaultValue("5s")
          .position(4)
          .and()
          .withHelpOptions()
          .enabled(true)
          .longNames("help")
          .shortNames('h')
          .and()
          .withTarget()
          .function(ctx -> null)
          .and()
          .build();

  /** Like `login`: switches first, so no bare word. */
  static final CommandRegistration LOGIN =
      CommandRegistration.builder()
          .command("login")
          .withOption()
          .longNames("token")
          .type(boolean.class)
          .position(0)
          .and()
          .withOption()
          .longNames("tenant")
          .type(String.class)
          .position(1)
          .and()
          .withTarget()
          .function(ctx -> null)
          .and()
          .build();

  /** Like `use customer`: one option that takes many words. */
  static final CommandRegistration USE =
      CommandRegistration.builder()
          .command("use", "customer")
          .withOption()
          .longNames("customer")
          .type(String[].class)
          .arity(OptionArity.ZERO_OR_MORE)
          .position(0)
          .and()
          .withTarget()
          .function(ctx -> null)
          .and()
          .build();

  @Test
  void aValueIsTheNextWordWhateverItStartsWithOrWhatFollowsTheEqualsSign() {
    assertThat(value(LIST, "name", "--name", "-x")).isEqualTo("-x");
    assertThat(value(LIST, "name", "--name=-x")).isEqualTo("-x");
    assertThat(value(LIST, "name", "--name", "--all")).isEqualTo("--all");
    assertThat(value(LIST, "name", "--name", "-h")).isEqualTo("-h");
    assertThat(value(LIST, "name", "--name", "")).isEqualTo("");
    assertThat(value(LIST, "name", "--name=")).isEqualTo("");
    assertThat(value(LIST, "name", "--name", "say \"hi\" O'Brien \\ $x #1;"))
        .isEqualTo("say \"hi\" O'Brien \\ $x #1;");
    assertThat(value(LIST, "name", "--name=a=b")).isEqualTo("a=b");
    assertThat(value(LIST, "output", "-o", "json")).isEqualTo("json");
    assertThat(value(LIST, "output", "-o=json")).isEqualTo("json");
  }

  @Test
  void aBareWordIsTheFirstOptionsValueAndDashDashEndsTheOptions() {
    assertThat(value(LIST, "size", "10")).isEqualTo("10");
    assertThat(value(LIST, "size", "--", "-5")).isEqualTo("-5");
    assertThat(value(LIST, "size", "-5")).isEqualTo("-5");
    assertThat(value(USE, "customer", "Contoso", "Ltd")).isEqualTo(List.of("Contoso", "Ltd"));
    assertThat(value(USE, "customer", "-")).isEqualTo(List.of("-"));
    assertThat(value(USE, "customer", "--customer", "-Brien", "Sons"))
        .isEqualTo(List.of("-Brien", "Sons"));
  }

  @Test
  void switchesAreTrueWhenGivenAndDefaultsFillTheRest() {
    CommandLine.Parsed p = parse(LIST, "--all");
    assertThat(p.value(option(LIST, "all"))).isEqualTo(true);
    assertThat(p.value(option(LIST, "interval"))).isEqualTo("5s");
    assertThat(p.value(option(LIST, "name"))).isNull();
    assertThat(parse(LIST).value(option(LIST, "all"))).isEqualTo(false);
  }

  @Test
  void helpAnywhereInTheOptionsWinsEvenOverAMistake() {
    assertThat(parse(LIST, "--help").help()).isTrue();
    assertThat(parse(LIST, "--bogus", "-h").help()).isTrue();
    assertThat(parse(LIST, "--name", "x", "--help").help()).isTrue();
    assertThat(parse(LIST, "--name", "--help").help()).isFalse();
  }

  @Test
  void mistakesInTheLineAreUsageErrorsThatNameThem() {
    refused(LIST, "Unknown option --bogus for `customers list`.", "--bogus", "1");
    refused(LIST, "Unknown option --bogus for `customers list`.", "--bogus=secret");
    refused(LIST, "--name needs a value: --name NAME.", "--name");
    refused(LIST, "--size was given twice.", "--size", "1", "--size", "2");
    refused(LIST, "--all was given twice.", "--all", "--all");
    refused(
        LIST, "Unexpected argument 'two': `customers list` takes one --size value", "one", "two");
    refused(LIST, "--all is a switch and takes no value", "--all=yes");
    refused(LIST, "Unknown option -x", "-x");
    refused(LOGIN, "Unexpected argument 'x': `login` takes only options", "x");
  }

  @Test
  void aWordAfterASwitchIsNeverShownItMayBeASecret() {
    assertThatThrownBy(() -> parse(LOGIN, "--token", "eyJhbGciOi.c2VjcmV0.sig"))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.getMessage())
                  .isEqualTo(
                      "--token is a switch and takes no value (the value given is not shown).");
              assertThat(f.getMessage() + f.nextStep()).doesNotContain("eyJ", "c2VjcmV0");
              assertThat(f.nextStep()).contains("PCSH_ACCESS_TOKEN");
            });
  }

  @Test
  void aRequiredOptionThatIsMissingIsNamed() {
    assertThatThrownBy(() -> CommandLine.parse(LOGIN, List.of(), Set.of("tenant")))
        .hasMessage("`login` needs --tenant TENANT.");
  }

  @Test
  void theCommandIsTheLongestNameTheWordsStartWith() {
    CommandRegistration customer =
        CommandRegistration.builder()
            .command("customers")
            .withTarget()
            .function(c -> null)
            .and()
            .build();
    List<CommandRegistration> all = List.of(customer, LIST, USE);

    assertThat(
            CommandLine.match(all, List.of("customers", "list", "--all"))
                .orElseThrow()
                .registration())
        .isSameAs(LIST);
    assertThat(CommandLine.match(all, List.of("customers", "lis")).orElseThrow().registration())
        .isSameAs(customer);
    assertThat(CommandLine.match(all, List.of("customers list"))).isEmpty();
    assertThat(CommandLine.match(all, List.of("Customers", "list"))).isEmpty();
  }

  private static Object value(CommandRegistration r, String option, String... args) {
    return parse(r, args).value(option(r, option));
  }

  private static CommandLine.Parsed parse(CommandRegistration r, String... args) {
    return CommandLine.parse(r, List.of(args), Set.of());
  }

  private static void refused(CommandRegistration r, String message, String... args) {
    assertThatThrownBy(() -> parse(r, args))
        .isInstanceOfSatisfying(
            Failure.class,
            f -> {
              assertThat(f.getMessage()).startsWith(message);
              assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE);
              assertThat(f.nextStep()).isNotBlank();
            });
  }

  private static CommandOption option(CommandRegistration r, String name) {
    return r.getOptions().stream()
        .filter(o -> List.of(o.getLongNames()).contains(name))
        .findFirst()
        .orElseThrow();
  }
}
