package pcsh.raw;

import java.util.List;
import java.util.Map;
import pcsh.session.Redactor;

/**
 * A request as the curl command that sends it, redacted: the token as the variable that holds it
 * ({@code $PCSH_ACCESS_TOKEN}, or {@code $PCSH_GRAPH_ACCESS_TOKEN} for Graph), any other secret (a
 * validation code in the query or the body, a secret-named header) as {@code [REDACTED]}.
 */
public final class Curl {

  private Curl() {}

  /**
   * The command for {@code call}.
   *
   * @param headers every header the request carries, the token already shown as its variable
   */
  public static String of(ApiCall call, Map<String, List<String>> headers, Redactor redactor) {
    StringBuilder b =
        new StringBuilder("curl -X ")
            .append(call.method())
            .append(' ')
            .append(quote(redactor.url(call.url())));
    headers.forEach(
        (name, values) -> {
          for (String v : values) {
            b.append(" \\\n  -H ");
            if (name.equalsIgnoreCase("Authorization")) {
              // double quotes, so the shell puts the variable's value in
              b.append('"').append(name).append(": ").append(v).append('"');
            } else {
              String shown = Redactor.secretName(name) ? Redactor.HIDDEN : redactor.text(v);
              b.append(quote(name + ": " + shown));
            }
          }
        });
    call.bodyText()
        .ifPresent(body -> b.append(" \\\n  --data ").append(quote(redactor.text(body))));
    return b.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
