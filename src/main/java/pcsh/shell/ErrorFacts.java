package pcsh.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;
import pcsh.graph.GraphException;
import pcsh.output.Text;

/**
 * A failure in one line, or as one JSON object, for a screen that shows many results and must let
 * one fail without the others (a part of {@code customer overview}): what {@link ErrorReport} says,
 * with the status, the error code and the ids support asks for.
 */
public final class ErrorFacts {

  private ErrorFacts() {}

  /** "What failed and why [HTTP 503, error 1000, MS-CorrelationId: …, MS-RequestId: …]". */
  public static String line(Throwable e) {
    List<String> facts = new ArrayList<>();
    json(e)
        .forEach(
            (k, v) -> {
              if (v == null || k.equals("message") || k.equals("description")) return;
              facts.add(
                  switch (k) {
                    case "status" -> "HTTP " + v;
                    case "code" -> "error " + v;
                    default -> k + ": " + v;
                  });
            });
    return headline(e) + (facts.isEmpty() ? "" : " [" + String.join(", ", facts) + "]");
  }

  /**
   * {@code message} (what {@link ErrorReport} says), {@code status}, {@code code}, {@code
   * description} (the service's), and the ids: {@code MS-CorrelationId} and {@code MS-RequestId}
   * for Partner Center, {@code request-id} and {@code client-request-id} for Microsoft Graph.
   */
  public static Map<String, Object> json(Throwable e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", headline(e));
    Throwable call = e instanceof Failure f && f.getCause() != null ? f.getCause() : e;
    if (call instanceof PartnerCenterException p) {
      if (p.status() > 0) m.put("status", p.status());
      p.errorCode().ifPresent(c -> m.put("code", Text.oneLine(c)));
      m.put("description", Text.oneLine(p.description()));
      m.put("MS-CorrelationId", p.correlationId());
      m.put("MS-RequestId", p.requestId());
    } else if (call instanceof GraphException g) {
      if (g.status() > 0) m.put("status", g.status());
      g.code().ifPresent(c -> m.put("code", Text.oneLine(c)));
      m.put("description", Text.oneLine(g.getMessage()));
      g.requestId().ifPresent(id -> m.put("request-id", id));
      g.clientRequestId().ifPresent(id -> m.put("client-request-id", id));
    }
    return m;
  }

  /** The report's headline: its first line without "Error: ". */
  private static String headline(Throwable e) {
    String text = ErrorReport.of(e).text();
    String first = text.lines().findFirst().orElse("");
    return first.startsWith("Error: ") ? first.substring("Error: ".length()) : first;
  }
}
