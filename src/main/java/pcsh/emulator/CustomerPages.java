package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/customers[?size=&filter=]} and its next pages ({@code seekOperation=Next} with the
 * {@code MS-ContinuationToken} header), as spec 4.2 describes them.
 */
final class CustomerPages {

  private CustomerPages() {}

  static ApiResponse list(CustomerDirectory directory, ApiRequest r) {
    Optional<String> seek = r.seekToken();
    PageRequest page;
    if (seek.isPresent()) {
      page = PageRequest.fromToken(seek.get());
    } else {
      String filter = r.query("filter");
      page =
          new PageRequest(
              0,
              PageRequest.size(r.query("size")),
              filter == null || filter.isBlank() ? null : CustomerFilter.parse(filter));
    }

    // One pass from where the previous page stopped, no copy of the directory: each page costs its
    // own customers (plus, with a filter, the ones skipped), so a whole listing is linear in the
    // directory.
    List<Customer> found = new ArrayList<>(page.size());
    int resumeAt = -1; // where the next page starts; -1: this is the last page
    for (int i = page.offset(); i < directory.size(); i++) {
      Customer c = directory.get(i);
      if (page.filter() != null && !page.filter().matches(c)) {
        continue;
      }
      if (found.size() == page.size()) {
        resumeAt = i;
        break;
      }
      found.add(c);
    }

    String selfUri =
        "/customers?size="
            + page.size()
            + (seek.isPresent()
                ? "&seekOperation=Next"
                : page.filter() == null
                    ? ""
                    : "&filter=" + URLEncoder.encode(page.filter().toJson().toString(), UTF_8));
    String next =
        resumeAt < 0 ? null : new PageRequest(resumeAt, page.size(), page.filter()).token();
    return ApiResponse.ok(
        Json.page(
            found.stream().map(CustomerJson::listItem).toList(),
            selfUri,
            "/customers?size=" + page.size() + "&seekOperation=Next",
            next));
  }
}
