package pcsh.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Table} written page by page as the rows arrive, so it is never held whole. The header
 * comes before the first page. A column is as wide as the widest cell seen so far: the first page
 * looks exactly like the collected table, and a longer cell on a later page widens its column from
 * that page on (earlier lines are already printed), so nothing is cut in a pipe. With a width (a
 * terminal), the columns are shrunk to it with the table's ellipsis rule.
 */
public final class TableStream {

  private final List<String> headers;
  private final int width;
  private final int[] widest;
  private boolean headerWritten;

  /**
   * @param width the terminal width; 0 or less means unlimited (output is piped)
   */
  public TableStream(List<String> headers, int width) {
    this.headers = List.copyOf(headers);
    this.width = width;
    this.widest = new int[headers.size()];
    for (int i = 0; i < widest.length; i++) widest[i] = this.headers.get(i).length();
  }

  /**
   * The lines for these rows (each row one cell per header), preceded by the header the first time.
   */
  public String page(List<String[]> rows) {
    List<List<String>> cells = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      if (r.length != widest.length)
        throw new IllegalArgumentException("row has " + r.length + " cells");
      List<String> line = new ArrayList<>(r.length);
      for (int i = 0; i < r.length; i++) {
        String c = Text.oneLine(r[i] == null ? "" : r[i]);
        widest[i] = Math.max(widest[i], c.length());
        line.add(c);
      }
      cells.add(line);
    }
    int[] w = widest.clone();
    if (width > 0) Table.shrink(w, width);
    StringBuilder out = new StringBuilder();
    if (!headerWritten) {
      Table.line(out, headers, w);
      headerWritten = true;
    }
    for (List<String> line : cells) Table.line(out, line, w);
    return out.toString();
  }
}
