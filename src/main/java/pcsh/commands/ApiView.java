package pcsh.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pcsh.api.RawClient;
import pcsh.output.OutputFormat;
import pcsh.output.Query;
import pcsh.output.Structured;
import pcsh.raw.JsonBody;
import pcsh.session.Redactor;
import pcsh.shell.ErrorReport;
import pcsh.shell.Ui;

/**
 * How {@code api} prints an answer: with {@code -i}, the status line and the headers (redacted as
 * --debug shows them); then the body as received, JSON pretty-printed (on one line with {@code -o
 * json}), anything else as it came. {@code -o yaml|csv|table} and {@code --query} work on a
 * collection's items, or on the whole JSON. A token pcsh knows never appears, whatever the service
 * echoed.
 */
final class ApiView {

  private final Ui ui;
  private final Redactor redactor;
  private final Optional<OutputFormat> format;
  private final Optional<Query> query;
  private final boolean include;

  ApiView(
      Ui ui,
      Redactor redactor,
      Optional<OutputFormat> format,
      Optional<Query> query,
      boolean include) {
    this.ui = ui;
    this.redactor = redactor;
    this.format = format;
    this.query = query;
    this.include = include;
  }

  /** Whether the answer is printed as received (no format, no query). */
  boolean asReceived() {
    return format.isEmpty() && query.isEmpty();
  }

  Optional<OutputFormat> format() {
    return format;
  }

  Optional<Query> query() {
    return query;
  }

  /** Everything printed for one answer: headers with -i, then the body; empty for none. */
  String text(RawClient.Answer a) {
    StringBuilder b = new StringBuilder();
    if (include) b.append(head(a));
    b.append(body(a));
    return b.toString();
  }

  /** {@code HTTP/1.1 200 OK}, each header, a blank line. */
  String head(RawClient.Answer a) {
    StringBuilder b =
        new StringBuilder("HTTP/1.1 ")
            .append(a.status())
            .append(ErrorReport.reason(a.status()))
            .append('\n');
    for (Map.Entry<String, String> h : redactor.headers(a.headers()).entrySet()) {
      b.append(h.getKey()).append(": ").append(printable(h.getValue())).append('\n');
    }
    return b.append('\n').toString();
  }

  /** The body: rendered when it is JSON, as it came when not; empty when there is none. */
  String body(RawClient.Answer a) {
    Optional<JsonNode> json = json(a);
    if (json.isPresent()) return render(json.get());
    String text = printable(redactor.knownSecrets(a.bodyText()));
    if (!text.isEmpty() && !asReceived()) {
      ui.notice(
          "(The answer is not JSON, so it is printed as it came: --output and --query apply"
              + " to JSON only.)\n");
    }
    return text;
  }

  /** The body as JSON, once any token pcsh knows is taken out of it; empty when it is not JSON. */
  Optional<JsonNode> json(RawClient.Answer a) {
    String text = a.bodyText();
    String clean = redactor.knownSecrets(text);
    return JsonBody.parse(clean.equals(text) ? a.body() : clean.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A JSON body: as received, pretty (or on one line for json); with a format other than json or a
   * query, a collection's items.
   */
  String render(JsonNode body) {
    if (asReceived()) return Structured.render(OutputFormat.JSON, body, Optional.empty(), 0);
    OutputFormat f = format.orElse(OutputFormat.JSON);
    if (f == OutputFormat.JSON && query.isEmpty()) return Structured.compact(body);
    JsonNode target = JsonBody.items(body).orElse(body);
    if (query.isPresent()) target = query.get().apply(target);
    if (target == null) target = com.fasterxml.jackson.databind.node.NullNode.getInstance();
    if (f == OutputFormat.JSON) {
      return format.isPresent()
          ? Structured.compact(target)
          : Structured.render(OutputFormat.JSON, target, Optional.empty(), 0);
    }
    return Structured.render(f, target, Optional.empty(), ui.width());
  }

  /** The columns of a table of these items, in capitals, and each item's cells. */
  static List<String> columns(JsonNode items) {
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    items.forEach(i -> rows.add(Structured.flatten(i)));
    return List.copyOf(Structured.columns(rows));
  }

  /**
   * Text from the service as it came, except on a terminal, where control characters (which could
   * move the cursor or forge lines) are shown as U+FFFD.
   */
  private String printable(String s) {
    if (ui.noTerminal()) return s;
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) && c != '\n' && c != '\t') b.append('\uFFFD');
              else b.appendCodePoint(c);
            });
    return b.toString();
  }
}
