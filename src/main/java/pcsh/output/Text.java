package pcsh.output;

/**
 * Makes text from the service safe to print: no control characters that could move the cursor or
 * forge lines.
 */
public final class Text {

  private Text() {}

  public static String oneLine(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
              else if (Character.isISOControl(c)) b.append('\uFFFD');
              else b.appendCodePoint(c);
            });
    return b.toString();
  }

  /** A value the user gave, as an error message quotes it: on one line, cut after 80 characters. */
  public static String shown(String s) {
    if (s == null) return "";
    String one = oneLine(s);
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
