package pcsh.shell;

import java.util.Set;
import pcsh.api.WarmUp;
import pcsh.auth.Authenticator;
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
   * is read at start with Jackson ({@code TokenClaims}), so then the JSON set-up is left to the
   * command.
   */
  public static void forCommand(String[] args, boolean embedded) {
    if (args.length == 0 || !SENDING.contains(args[0])) return;
    boolean json = System.getenv(Authenticator.TOKEN_ENV) == null;
    WarmUp.start(json, json && embedded ? Emulator::prepare : () -> {});
  }
}
