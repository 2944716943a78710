package pcsh.auth;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opens the sign-in page in the user's browser, where this process can. */
interface BrowserOpener {

  /** Whether a browser can be opened at all (a desktop session and a launcher). */
  boolean available();

  void open(URL url) throws IOException;

  /**
   * The desktop's own launcher: xdg-open under a display, open on macOS, the URL handler on
   * Windows.
   */
  static BrowserOpener system() {
    return new BrowserOpener() {
      @Override
      public boolean available() {
        return command("x").isPresent();
      }

      @Override
      public void open(URL url) throws IOException {
        List<String> cmd =
            command(url.toString()).orElseThrow(() -> new IOException("no browser launcher"));
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
      }
    };
  }

  private static Optional<List<String>> command(String url) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win"))
      return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
    if (os.contains("mac")) return Optional.of(List.of("open", url));
    boolean display =
        notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    return display && onPath("xdg-open") ? Optional.of(List.of("xdg-open", url)) : Optional.empty();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator, -1)) {
      if (new File(dir, exe).canExecute()) return true;
    }
    return false;
  }
}
