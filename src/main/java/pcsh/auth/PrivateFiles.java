package pcsh.auth;

import java.io.IOException;
import java.nio.file.Path;
import pcsh.session.PrivateFile;

/**
 * Files only their owner may read (rw-------), written to a temporary file and moved into place
 * atomically.
 */
final class PrivateFiles {

  private PrivateFiles() {}

  static void write(Path file, String content) throws IOException {
    PrivateFile.replace(file, content);
  }
}
