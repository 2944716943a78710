package pcsh.support;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import pcsh.output.Table;
import pcsh.qualification.WriteJournal;

/**
 * The write journal as a table, newest last: for `journal` and the support bundle. A write sent
 * with {@code api} shows its request as its change ({@code api PATCH /v1/...}), its answer's status
 * as after, and "unknown outcome" when its answer was lost where pcsh cannot read back.
 */
public final class JournalTable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private JournalTable() {}

  /**
   * The last {@code limit} entries, or a line saying there are none or that the journal cannot be
   * read.
   */
  public static String text(WriteJournal journal, int limit, int width) {
    List<WriteJournal.Entry> all;
    try {
      all = journal.entries();
    } catch (RuntimeException e) {
      return "(the journal could not be read: " + e.getMessage() + ")";
    }
    if (all.isEmpty()) return "No writes recorded in " + journal.file() + ".";
    List<WriteJournal.Entry> shown = all.subList(Math.max(0, all.size() - limit), all.size());
    Table t =
        new Table(
            List.of(
                "TIME (UTC)", "CUSTOMER", "CHANGE", "BEFORE", "AFTER", "RESULT", "MS-REQUESTID"));
    for (WriteJournal.Entry e : shown) {
      t.row(
          TIME.format(e.time()),
          e.customerId(),
          e.change(),
          e.before(),
          e.after() == null ? "" : e.after(),
          e.inFlightElsewhere()
              ? "IN FLIGHT (pcsh pid " + e.pid() + ")"
              : e.pending()
                  ? "PENDING (no outcome yet)"
                  : WriteJournal.Result.UNKNOWN_OUTCOME.name().equals(e.result())
                      ? "unknown outcome"
                      : e.result(),
          e.requestId());
    }
    return t.render(width);
  }
}
