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
  CompletionProvider partnerTypes() {
    return of("provider", "reseller");
  }

  @Bean
  CompletionProvider subscriptionStatuses() {
    return of(pcsh.picture.SubscriptionStatus.KNOWN.toArray(new String[0]));
  }

  @Bean
  CompletionProvider licenseGroups() {
    return of("1", "2");
  }

  @Bean
  CompletionProvider serviceRequestStatuses() {
    return of(pcsh.picture.ServiceRequestValues.STATUSES.toArray(new String[0]));
  }

  @Bean
  CompletionProvider serviceRequestSeverities() {
    return of(pcsh.picture.ServiceRequestValues.SEVERITIES.toArray(new String[0]));
  }

  @Bean
  CompletionProvider shells() {
    return of("bash", "zsh");
  }

  /**
   * {@code help <command>}: the next word of the commands that start with the words typed so far
   * (the names are known once the shell has started).
   */
  @Bean
  CompletionProvider commandNames(org.springframework.beans.factory.ObjectProvider<Help> help) {
    return ctx -> {
      int at = Math.max(0, Math.min(ctx.getWordIndex(), ctx.getWords().size()));
      String typed = String.join(" ", ctx.getWords().subList(0, at));
      String prefix = typed.isEmpty() ? "" : typed + " ";
      return help.getObject().names().stream()
          .filter(n -> n.startsWith(prefix))
          .map(n -> n.substring(prefix.length()).split(" ", -1)[0])
          .distinct()
          .map(CompletionProposal::new)
          .toList();
    };
  }

  private static CompletionProvider of(String... values) {
    List<CompletionProposal> proposals =
        java.util.Arrays.stream(values).map(CompletionProposal::new).toList();
    return ctx -> proposals;
  }
}
