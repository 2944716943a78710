package pcsh.commands;

import java.util.List;
import java.util.Optional;
import pcsh.api.Customer;
import pcsh.api.CustomerPage;
import pcsh.api.PartnerCenterClient;
import pcsh.customers.RecentCustomers;
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
   * {@code --all} over more than one page, through a {@link ListingStream}, so memory stays flat
   * however many customers the partner has. Only the first customers are remembered for completion.
   *
   * @return null: everything is printed already
   */
  String print(CustomerPage first, OutputSpec format, List<String> headers) {
    ListingStream<Customer> listing =
        new ListingStream<>(
            ui, format, headers, c -> new String[] {c.id(), c.companyName(), c.domain()}, c -> c);
    return listing.run(
        () -> {
          CustomerPage page = first;
          while (true) {
            List<Customer> items = page.itemsOrEmpty();
            if (listing.count() < RecentCustomers.MAX_KNOWN) recent.saw(items);
            listing.write(items);
            Optional<String> next = page.nextToken();
            if (next.isEmpty()) break;
            listing.between(
                "customers", "run the command again, or narrow it with --name or --domain.");
            ui.progress("Fetched " + listing.count() + " customers; fetching the next page...");
            page = client.nextCustomers(next.get());
          }
        },
        null);
  }
}
