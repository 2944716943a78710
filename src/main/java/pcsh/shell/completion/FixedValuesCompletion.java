package pcsh.shell.completion;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;
import pcsh.shell.Help;

/** Completion for options with a closed set of values. */
@Configuration(proxyBeanMethods = false)
class FixedValuesCompletion {

  @Bean
  CompletionProvider outputFormats() {
    return of("table", "json", "yaml", "csv");
  }

  @Bean
  CompletionProvider educationSegments() {
    return of("K12", "HigherEducation");
  }

  @Bean
  CompletionProvider onOff() {
    return of("on", "off");
  }

  @Bean
  CompletionProvider shells() {
    return of("bash", "zsh");
  }

  /** {@code help <command>}: the commands' names (they are known once the shell has started). */
  @Bean
  CompletionProvider commandNames(org.springframework.beans.factory.ObjectProvider<Help> help) {
    return ctx ->
        help.getObject().names().stream()
            .map(n -> new CompletionProposal(n).dontQuote(true))
            .toList();
  }

  private static CompletionProvider of(String... values) {
    List<CompletionProposal> proposals =
        java.util.Arrays.stream(values).map(CompletionProposal::new).toList();
    return ctx -> proposals;
  }
}
