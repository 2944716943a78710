package pcsh.shell;

import java.util.Set;
import pcsh.api.WarmUp;
import pcsh.auth.Authenticator;
import pcsh.auth.TokenClaims;
import pcsh.emulator.Emulator;
import pcsh.session.Settings;

/**
 * For a one-shot command that sends requests, starts preparing its first request while Spring
 * starts ({@link WarmUp}), and on the embedded emulator the emulator's own set-up too. Only the
 * commands named here (those that send requests) do; the others (whoami, help, version, ...) load
 * none of it, as {@code StartUpIT} checks. A command missing here only starts slower.
 */
public final class WarmStart {

  private static final Set<String> SENDING =
      Set.of(
          "account",
          "audit",
          "customer",
          "customers",
          "doctor",
          "licenses",
          "qualification",
          "qualify",
          "relationships",
          "service-request",
          "service-requests",
          "subscription",
          "subscriptions",
          "use",
          "user",
          "users",
          "validation-codes");

  private WarmStart() {}

  /**
   * {@code args}: the command's words, global options already taken off; {@code settings}: where
   * its requests go. A token in the environment has its claims read on the warm-up thread first
   * ({@link TokenClaims#readAhead}): the main thread, which reads them as Spring starts, then takes
   * them ready and never sets up Jackson's parser while the warm-up sets up its mappers.
   */
  public static void forCommand(String[] args, Settings settings) {
    if (args.length == 0 || !SENDING.contains(args[0])) return;
    String token = System.getenv(Authenticator.TOKEN_ENV);
    Runnable claims = token == null ? () -> {} : TokenClaims.readAhead(token);
    boolean embedded = settings.embedded();
    WarmUp.start(
        settings.apiBaseUrl(),
        embedded,
        settings.connectTimeout(),
        claims,
        embedded ? Emulator::prepare : () -> {});
  }
}
