package pcsh.shell;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Where a streamed listing goes: the terminal's writer (stdout in one-shot runs and scripts),
 * flushed page by page. It ends the way a returned result ends, so streamed and collected output
 * are the same text: trailing blanks are dropped and one newline follows (Spring Shell prints a
 * command's String with println, and commands strip it). The first {@value #TRANSCRIPT_LINES} lines
 * also go to the session transcript, once, when the output is closed.
 */
public final class StreamedOutput extends Writer {

  static final int TRANSCRIPT_LINES = 200;

  private final PrintWriter out;
  private final Consumer<String> transcript;
  private final StringBuilder blanks = new StringBuilder();
  private final StringBuilder kept = new StringBuilder();
  private int keptLines;
  private boolean cut;
  private boolean closed;

  StreamedOutput(PrintWriter out, Consumer<String> transcript) {
    this.out = out;
    this.transcript = transcript;
  }

  @Override
  public void write(char[] buf, int off, int len) {
    int end = off + len;
    int last = end - 1;
    while (last >= off && Character.isWhitespace(buf[last])) last--;
    if (last < off) {
      blanks.append(buf, off, len);
      return;
    }
    if (blanks.length() > 0) {
      emit(blanks.toString().toCharArray(), 0, blanks.length());
      blanks.setLength(0);
    }
    emit(buf, off, last + 1 - off);
    blanks.append(buf, last + 1, end - last - 1);
  }

  public void print(String text) {
    write(text.toCharArray(), 0, text.length());
  }

  private void emit(char[] buf, int off, int len) {
    out.write(buf, off, len);
    for (int i = off; i < off + len && !cut; i++) {
      if (keptLines == TRANSCRIPT_LINES) {
        cut = true;
        break;
      }
      kept.append(buf[i]);
      if (buf[i] == '\n') keptLines++;
    }
  }

  @Override
  public void flush() {
    out.flush();
  }

  /** True once writing failed: a closed pipe (`| head`) or a full disk. */
  public boolean failed() {
    return out.checkError();
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    out.write('\n');
    out.flush();
    transcript.accept(
        kept
            + (cut
                ? "... (streamed output: the transcript keeps its first "
                    + TRANSCRIPT_LINES
                    + " lines)"
                : ""));
  }
}
