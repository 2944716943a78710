package pcsh.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;
import pcsh.auth.Authenticator;
import pcsh.output.Text;
import pcsh.session.Principal.AuthKind;
import pcsh.session.Session;
import pcsh.session.SessionHolder;

/**
 * The prompt shows the session: {@code pcsh:Contoso Ltd>}; computed from state, never from the network. A token
 * pcsh cannot refresh (from {@code PCSH_ACCESS_TOKEN} or {@code login --token}) that expires within five minutes
 * shows as {@code pcsh(token expires in 3 min)>}.
 */
@Component
class PcshPromptProvider implements PromptProvider {

  static final Duration WARN_BEFORE = Duration.ofMinutes(5);

  private final SessionHolder session;
  private final Authenticator auth;

  PcshPromptProvider(SessionHolder session, Authenticator auth) {
    this.session = session;
    this.auth = auth;
  }

  @Override
  public AttributedString getPrompt() {
    return new AttributedString(text(session.get(), auth.expiresOn(), Instant.now()),
        AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
  }

  static String text(Session s) {
    return text(s, Optional.empty(), Instant.now());
  }

  static String text(Session s, Optional<Instant> expiresOn, Instant now) {
    String signedOut = s.principal().isEmpty() ? "(signed out)" : "";
    boolean refreshable = s.principal().map(p -> p.kind() != AuthKind.ACCESS_TOKEN && p.kind() != AuthKind.BEARER_TOKEN)
        .orElse(true);
    String expiry = "";
    if (!refreshable && expiresOn.isPresent()) {
      Duration left = Duration.between(now, expiresOn.get());
      if (left.isNegative() || left.isZero()) {
        expiry = "(token expired)";
      } else if (left.compareTo(WARN_BEFORE) <= 0) {
        expiry = "(token expires in " + Math.max(1, left.toMinutes()) + " min)";
      }
    }
    String customer = s.customer().map(c -> ":" + Text.oneLine(c.label())).orElse("");
    return "pcsh" + signedOut + expiry + customer + "> ";
  }
}
