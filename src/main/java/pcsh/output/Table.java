package pcsh.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain, aligned text table (no borders, so it pipes and greps well). When the rows do not fit
 * the width, the widest column is shortened with an ellipsis until they do.
 */
public final class Table {

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public Table row(String... cells) {
    if (cells.length != headers.size())
      throw new IllegalArgumentException("row has " + cells.length + " cells");
    List<String> r = new ArrayList<>();
    for (String c : cells) r.add(Text.oneLine(c == null ? "" : c));
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * The table as text, columns fitted to {@code width}.
   *
   * @param width the terminal width; 0 or less means unlimited (output is piped)
   */
  public String render(int width) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) w[i] = headers.get(i).length();
    for (List<String> r : rows)
      for (int i = 0; i < n; i++) w[i] = Math.max(w[i], r.get(i).length());
    if (width > 0) shrink(w, width);
    StringBuilder out = new StringBuilder();
    line(out, headers, w);
    for (List<String> r : rows) line(out, r, w);
    return out.toString();
  }

  static void shrink(int[] w, int width) {
    int total = GAP.length() * (w.length - 1);
    for (int x : w) total += x;
    while (total > width) {
      int widest = 0;
      for (int i = 1; i < w.length; i++) if (w[i] > w[widest]) widest = i;
      if (w[widest] <= 8) return; // never squeeze a column to nothing; let the line wrap instead
      w[widest]--;
      total--;
    }
  }

  static void line(StringBuilder out, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = cells.get(i);
      if (c.length() > w[i]) c = c.substring(0, Math.max(0, w[i] - 1)) + "…";
      l.append(c);
      if (i < w.length - 1) l.append(" ".repeat(w[i] - c.length())).append(GAP);
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }
}
