package pcsh.auth;

import java.util.Optional;

/**
 * The second token pcsh uses, for Microsoft Graph (GDAP), or why there is none. Not having one is
 * never a failure of the Partner Center command that wanted it: callers say why in one line and go
 * on. The token itself is only handed to the Graph client and never printed ({@link #toString}
 * leaves it out).
 */
public final class GraphToken {

  private final String token;
  private final String source;
  private final String problem;
  private final String next;

  private GraphToken(String token, String source, String problem, String next) {
    this.token = token;
    this.source = source;
    this.problem = problem;
    this.next = next;
  }

  public static GraphToken of(String token, String source) {
    return new GraphToken(token, source, null, null);
  }

  public static GraphToken unavailable(String problem, String next) {
    return new GraphToken(null, null, problem, next);
  }

  public boolean available() {
    return token != null;
  }

  /** The bearer token, for the Graph client's requests only. */
  public Optional<String> value() {
    return Optional.ofNullable(token);
  }

  /** Where the token came from, e.g. "PCSH_GRAPH_ACCESS_TOKEN" or "the signed-in account". */
  public String source() {
    return source;
  }

  /** Why there is no token (one sentence), when there is none. */
  public String problem() {
    return problem;
  }

  /** What the user can do to get one, when there is none. */
  public String next() {
    return next;
  }

  @Override
  public String toString() {
    return available() ? "GraphToken[from " + source + "]" : "GraphToken[none: " + problem + "]";
  }
}
