package pcsh.support;

import java.util.function.Consumer;
import pcsh.api.Exchange;

/**
 * Prints exchanges as the client records them (already redacted): {@code debug on} (or {@code
 * ./pcsh --debug}) prints each request and response in full; {@code show-request on} (or {@code
 * ./pcsh --show-request}) prints each request as the equivalent curl command. The shell decides
 * where the text goes: the terminal in the interactive shell, stderr in a one-shot run or a script,
 * so stdout carries only the command's data.
 */
public final class WireTrace {

  /**
   * Bodies longer than this are cut in debug output; last-error --verbose and the bundle show more.
   */
  static final int BODY_SHOWN = 4000;

  private final Consumer<String> out;
  private volatile boolean debug;
  private volatile boolean showRequest;

  /**
   * @param out prints the trace (the shell's choice of terminal or stderr)
   */
  public WireTrace(Consumer<String> out, boolean debug, boolean showRequest) {
    this.out = out;
    this.debug = debug;
    this.showRequest = showRequest;
  }

  public boolean debug() {
    return debug;
  }

  public void debug(boolean on) {
    debug = on;
  }

  public boolean showRequest() {
    return showRequest;
  }

  public void showRequest(boolean on) {
    showRequest = on;
  }

  public void exchange(Exchange e) {
    if (!debug && !showRequest) return;
    // completion fills its cache in the background: printing that at the prompt would garble the
    // typed line
    if (Thread.currentThread().getName().startsWith("pcsh-completion")) return;
    StringBuilder b = new StringBuilder();
    if (showRequest)
      b.append("# ")
          .append(e.method())
          .append(' ')
          .append(e.path())
          .append('\n')
          .append(e.curl())
          .append('\n');
    if (debug) b.append("--- ").append(e.time()).append('\n').append(e.full(BODY_SHOWN));
    out.accept(b.toString());
  }
}
