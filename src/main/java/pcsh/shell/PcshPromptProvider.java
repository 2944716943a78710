package pcsh.shell;

import java.net.URI;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;
import pcsh.output.Text;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;

/**
 * The prompt shows where pcsh points and what it works on: {@code pcsh[emulator]:Northwind Traders (GCC)>}.
 * It is computed from the session alone, never from the network.
 */
@Component
class PcshPromptProvider implements PromptProvider {

  private final SessionHolder session;
  private final Styles styles;
  private final String environment;
  private final java.util.Optional<CompletionCache> completion;
  private final java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);

  PcshPromptProvider(SessionHolder session, Styles styles, Settings settings) {
    this(session, styles, settings, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  PcshPromptProvider(SessionHolder session, Styles styles, Settings settings, CompletionCache completion) {
    this.session = session;
    this.styles = styles;
    this.environment = environment(settings);
    this.completion = java.util.Optional.ofNullable(completion);
  }

  @Override
  public AttributedString getPrompt() {
    // the first prompt means a person is typing: fill the completion cache in the background meanwhile
    if (first.getAndSet(false)) completion.ifPresent(CompletionCache::warm);
    Session s = session.get();
    AttributedStyle style = s.principal().isEmpty()
        ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
        : AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    return new AttributedString(text(s, environment), styles.style(style));
  }

  static String text(Session s, String environment) {
    String signedOut = s.principal().isEmpty() ? "(signed out)" : "";
    String customer = s.customer().map(c -> ":" + Text.oneLine(c.label())
        + c.qualification().map(q -> " (" + Text.oneLine(q) + ")").orElse("")).orElse("");
    return "pcsh[" + environment + "]" + signedOut + customer + "> ";
  }

  /** Known Partner Center hosts by their cloud's name; any other host as it is. */
  static String environment(Settings settings) {
    if (settings.embedded()) return "emulator";
    String host = URI.create(settings.baseUrl()).getHost();
    if (host == null) return settings.baseUrl();
    if (host.equalsIgnoreCase("api.partnercenter.microsoft.com")) return "global";
    if (host.equalsIgnoreCase("partner.partnercenterapi.microsoftonline.cn")) return "china";
    return host;
  }
}
