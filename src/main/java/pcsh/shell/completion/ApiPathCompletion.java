package pcsh.shell.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;
import pcsh.raw.Endpoints;
import pcsh.session.SelectedCustomer;
import pcsh.session.SessionHolder;

/**
 * {@code api [METHOD] PATH}: the methods, then the endpoints pcsh knows, with {@code {customer}}
 * filled in with the selected customer (from memory: no I/O on a Tab). The completion script lists
 * the same, with {@code {customer}} as it is.
 */
@Configuration(proxyBeanMethods = false)
class ApiPathCompletion {

  @Bean
  CompletionProvider apiPaths(SessionHolder session) {
    return ctx -> {
      String typed = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
      int at = ctx.getWordIndex();
      String previous = at > 0 && at <= ctx.getWords().size() ? ctx.getWords().get(at - 1) : "";
      List<CompletionProposal> out = new ArrayList<>();
      if (!Endpoints.METHODS.contains(previous)) {
        for (String m : Endpoints.METHODS) {
          if (m.startsWith(typed.toUpperCase(Locale.ROOT)))
            out.add(new CompletionProposal(m).category("Methods"));
        }
      }
      Optional<String> customer = session.get().customer().map(SelectedCustomer::id);
      List<String> paths = Endpoints.paths(customer);
      for (int i = 0; i < paths.size(); i++) {
        String p = paths.get(i);
        if (!p.startsWith(typed) && !p.substring(1).startsWith(typed)) continue;
        out.add(
            new CompletionProposal(p)
                .category(
                    Endpoints.ALL.get(i).graph()
                        ? "Microsoft Graph (with --graph)"
                        : "Partner Center"));
      }
      return out;
    };
  }

  @Bean
  CompletionProvider httpMethods() {
    List<CompletionProposal> proposals =
        Endpoints.METHODS.stream().map(CompletionProposal::new).toList();
    return ctx -> proposals;
  }
}
