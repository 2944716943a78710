package pcsh.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import pcsh.api.AuditClient;
import pcsh.api.AuditPage;
import pcsh.api.AuditRecord;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;
import pcsh.output.Progress;

/**
 * Reads a query's records page by page: the range's windows newest first, each window's pages in
 * the service's order, one request per {@link #next()} (a window with no record is one request
 * too). Only the current page is held, so a caller can print as the pages arrive.
 */
public final class AuditCursor {

  private final AuditClient client;
  private final AuditQuery query;
  private final int pageSize;
  private final Progress progress;
  private final List<AuditRange> windows;
  private int window = -1;
  private int pageInWindow;
  private AuditPage page;
  private boolean done;
  private long read;

  AuditCursor(AuditClient client, AuditQuery query, int pageSize, Progress progress) {
    this.client = client;
    this.query = query;
    this.pageSize = pageSize;
    this.progress = progress;
    this.windows = query.range().windows();
  }

  /**
   * The records of the next page that pass the query (possibly none), or empty once every window
   * has been read.
   */
  public Optional<List<AuditRecord>> next() {
    if (done) return Optional.empty();
    Optional<AuditPage> p = Optional.empty();
    if (page != null) {
      progress.progress(position(window, pageInWindow + 1) + "...");
      p = client.next(page);
    }
    while (p.isEmpty()) {
      if (window + 1 >= windows.size()) {
        done = true;
        page = null;
        progress.progressDone();
        return Optional.empty();
      }
      window++;
      pageInWindow = 0;
      progress.progress(position(window, 1) + "...");
      p = Optional.of(first(windows.get(window)));
    }
    progress.progressDone();
    page = p.get();
    pageInWindow++;
    List<AuditRecord> records = page.records();
    read += records.size();
    return Optional.of(records.stream().filter(query::matches).toList());
  }

  /**
   * Reads pages until {@code limit} records have passed the query, giving each page's records (the
   * last one cut at the limit) to {@code page}, and running {@code between} before each further
   * request.
   *
   * @return whether more records may remain after the limit
   */
  public boolean each(int limit, Consumer<List<AuditRecord>> page, Runnable between) {
    int taken = 0;
    for (Optional<List<AuditRecord>> p = next(); p.isPresent(); p = next()) {
      List<AuditRecord> records = p.get();
      if (records.size() >= limit - taken) {
        page.accept(records.subList(0, limit - taken));
        return records.size() > limit - taken || hasMore();
      }
      page.accept(records);
      taken += records.size();
      if (!hasMore()) return false;
      between.run();
    }
    return false;
  }

  /** Whether a page or window remains to be read. */
  public boolean hasMore() {
    return !done && (page == null || window + 1 < windows.size() || page.hasNext());
  }

  /** Records the service has sent so far, before pcsh's own filtering. */
  public long read() {
    return read;
  }

  private AuditPage first(AuditRange w) {
    try {
      return client.first(w.start(), w.end(), pageSize, query.serviceFilter().orElse(null));
    } catch (PartnerCenterException e) {
      if (e.status() != 400) throw e;
      throw new Failure(
          Failure.Kind.REFUSED,
          "Partner Center refused the audit records of " + w + " (HTTP 400): " + e.description(),
          "the audit log keeps 90 days and one request covers at most 30 days; pcsh checks"
              + " both before sending, so the service's clock or rules may differ: try a shorter"
              + " --since.",
          e);
    }
  }

  private String position(int w, int p) {
    return "Reading audit records "
        + windows.get(w)
        + (windows.size() > 1 ? " (window " + (w + 1) + " of " + windows.size() + ")" : "")
        + (p > 1 ? ", page " + p : "")
        + "; "
        + read
        + " read so far";
  }
}
