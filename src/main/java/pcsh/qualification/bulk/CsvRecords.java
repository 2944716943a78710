package pcsh.qualification.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of a CSV text as `qualify bulk` reads them: a quoted field may span lines, blank
 * lines and {@code #} comments between records are skipped, and each record keeps the physical line
 * it starts on, for error messages.
 */
final class CsvRecords {

  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .build();

  private CsvRecords() {}

  /** A logical CSV record and the physical line it starts on. */
  record CsvRecord(int line, String text) {}

  /** Joins lines while a quoted field is open; skips blank lines and comments between records. */
  static List<CsvRecord> of(String text) {
    String[] lines = text.split("\r?\n", -1);
    List<CsvRecord> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      int start = i + 1;
      StringBuilder b = new StringBuilder(line);
      while (quotes(b) % 2 == 1 && i + 1 < lines.length) b.append('\n').append(lines[++i]);
      out.add(new CsvRecord(start, b.toString()));
    }
    return out;
  }

  private static long quotes(CharSequence s) {
    return s.chars().filter(ch -> ch == '"').count();
  }

  static Optional<List<String>> fields(String record) {
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(record)) {
      return Optional.of(it.hasNext() ? List.of(it.next()) : List.of());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
