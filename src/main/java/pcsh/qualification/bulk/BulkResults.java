package pcsh.qualification.bulk;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import pcsh.qualification.bulk.BulkCheckpoint.Result;
import pcsh.session.Redactor;

/**
 * The result CSV of a `qualify bulk` run, one line per row: {@code
 * row,customer,outcome,qualification,request id,error}. It is rewritten from the checkpoint when
 * the writes start, gets one line appended as each row finishes, and is sorted by row at the end.
 */
final class BulkResults {

  static final String HEADER = "row,customer,outcome,qualification,request id,error\n";

  private final Path file;

  BulkResults(Path file) {
    this.file = file;
  }

  /** Starts the file with the rows finished in earlier runs. */
  void start(Collection<Result> earlier) {
    StringBuilder b = new StringBuilder(HEADER);
    earlier.forEach(r -> b.append(csv(r)));
    write(file, b.toString());
  }

  synchronized void append(Result r) {
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      out.write(csv(r).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file, atomically, with every row in order. */
  void finish(Collection<Result> all) {
    StringBuilder b = new StringBuilder(HEADER);
    all.forEach(r -> b.append(csv(r)));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    write(tmp, b.toString());
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  static String csv(Result r) {
    return String.join(
            ",",
            Integer.toString(r.line()),
            field(r.customer()),
            field(r.outcome()),
            field(r.qualification()),
            field(r.requestId()),
            field(r.error()))
        + "\n";
  }

  private static String field(String s) {
    if (s == null) return "";
    String v = Redactor.shared().text(s);
    if (v.matches("[^\",\\r\\n]*")) return v;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
      try (FileOutputStream out = new FileOutputStream(file.toFile())) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
