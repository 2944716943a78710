package pcsh.auth;

import java.util.Optional;
import java.util.function.Function;
import pcsh.auth.SignInException.Reason;
import pcsh.session.GraphEndpoint;
import pcsh.session.Principal.AuthKind;

/**
 * Finds the Microsoft Graph token, in this order: {@code PCSH_GRAPH_ACCESS_TOKEN} (as {@code
 * PCSH_ACCESS_TOKEN} is for Partner Center); the demo partner's when Graph is the embedded
 * emulator; else a second token from the Entra ID sign-in, silently (the delegated {@code
 * DelegatedAdminRelationship.Read.All} for a user, {@code .default} for an app). Every way it can
 * fail ends in a {@link GraphToken} that says why, never in an exception: the Partner Center
 * command that wanted it goes on.
 */
final class GraphTokens {

  private final Function<String, String> env;
  private final GraphEndpoint endpoint;
  private final String demoToken;

  GraphTokens(Function<String, String> env, GraphEndpoint endpoint, String demoToken) {
    this.env = env;
    this.endpoint = endpoint;
    this.demoToken = demoToken;
  }

  /**
   * @param embedded Partner Center is the embedded emulator
   * @param signedOut the user signed out of the emulator
   * @param partnerTokenGiven the Partner Center token was given as is (PCSH_ACCESS_TOKEN or login
   *     --token), so there is no sign-in to ask for a second token
   */
  GraphToken find(
      boolean embedded, boolean signedOut, boolean partnerTokenGiven, CachedSignIn entra) {
    Optional<String> fromEnv = fromEnvironment();
    if (fromEnv.isPresent()) return GraphToken.of(fromEnv.get(), Authenticator.GRAPH_TOKEN_ENV);
    if (embedded && signedOut) return notSignedIn();
    if (endpoint.embedded()) return GraphToken.of(demoToken, "the emulator's demo partner");
    if (embedded) {
      return GraphToken.unavailable(
          "the embedded emulator's demo sign-in has no token for " + endpoint.baseUrl(),
          "set " + Authenticator.GRAPH_TOKEN_ENV + ", or pcsh.graph.base-url=embedded.");
    }
    if (partnerTokenGiven) {
      return GraphToken.unavailable(
          "pcsh was given its Partner Center token as is (PCSH_ACCESS_TOKEN or login --token),"
              + " and that token is not valid for Microsoft Graph",
          "set "
              + Authenticator.GRAPH_TOKEN_ENV
              + " to a token for "
              + endpoint.resource()
              + " with "
              + GraphEndpoint.READ_PERMISSION
              + ".");
    }
    boolean app = entra.principal().map(p -> p.kind() == AuthKind.SERVICE_PRINCIPAL).orElse(false);
    try {
      return entra
          .tokenFor(endpoint.delegatedScope(), endpoint.appScope())
          .map(
              t ->
                  GraphToken.of(
                      t,
                      app
                          ? "the app-only sign-in (" + endpoint.appScope() + ")"
                          : "the signed-in account (" + endpoint.delegatedScope() + ")"))
          .orElseGet(GraphTokens::notSignedIn);
    } catch (SignInException e) {
      return refused(e);
    }
  }

  private static GraphToken refused(SignInException e) {
    String detail = e.detail().map(d -> " (" + d + ")").orElse("");
    if (e.reason() == Reason.CONSENT_REQUIRED) {
      return GraphToken.unavailable(
          "consent is missing: nobody has granted the app pcsh signs in with (pcsh.auth.client-id)"
              + " Microsoft Graph's "
              + GraphEndpoint.READ_PERMISSION
              + detail,
          "an administrator of the partner tenant grants that permission to the app, or set "
              + Authenticator.GRAPH_TOKEN_ENV
              + "; Partner Center commands are not affected.");
    }
    if (e.reason() == Reason.MFA_REQUIRED) {
      return GraphToken.unavailable(
          "Entra ID wants multi-factor authentication for the Graph token" + detail,
          "run `login` again and complete MFA.");
    }
    return GraphToken.unavailable(
        "Entra ID gave no Graph token: " + e.getMessage() + detail,
        "run `doctor`, or set " + Authenticator.GRAPH_TOKEN_ENV + ".");
  }

  private static GraphToken notSignedIn() {
    return GraphToken.unavailable("not signed in", "run `login`.");
  }

  private Optional<String> fromEnvironment() {
    String t = env.apply(Authenticator.GRAPH_TOKEN_ENV);
    if (t == null) return Optional.empty();
    t = TokenFlow.bare(t);
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
