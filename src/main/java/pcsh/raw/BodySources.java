package pcsh.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.values.Values;

/**
 * Where a body comes from: {@code --input FILE|-}, and {@code -F key=@FILE|@-}. A file (a named
 * pipe too) or standard input, at most 8 MB; standard input read once.
 */
final class BodySources {

  /** The largest body pcsh reads from a file or stdin, as large as the largest answer it takes. */
  static final int MAX_BODY = 8 * 1024 * 1024;

  private final Supplier<InputStream> stdin;
  private String stdinReadBy;

  BodySources(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  /** {@code --input}'s body. */
  byte[] input(String option) {
    String v = Values.text("--input", option);
    if (v.equals("-")) return stdin("--input -");
    return file("--input", v);
  }

  /** A {@code @file} or {@code @-} value of -F, as text. */
  String text(String source) {
    byte[] bytes = source.equals("-") ? stdin("-F key=@-") : file("--field", source);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A file's bytes; a named pipe ({@code --input <(...)}) is read as a file is. */
  private static byte[] file(String option, String name) {
    Path p = Values.path(option, name);
    if (Files.isDirectory(p) || !Files.isReadable(p)) p = Values.existingFile(option, name);
    try (InputStream in = Files.newInputStream(p)) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw Failure.usage(
            option + " '" + Text.shown(name) + "' is larger than 8 MB.",
            "Partner Center takes no body that large; check the file.");
      }
      return bytes;
    } catch (IOException e) {
      throw Failure.usage(
          option + " '" + Text.shown(name) + "' could not be read: " + e.getMessage() + ".",
          "check the file and its permissions.");
    }
  }

  /** Standard input, which can be read once: by --input - or by one -F key=@-. */
  private byte[] stdin(String by) {
    if (stdinReadBy != null) {
      throw Failure.usage(
          by + " reads standard input, which " + stdinReadBy + " already read.",
          "read stdin once; give the other value from a file.");
    }
    stdinReadBy = by;
    // not closed: it is the process's standard input
    try {
      byte[] bytes = stdin.get().readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw Failure.usage(
            by + ": standard input holds more than 8 MB.",
            "Partner Center takes no body that large.");
      }
      return bytes;
    } catch (IOException e) {
      throw Failure.usage(
          by + ": standard input could not be read: " + e.getMessage() + ".",
          "give the body from a file instead.");
    }
  }
}
