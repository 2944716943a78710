package pcsh.shell;

import java.util.Set;
import pcsh.api.WarmUp;
import pcsh.auth.Authenticator;
import pcsh.auth.TokenClaims;
import pcsh.emulator.Emulator;

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
   * {@code args}: the command's words, global options already taken off. A token in the environment
   * is read with Jackson as Spring starts ({@code TokenClaims}); it is read here first, before the
   * warm-up starts, so that Jackson's parser and tree are set up on this thread and the warm-up's
   * mappers never set up a class at the same time as it.
   */
  public static void forCommand(String[] args, boolean embedded) {
    if (args.length == 0 || !SENDING.contains(args[0])) return;
    String token = System.getenv(Authenticator.TOKEN_ENV);
    if (token != null) TokenClaims.parse(token);
    WarmUp.start(embedded ? Emulator::prepare : () -> {});
  }
}
