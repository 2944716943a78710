package pcsh.commands;

import java.util.List;
import java.util.Optional;
import pcsh.api.Customer;
import pcsh.api.CustomerPage;
import pcsh.api.PartnerCenterClient;
import pcsh.customers.RecentCustomers;
import pcsh.failure.Failure;
import pcsh.output.StructuredStream;
import pcsh.output.TableStream;
import pcsh.shell.StreamedOutput;
import pcsh.shell.Ui;

/** {@code customers list --all} printed page by page, as the pages arrive. */
final class CustomerStream {

  private final PartnerCenterClient client;
  private final Ui ui;
  private final RecentCustomers recent;

  CustomerStream(PartnerCenterClient client, Ui ui, RecentCustomers recent) {
    this.client = client;
    this.ui = ui;
    this.recent = recent;
  }

  /**
   * {@code --all} over more than one page: each page is printed as it arrives and then dropped, so
   * memory stays flat however many customers the partner has. Not with {@code --query} (JMESPath
   * needs the whole document) nor for a table that goes through the pager (it needs the whole
   * text). Only the first customers are remembered for completion. Ctrl-C or a closed pipe stops
   * after the current page; the document printed so far is closed (a JSON array gets its {@code
   * ]}).
   *
   * @return null: everything is printed already
   */
  String print(CustomerPage first, OutputSpec format, List<String> headers) {
    StreamedOutput out = ui.stream();
    StructuredStream structured =
        format.structured() ? StructuredStream.open(format.format(), out) : null;
    TableStream table = structured == null ? new TableStream(headers, ui.width()) : null;
    CustomerPage page = first;
    int count = 0;
    try {
      while (true) {
        List<Customer> items = page.itemsOrEmpty();
        ui.progressDone();
        if (structured != null) {
          structured.write(items);
        } else {
          out.print(
              table.page(
                  items.stream()
                      .map(c -> new String[] {c.id(), c.companyName(), c.domain()})
                      .toList()));
          out.flush();
        }
        if (count < RecentCustomers.MAX_KNOWN) recent.saw(items);
        count += items.size();
        Optional<String> next = page.nextToken();
        if (next.isEmpty()) break;
        if (out.failed()) {
          throw Failure.failed(
              "The output could not be written (a closed pipe or a full disk), so the"
                  + " listing stopped after "
                  + count
                  + " customers.",
              "check where the output goes and run it again.");
        }
        if (Thread.interrupted()) {
          throw Failure.failed(
              "Stopped (Ctrl-C) after " + count + " customers; the output ends there.",
              "run the command again, or narrow it with --name or --domain.");
        }
        ui.progress("Fetched " + count + " customers; fetching the next page...");
        page = client.nextCustomers(next.get());
      }
    } catch (RuntimeException | Error e) {
      // the failure that stopped the listing is the one to report, after the document is ended
      ui.progressDone();
      close(structured, out);
      throw e;
    }
    ui.progressDone();
    RuntimeException closing = close(structured, out);
    if (closing != null) throw closing;
    return null;
  }

  /**
   * Ends the document printed so far (a JSON array gets its ]); returns what failed, if anything.
   */
  private static RuntimeException close(StructuredStream structured, StreamedOutput out) {
    try {
      if (structured != null) structured.close();
      out.close();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
