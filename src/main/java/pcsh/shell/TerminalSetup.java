package pcsh.shell;

import java.nio.charset.Charset;
import java.util.List;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp;

/**
 * How JLine finds the terminal, made cheap at start: it forks no process. When its JNI provider
 * loads, the exec provider is left out: it asks {@code test -t} in a child process to check itself
 * and again for each stream that is not a terminal (four forks on a one-shot run that is piped).
 * For the terminal types JLine carries the capabilities of ({@code dumb}, {@code xterm-256color},
 * {@code screen} ...), those are used rather than asking {@code infocmp} in a child process, which
 * JLine does for every terminal it makes; other types still ask it. When the launcher says stdout
 * is not a terminal, no provider is asked at all (below). The encoding is given: JLine otherwise
 * probes Windows code pages, which end in the default charset elsewhere. All of it is set before
 * Spring starts and only where the user has not set JLine's own properties; tests that build their
 * own terminal on streams (which needs the exec provider) do not go through here.
 */
public final class TerminalSetup {

  /**
   * Set by the launchers ({@code test -t 1}): whether stdout is a terminal. Unset (the jar run by
   * hand, tests), JLine finds out.
   */
  static final String STDOUT_TTY = "pcsh.stdout-tty";

  /** The types a pcsh run makes a terminal of: the dumb ones when there is no terminal. */
  private static final List<String> DUMB = List.of("dumb", "dumb-color");

  private TerminalSetup() {}

  public static void quickDetection() {
    if (System.getProperty(TerminalBuilder.PROP_ENCODING) == null) {
      System.setProperty(TerminalBuilder.PROP_ENCODING, Charset.defaultCharset().name());
    }
    if ("false".equals(System.getProperty(STDOUT_TTY))
        && System.getProperty(TerminalBuilder.PROP_PROVIDER) == null) {
      // JLine makes a terminal on stdout: when that is not a terminal it makes a dumb one whatever
      // its providers find, so it is made without asking them (nor loading the native library)
      System.setProperty(TerminalBuilder.PROP_PROVIDER, TerminalBuilder.PROP_PROVIDER_DUMB);
    } else if (System.getProperty(TerminalBuilder.PROP_EXEC) == null && jniWorks()) {
      System.setProperty(TerminalBuilder.PROP_EXEC, "false");
    }
    String term = System.getProperty(TerminalBuilder.PROP_TYPE, System.getenv("TERM"));
    // read when a terminal of that type is made; null (a type JLine does not carry) runs infocmp
    for (String type : term == null ? DUMB : List.of(term, DUMB.get(0), DUMB.get(1))) {
      InfoCmp.setLoadedInfoCmp(type, () -> InfoCmp.getDefaultInfoCmp(type));
    }
  }

  private static boolean jniWorks() {
    try {
      TerminalProvider.load(TerminalBuilder.PROP_PROVIDER_JNI).isSystemStream(SystemStream.Output);
      return true;
    } catch (Throwable e) { // any failure to load the native library: keep the exec provider
      return false;
    }
  }
}
