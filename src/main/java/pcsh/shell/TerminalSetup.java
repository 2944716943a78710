package pcsh.shell;

import java.nio.charset.Charset;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * How JLine finds the terminal, made cheap at start. When its JNI provider loads, the exec provider
 * is left out: it asks {@code test -t} in a child process to check itself and again for each stream
 * that is not a terminal, four forks on a one-shot run that is piped. And the encoding is given:
 * JLine otherwise probes Windows code pages, which end in the default charset elsewhere. Both are
 * JLine's system properties, set before Spring starts and only when the user has not set them;
 * tests that build their own terminal on streams (which needs the exec provider) do not go through
 * here.
 */
public final class TerminalSetup {

  private TerminalSetup() {}

  public static void quickDetection() {
    if (System.getProperty(TerminalBuilder.PROP_ENCODING) == null) {
      System.setProperty(TerminalBuilder.PROP_ENCODING, Charset.defaultCharset().name());
    }
    if (System.getProperty(TerminalBuilder.PROP_EXEC) == null && jniWorks()) {
      System.setProperty(TerminalBuilder.PROP_EXEC, "false");
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
