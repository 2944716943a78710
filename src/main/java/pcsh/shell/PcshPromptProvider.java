package pcsh.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;
import pcsh.output.Text;
import pcsh.session.Session;
import pcsh.session.SessionHolder;

/** The prompt shows the session: {@code pcsh:Contoso Ltd>}; computed from state, never from the network. */
@Component
class PcshPromptProvider implements PromptProvider {

  private final SessionHolder session;

  PcshPromptProvider(SessionHolder session) {
    this.session = session;
  }

  @Override
  public AttributedString getPrompt() {
    return new AttributedString(text(session.get()), AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
  }

  static String text(Session s) {
    String signedOut = s.principal().isEmpty() ? "(signed out)" : "";
    String customer = s.customer().map(c -> ":" + Text.oneLine(c.label())).orElse("");
    return "pcsh" + signedOut + customer + "> ";
  }
}
