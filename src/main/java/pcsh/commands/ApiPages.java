package pcsh.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pcsh.failure.Failure;
import pcsh.output.OutputFormat;
import pcsh.output.Structured;
import pcsh.raw.ApiCall;
import pcsh.raw.ApiRequests;
import pcsh.raw.JsonBody;
import pcsh.shell.Ui;

/**
 * {@code api --paginate}: the items of every page as one JSON array (or one table, YAML sequence,
 * CSV), printed page by page as the pages arrive through a {@link ListingStream}, so memory stays
 * flat however long the list. With {@code --query} every page is collected first (JMESPath needs
 * the whole list). A table's and a CSV's columns are those of the first page.
 */
final class ApiPages {

  private final ApiRequests requests;
  private final ApiView view;
  private final Ui ui;

  ApiPages(ApiRequests requests, ApiView view, Ui ui) {
    this.requests = requests;
    this.view = view;
    this.ui = ui;
  }

  /**
   * Prints every page after the first, which answered {@code first} with {@code answer}.
   *
   * @return text to print (an answer that is no collection, or what a query made), or null when
   *     everything is printed already
   */
  String print(ApiCall first, ApiRequests.Outcome answer) {
    Optional<JsonNode> body = view.json(answer.answer());
    Optional<JsonNode> items = body.flatMap(JsonBody::items);
    if (items.isEmpty()) return view.text(answer.answer());
    if (view.query().isPresent()) return collected(first, body.get());
    OutputFormat format = view.format().orElse(OutputFormat.JSON);
    List<String> columns = ApiView.columns(items.get());
    ListingStream<JsonNode> listing =
        new ListingStream<>(
            ui,
            new OutputSpec(format, Optional.empty()),
            columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(),
            item -> {
              Map<String, String> row = Structured.flatten(item);
              return columns.stream().map(c -> row.getOrDefault(c, "")).toArray(String[]::new);
            },
            item -> item,
            view.format().isPresent());
    return listing.run(
        () -> {
          JsonNode page = body.get();
          ApiCall current = first;
          while (true) {
            listing.write(list(JsonBody.items(page).orElseThrow()));
            Optional<ApiCall> next = requests.next(first, current, page);
            if (next.isEmpty()) break;
            listing.between("items", "run it again; the items printed end where it stopped.");
            ui.progress("Fetched " + listing.count() + " items; fetching the next page...");
            current = next.get();
            page = page(current);
          }
        },
        "No items.");
  }

  /** Every page's items in one list, for the query. */
  private String collected(ApiCall first, JsonNode firstPage) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    JsonNode page = firstPage;
    ApiCall current = first;
    while (true) {
      all.addAll((ArrayNode) JsonBody.items(page).orElseThrow());
      Optional<ApiCall> next = requests.next(first, current, page);
      if (next.isEmpty()) break;
      if (Thread.interrupted()) {
        throw Failure.failed(
            "Stopped (Ctrl-C) after " + all.size() + " items; nothing was printed.",
            "run it again, or without --query to print the pages as they come.");
      }
      ui.progress("Fetched " + all.size() + " items; fetching the next page...");
      current = next.get();
      page = page(current);
    }
    ui.progressDone();
    return view.render(all);
  }

  /** A later page's JSON; its failure is reported as every failure is. */
  private JsonNode page(ApiCall call) {
    ApiRequests.Outcome o = requests.read(call);
    if (o.failure() != null) throw o.failure();
    return view.json(o.answer())
        .filter(p -> JsonBody.items(p).isPresent())
        .orElseThrow(
            () ->
                Failure.failed(
                    "The page at "
                        + call.path()
                        + " is not a page of items (HTTP "
                        + o.answer().status()
                        + "), so the listing stopped there.",
                    "the items printed are complete up to that page; --debug shows the answer."));
  }

  private static List<JsonNode> list(JsonNode items) {
    List<JsonNode> out = new ArrayList<>(items.size());
    items.forEach(out::add);
    return out;
  }
}
