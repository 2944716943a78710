package pcsh.shell;

import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.context.ShellContext;
import pcsh.api.Exchange;

/**
 * Prints exchanges as the client records them (already redacted): {@code debug on} (or {@code ./pcsh --debug})
 * prints each request and response in full; {@code show-request on} (or {@code ./pcsh --show-request}) prints
 * each request as the equivalent curl command. In the interactive shell they go to the terminal; in a one-shot
 * run or a script to stderr, so stdout carries only the command's data.
 */
class WireTrace {

  /** Bodies longer than this are cut in debug output; last-error --verbose and the bundle show more. */
  static final int BODY_SHOWN = 4000;

  private final ObjectProvider<ShellContext> context;
  private final ScriptMode script;
  private final Terminal terminal;
  private volatile boolean debug;
  private volatile boolean showRequest;

  WireTrace(ObjectProvider<ShellContext> context, ScriptMode script, Terminal terminal, boolean debug,
      boolean showRequest) {
    this.context = context;
    this.script = script;
    this.terminal = terminal;
    this.debug = debug;
    this.showRequest = showRequest;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    debug = on;
  }

  boolean showRequest() {
    return showRequest;
  }

  void showRequest(boolean on) {
    showRequest = on;
  }

  void exchange(Exchange e) {
    if (!debug && !showRequest) return;
    // completion fills its cache in the background: printing that at the prompt would garble the typed line
    if (Thread.currentThread().getName().startsWith("pcsh-completion")) return;
    StringBuilder b = new StringBuilder();
    if (showRequest) b.append("# ").append(e.method()).append(' ').append(e.path()).append('\n')
        .append(e.curl()).append('\n');
    if (debug) b.append("--- ").append(e.time()).append('\n').append(e.full(BODY_SHOWN));
    print(b.toString());
  }

  private void print(String text) {
    if (ErrorHandling.toStderr(context, script) || terminal == null) {
      System.err.print(text);
      System.err.flush();
    } else {
      PrintWriter w = terminal.writer();
      w.print(text);
      w.flush();
    }
  }
}
