package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;

/** The shared options get their short name, description and completion from one table. */
class SharedOptionsTest {

  private static final CompletionResolver FORMATS = ctx -> List.of(new CompletionProposal("json"));

  private static final CommandTargets TARGETS = new CommandTargets();

  private static CommandRegistration.Builder builder() {
    return new SharedOptionsBuilder.Builder(
        CommandRegistration.builder(),
        name -> name.equals("outputFormats") ? FORMATS : null,
        TARGETS);
  }

  /** A command's method, as an annotated command class has it. */
  static String greet(String name, boolean loud) {
    return (loud ? "HELLO " : "hello ") + name;
  }

  @Test
  void aMethodBecomesACommandTargetsFunctionThatKnowsTheRequiredOptionsAndTheWholeDescription()
      throws Exception {
    CommandRegistration.Builder b =
        builder().command("greet").description("Greet someone.\nLonger text.\nExample: greet Ann");
    b.withOption().longNames("name").type(String.class).position(0).required();
    b.withOption().longNames("loud").type(boolean.class).position(1);
    b.withTarget()
        .method(
            null, SharedOptionsTest.class.getDeclaredMethod("greet", String.class, boolean.class));
    CommandRegistration r = b.build();

    assertThat(r.getTarget().getTargetType())
        .isEqualTo(CommandRegistration.TargetInfo.TargetType.FUNCTION);
    assertThat(r.getDescription()).isEqualTo("Greet someone.");
    assertThat(option(r, "name").isRequired()).as("Spring Shell sees only the name").isFalse();
    CommandTargets.Target t = TARGETS.target("greet").orElseThrow();
    assertThat(t.required()).containsExactly("name");
    assertThat(t.description()).endsWith("Example: greet Ann");
  }

  @Test
  void aSharedOptionNamedOnlyByItsLongNameGetsTheRestFromTheTable() {
    CommandRegistration.Builder b = builder().command("thing", "show");
    b.withOption().longNames(SharedOptions.OUTPUT).shortNames().description("");
    b.withOption().longNames(SharedOptions.YES).type(boolean.class);
    b.withTarget().function(ctx -> "done");
    CommandRegistration r = b.build();

    CommandOption output = option(r, "output");
    assertThat(output.getShortNames()).containsExactly('o');
    assertThat(output.getDescription()).startsWith("table, json, yaml or csv");
    assertThat(output.getCompletion()).isSameAs(FORMATS);
    CommandOption yes = option(r, "yes");
    assertThat(yes.getShortNames()).containsExactly('y');
    assertThat(yes.getDescription()).isEqualTo("do not ask for confirmation");
  }

  @Test
  void whatACommandStatesItselfWins() {
    CommandRegistration.Builder b = builder().command("thing", "run");
    b.withOption().longNames(SharedOptions.DRY_RUN).description("show the plan, send nothing");
    b.withOption().longNames("other").description("");
    b.withTarget().function(ctx -> "done");
    CommandRegistration r = b.build();

    assertThat(option(r, "dry-run").getDescription()).isEqualTo("show the plan, send nothing");
    assertThat(option(r, "other").getDescription()).isEmpty();
  }

  private static CommandOption option(CommandRegistration r, String name) {
    return r.getOptions().stream()
        .filter(o -> List.of(o.getLongNames()).contains(name))
        .findFirst()
        .orElseThrow();
  }
}
