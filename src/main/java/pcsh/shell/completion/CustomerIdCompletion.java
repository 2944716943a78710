package pcsh.shell.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;
import pcsh.api.Customer;
import pcsh.api.ValidationCode;

/**
 * Completion of customers and validation codes, from {@link CompletionCache} only, and of the
 * subscriptions seen (no I/O on a Tab).
 */
@Configuration(proxyBeanMethods = false)
class CustomerIdCompletion {

  static final int MAX = 100;

  /** {@code --customer}: ids, described by company name. */
  @Bean
  CompletionProvider customerIds(CompletionCache cache) {
    return ctx -> {
      String typed = lower(ctx.currentWordUpToCursor());
      return cache.customers().stream()
          .filter(c -> c.id().startsWith(typed))
          .sorted(Comparator.comparing(Customer::id))
          .limit(MAX)
          .map(
              c ->
                  new CompletionProposal(c.id())
                      .description(nullToEmpty(c.companyName()))
                      .category("Customers"))
          .toList();
    };
  }

  /** {@code use customer}: company names, domains and ids, each described by the others. */
  @Bean
  CompletionProvider customerNames(CompletionCache cache) {
    return ctx -> {
      String typed = lower(ctx.currentWordUpToCursor());
      List<CompletionProposal> out = new ArrayList<>();
      for (Customer c : cache.customers()) {
        String name = nullToEmpty(c.companyName());
        String domain = nullToEmpty(c.domain());
        if (!name.isEmpty() && lower(name).startsWith(typed)) {
          out.add(new CompletionProposal(name).description(domain).category("Company names"));
        }
        if (!domain.isEmpty() && lower(domain).startsWith(typed)) {
          out.add(new CompletionProposal(domain).description(name).category("Domains"));
        }
        if (!typed.isEmpty() && c.id().startsWith(typed)) {
          out.add(new CompletionProposal(c.id()).description(name).category("Ids"));
        }
      }
      out.sort(Comparator.comparing(CompletionProposal::value, String.CASE_INSENSITIVE_ORDER));
      return out.stream().limit(MAX).toList();
    };
  }

  /** Subscription ids this shell has seen, described by name; no request on a Tab. */
  @Bean
  CompletionProvider subscriptionIds(pcsh.picture.SeenSubscriptions seen) {
    return ctx -> {
      String typed = lower(ctx.currentWordUpToCursor());
      return seen.all().stream()
          .filter(x -> lower(x.id()).startsWith(typed))
          .sorted(Comparator.comparing(pcsh.picture.SeenSubscriptions.Seen::id))
          .limit(MAX)
          .map(
              x ->
                  new CompletionProposal(x.id())
                      .description(nullToEmpty(x.name()))
                      .category("Subscriptions"))
          .toList();
    };
  }

  /** {@code --code}: validation ids, described by organization and remaining/max creates. */
  @Bean
  CompletionProvider validationCodes(CompletionCache cache) {
    return ctx -> {
      String typed = lower(ctx.currentWordUpToCursor());
      return cache.codes().stream()
          .filter(v -> v.validationId() != null && v.validationId().startsWith(typed))
          .map(
              v ->
                  new CompletionProposal(v.validationId())
                      .description(describe(v))
                      .category("Validation codes"))
          .toList();
    };
  }

  static String describe(ValidationCode v) {
    return nullToEmpty(v.organizationName())
        + ", "
        + count(v.remainingCreates())
        + "/"
        + count(v.maxCreates())
        + " creates left"
        + (v.exhausted() ? " (exhausted)" : "");
  }

  private static String count(Integer n) {
    return n == null ? "?" : n.toString();
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
