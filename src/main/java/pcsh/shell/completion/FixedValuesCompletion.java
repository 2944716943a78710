package pcsh.shell.completion;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

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

  private static CompletionProvider of(String... values) {
    List<CompletionProposal> proposals =
        java.util.Arrays.stream(values).map(CompletionProposal::new).toList();
    return ctx -> proposals;
  }
}
