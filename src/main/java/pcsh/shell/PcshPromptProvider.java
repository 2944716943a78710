package pcsh.shell;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;
import pcsh.auth.Authenticator;
import pcsh.output.Text;
import pcsh.session.Principal.AuthKind;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.completion.CompletionCache;

/**
 * The prompt shows where pcsh points and what it works on: {@code pcsh[emulator]:Northwind Traders
 * (GCC)>}. A token pcsh cannot refresh (from {@code PCSH_ACCESS_TOKEN} or {@code login --token})
 * that expires within five minutes shows as {@code pcsh[global](token expires in 3 min)>}. It is
 * computed from the session alone, never from the network.
 */
@Component
class PcshPromptProvider implements PromptProvider {

  static final Duration WARN_BEFORE = Duration.ofMinutes(5);

  private final SessionHolder session;
  private final Styles styles;
  private final String environment;
  private final Authenticator auth;
  private final Optional<CompletionCache> completion;
  private final AtomicBoolean first = new AtomicBoolean(true);

  @Autowired
  PcshPromptProvider(
      SessionHolder session,
      Styles styles,
      Settings settings,
      Authenticator auth,
      CompletionCache completion) {
    this.session = session;
    this.styles = styles;
    this.environment = environment(settings);
    this.auth = auth;
    this.completion = Optional.ofNullable(completion);
  }

  @Override
  public AttributedString getPrompt() {
    // the first prompt means a person is typing: fill the completion cache in the background
    // meanwhile
    if (first.getAndSet(false)) completion.ifPresent(CompletionCache::warm);
    Session s = session.get();
    AttributedStyle style =
        s.principal().isEmpty()
            ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
            : AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    Optional<Instant> expiresOn = auth == null ? Optional.empty() : auth.expiresOn();
    return new AttributedString(
        text(s, environment, expiresOn, Instant.now()), styles.style(style));
  }

  static String text(Session s, String environment) {
    return text(s, environment, Optional.empty(), Instant.now());
  }

  static String text(Session s, String environment, Optional<Instant> expiresOn, Instant now) {
    String signedOut = s.principal().isEmpty() ? "(signed out)" : "";
    boolean refreshable =
        s.principal()
            .map(p -> p.kind() != AuthKind.ACCESS_TOKEN && p.kind() != AuthKind.BEARER_TOKEN)
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
    String customer =
        s.customer()
            .map(
                c ->
                    ":"
                        + Text.oneLine(c.label())
                        + c.qualification().map(q -> " (" + Text.oneLine(q) + ")").orElse(""))
            .orElse("");
    return "pcsh[" + environment + "]" + signedOut + expiry + customer + "> ";
  }

  /** The embedded emulator, a known Partner Center cloud by name, or any other host as it is. */
  static String environment(Settings settings) {
    if (settings.embedded()) return "emulator";
    if (Settings.FROM_ENVIRONMENT.equalsIgnoreCase(settings.baseUrl()))
      return settings.environment().id();
    String host = URI.create(settings.apiBaseUrl()).getHost();
    if (host == null) return settings.apiBaseUrl();
    if (host.equalsIgnoreCase("api.partnercenter.microsoft.com")) return "global";
    if (host.equalsIgnoreCase("partner.partnercenterapi.microsoftonline.cn")) return "china";
    return host;
  }
}
