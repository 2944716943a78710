package pcsh.shell.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.stereotype.Component;

/**
 * Completes positional arguments ({@code use customer Nor<Tab>}): Spring Shell 3.4 only asks an
 * option's provider after its {@code --name}, so this hands a bare word to the option at that
 * position.
 */
@Component
class PositionalCompletion implements CompletionResolver {

  @Override
  public List<CompletionProposal> apply(CompletionContext ctx) {
    CommandRegistration reg = ctx.getCommandRegistration();
    if (reg == null || ctx.getWordIndex() < 0) return List.of();
    List<String> words = ctx.getWords();
    String previous = ctx.getWordIndex() > 0 ? words.get(ctx.getWordIndex() - 1) : null;
    if (previous != null && previous.startsWith("-") && takesValue(reg, previous)) return List.of();
    if (ctx.currentWord() != null && ctx.currentWord().startsWith("-")) return List.of();
    int position = 0;
    for (int i = 0; i < ctx.getWordIndex(); i++) {
      if (words.get(i).startsWith("-")) {
        if (takesValue(reg, words.get(i))) i++;
      } else {
        position++;
      }
    }
    List<CommandOption> options = new ArrayList<>(reg.getOptions());
    options.sort(Comparator.comparingInt(CommandOption::getPosition));
    int n = 0;
    for (CommandOption o : options) {
      if (o.getPosition() < 0
          || Stream.of(o.getLongNames()).anyMatch(l -> words.contains("--" + l))) continue;
      // an option that takes many words (use customer Contoso Ltd) stays the target for every later
      // word
      if (n++ == position || o.getArityMax() > 1) {
        return o.getCompletion() == null
            ? List.of()
            : o.getCompletion().apply(ctx.commandOption(o));
      }
    }
    return List.of();
  }

  private static boolean takesValue(CommandRegistration reg, String word) {
    String name = word.replaceFirst("^-+", "");
    for (CommandOption o : reg.getOptions()) {
      boolean match =
          Stream.of(o.getLongNames()).anyMatch(name::equals)
              || Stream.of(o.getShortNames()).anyMatch(c -> name.equals(String.valueOf(c)));
      if (match) return o.getArityMax() != 0 && !o.getType().isAssignableFrom(boolean.class);
    }
    return false;
  }
}
