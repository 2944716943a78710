package pcsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;
import pcsh.session.OwnerOnly;
import pcsh.session.PrivateFile;

/**
 * The JLine command history, kept in {@code pcsh.history.dir} with mode 0600. A line that looks as
 * if it holds a secret (a JWT, a bearer token, a secret-like option) is never added, so it cannot
 * reach the file.
 */
public final class SecretFilteringHistory extends DefaultHistory {

  static final Pattern SECRET =
      Pattern.compile(
          "eyJ[A-Za-z0-9_-]{8,}|(?i)bearer\\s+\\S|(?i)(token|secret|password|passwd|client[-_]?secret)\\s*[=:]"
              + "|(?i)--(access-)?token\\b|(?i)--(client-)?secret\\b|(?i)--password\\b|(?i)refresh[-_]?token");

  private final Path file;
  private final java.util.function.Consumer<String> typed;

  public SecretFilteringHistory(Path file) {
    this(file, line -> {});
  }

  /**
   * @param typed hears every line entered (the transcript, which redacts it)
   */
  public SecretFilteringHistory(Path file, java.util.function.Consumer<String> typed) {
    this.file = file;
    this.typed = typed;
  }

  public static boolean looksSecret(String line) {
    return line != null && SECRET.matcher(line).find();
  }

  @Override
  public void attach(LineReader reader) {
    try {
      PrivateFile.privateDirectory(file.getParent());
    } catch (IOException | RuntimeException e) {
      // history is a convenience: without the directory the shell still works, it just forgets
    }
    reader.setVariable(LineReader.HISTORY_FILE, file);
    super.attach(reader);
  }

  @Override
  public void add(Instant time, String line) {
    typed.accept(
        looksSecret(line) ? "(a line that looked as if it held a secret; not recorded)" : line);
    if (!looksSecret(line)) super.add(time, line);
  }

  @Override
  public void save() throws IOException {
    super.save();
    restrict(file);
  }

  static void restrict(Path p) {
    try {
      if (Files.exists(p)) OwnerOnly.restrict(p);
    } catch (UnsupportedOperationException | IOException e) {
      // neither POSIX permissions nor an ACL to set: nothing more to do
    }
  }
}
