package pcsh.shell;

import java.util.List;
import java.util.Locale;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.stereotype.Component;

/** Completes {@code --customer} with the ids of customers already seen, described by name; no I/O. */
@Component("customerIds")
class CustomerIdCompletion implements CompletionProvider {

  private final RecentCustomers recent;

  CustomerIdCompletion(RecentCustomers recent) {
    this.recent = recent;
  }

  @Override
  public List<CompletionProposal> apply(CompletionContext ctx) {
    String typed = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor().toLowerCase(Locale.ROOT);
    return recent.all().stream()
        .filter(c -> c.id().startsWith(typed))
        .limit(200)
        .map(c -> new CompletionProposal(c.id()).description(c.companyName() == null ? "" : c.companyName()))
        .toList();
  }
}
