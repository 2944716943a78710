package pcsh.commands;

import java.util.List;
import java.util.function.Function;
import pcsh.failure.Failure;
import pcsh.output.StructuredStream;
import pcsh.output.TableStream;
import pcsh.shell.StreamedOutput;
import pcsh.shell.Ui;

/**
 * A listing printed page by page as the pages arrive, each page then dropped, so memory stays flat
 * however long the list: JSON, YAML or CSV through {@link StructuredStream}, a table through {@link
 * TableStream}. Not with {@code --query} (JMESPath needs the whole document) nor for a table that
 * goes through the pager (it needs the whole text). Ctrl-C or a closed pipe stops it between pages,
 * and the document printed so far is always ended (a JSON array gets its {@code ]}), also when a
 * request fails.
 */
final class ListingStream<T> {

  private final Ui ui;
  private final StreamedOutput out;
  private final StructuredStream structured;
  private final TableStream table;
  private final Function<T, String[]> row;
  private final Function<T, Object> item;
  private int count;

  /**
   * @param row a table's cells for one item, one per header
   * @param item what JSON, YAML and CSV print for one item
   */
  ListingStream(
      Ui ui,
      OutputSpec format,
      List<String> headers,
      Function<T, String[]> row,
      Function<T, Object> item) {
    this(ui, format, headers, row, item, false);
  }

  /**
   * @param compact JSON on one line rather than indented
   */
  ListingStream(
      Ui ui,
      OutputSpec format,
      List<String> headers,
      Function<T, String[]> row,
      Function<T, Object> item,
      boolean compact) {
    this.ui = ui;
    this.out = ui.stream();
    this.structured =
        format.structured() ? StructuredStream.open(format.format(), out, compact) : null;
    this.table = structured == null ? new TableStream(headers, ui.width()) : null;
    this.row = row;
    this.item = item;
  }

  /** Prints a page as it arrived; an empty page prints nothing. */
  void write(List<T> items) {
    ui.progressDone();
    count += items.size();
    if (items.isEmpty()) return;
    if (structured != null) {
      structured.write(items.stream().map(item).toList());
    } else {
      out.print(table.page(items.stream().map(row).toList()));
      out.flush();
    }
  }

  /** A line after a table (a hint that more is available); JSON, YAML and CSV print none. */
  void note(String line) {
    if (table != null) out.print(line);
  }

  /** Items printed so far. */
  int count() {
    return count;
  }

  /**
   * Before the next page is read: stops the listing when the output could not be written or Ctrl-C
   * was pressed.
   *
   * @param items what the items are called, e.g. "customers"
   * @param nextStep what to do after Ctrl-C
   */
  void between(String items, String nextStep) {
    if (out.failed()) {
      throw Failure.failed(
          "The output could not be written (a closed pipe or a full disk), so the"
              + " listing stopped after "
              + count
              + " "
              + items
              + ".",
          "check where the output goes and run it again.");
    }
    if (Thread.interrupted()) {
      throw Failure.failed(
          "Stopped (Ctrl-C) after " + count + " " + items + "; the output ends there.", nextStep);
    }
  }

  /**
   * Runs {@code listing}, which writes the pages, and ends the document, also when it fails: the
   * failure that stopped the listing is then reported after the end.
   *
   * @param empty what a table says when no item was printed
   * @return null: everything is printed already
   */
  String run(Runnable listing, String empty) {
    try {
      listing.run();
    } catch (RuntimeException | Error e) {
      ui.progressDone();
      close(null);
      throw e;
    }
    ui.progressDone();
    RuntimeException closing = close(empty);
    if (closing != null) throw closing;
    return null;
  }

  /** Ends the document printed so far; returns what failed, if anything. */
  private RuntimeException close(String empty) {
    try {
      if (structured != null) structured.close();
      else if (count == 0 && empty != null) out.print(empty);
      out.close();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
