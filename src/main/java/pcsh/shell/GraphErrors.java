package pcsh.shell;

import java.util.List;
import pcsh.graph.GraphException;
import pcsh.output.Text;

/**
 * {@link ErrorReport}'s part for Microsoft Graph: Graph's status and error code, the ids Graph
 * support asks for ({@code request-id}, {@code client-request-id}, {@code date}), and the next
 * step; a GDAP problem never concerns the Partner Center commands.
 */
final class GraphErrors {

  private GraphErrors() {}

  /**
   * A Microsoft Graph failure: its status, Graph's error code, and the ids Graph support asks for.
   */
  static ErrorReport report(GraphException g) {
    String target = g.method() + " " + g.url();
    ExitCode code;
    String next;
    String headline;
    int s = g.status();
    if (g.kind() != GraphException.Kind.RESPONSE) {
      code = ExitCode.FAILURE;
      headline = "Microsoft Graph: " + target + ": " + Text.oneLine(g.getMessage()) + ".";
      next =
          g.kind() == GraphException.Kind.NO_RESPONSE
              ? "check pcsh.graph.base-url and the network; Partner Center commands are not affected."
              : "check pcsh.graph.base-url: pcsh sends the Graph token to its origin only.";
    } else {
      headline =
          "Microsoft Graph: " + target + " failed with HTTP " + s + ErrorReport.reason(s) + ".";
      if (s == 401) {
        code = ExitCode.AUTH;
        next =
            "Graph refused the token: run `login` again, or set a fresh PCSH_GRAPH_ACCESS_TOKEN;"
                + " `doctor` says where the Graph token comes from.";
      } else if (s == 403) {
        code = ExitCode.AUTH;
        next =
            "the account or app needs Microsoft Graph's DelegatedAdminRelationship.Read.All,"
                + " granted by an administrator of the partner tenant; Partner Center commands are"
                + " not affected.";
      } else if (s == 404) {
        code = ExitCode.NOT_FOUND;
        next = "check pcsh.graph.base-url; `customer access` lists the relationships.";
      } else if (s == 429 || s >= 500) {
        code = ExitCode.FAILURE;
        next = "Microsoft Graph is busy or failing; try again later with the ids above.";
      } else {
        code = ExitCode.REFUSED;
        next = "give Microsoft Graph support the ids above.";
      }
    }
    return ErrorReport.block(code, headline, ids(g), next);
  }

  static List<String> ids(GraphException g) {
    return java.util.stream.Stream.of(
            g.code()
                .map(c -> "Graph error " + c + ": " + Text.oneLine(g.getMessage()))
                .orElse(null),
            "request-id:        " + g.requestId().map(Text::oneLine).orElse("(none)"),
            "client-request-id: " + g.clientRequestId().map(Text::oneLine).orElse("(none)"),
            "date:              " + g.date().map(Text::oneLine).orElse("(none)"))
        .filter(x -> x != null)
        .toList();
  }
}
