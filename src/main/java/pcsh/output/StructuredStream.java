package pcsh.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list written in JSON, YAML or CSV batch by batch as it arrives, so it is never held whole: the
 * same text as {@link Structured#render} gives for the whole list (a JSON array written element by
 * element, a YAML sequence, a CSV header and then rows). A CSV's columns are those of the first
 * non-empty batch; a field that only a later batch has is left out (the service sends the same
 * fields for every item of a list). No {@code --query}: a query needs the whole document.
 */
public final class StructuredStream implements AutoCloseable {

  private final Writer out;
  private JsonGenerator generator;
  private SequenceWriter csv;
  private List<String> columns;
  private boolean closed;

  private StructuredStream(Writer out) {
    this.out = out;
  }

  /**
   * Starts a document in {@code format} on {@code out}.
   *
   * @throws IllegalArgumentException for {@code TABLE}, which {@link TableStream} writes
   */
  public static StructuredStream open(OutputFormat format, Writer out) {
    return open(format, out, false);
  }

  /** As {@link #open(OutputFormat, Writer)}; with {@code compact}, JSON is written on one line. */
  public static StructuredStream open(OutputFormat format, Writer out, boolean compact) {
    if (format == OutputFormat.TABLE)
      throw new IllegalArgumentException("a table is written by TableStream");
    StructuredStream s = new StructuredStream(out);
    try {
      if (format == OutputFormat.JSON)
        s.generator =
            (compact ? Structured.COMPACT : Structured.JSON).writer().createGenerator(out);
      if (format == OutputFormat.YAML) s.generator = Structured.YAML.writer().createGenerator(out);
      if (s.generator != null) {
        s.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        s.generator.writeStartArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  /** Writes the next items and flushes them to {@code out}. */
  public void write(List<?> items) {
    try {
      if (generator != null) {
        for (Object item : items) generator.writeTree(Structured.tree(item));
        generator.flush();
        return;
      }
      for (Object item : items) {
        Map<String, String> row = Structured.flatten(Structured.tree(item));
        if (csv == null) startCsv(Structured.columns(List.of(row)));
        csv.write(columns.stream().map(c -> row.getOrDefault(c, "")).toList());
      }
      if (csv != null) csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startCsv(Set<String> names) throws IOException {
    columns = new ArrayList<>(names);
    CsvSchema.Builder schema = CsvSchema.builder();
    columns.forEach(schema::addColumn);
    csv =
        Structured.CSV
            .writer(schema.build().withHeader())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
  }

  /**
   * Ends the document (closes the JSON array, ends the YAML stream; an empty CSV still gets its
   * header).
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      if (generator != null) {
        generator.writeEndArray();
        generator.close();
      } else {
        if (csv == null) startCsv(Structured.columns(List.of()));
        csv.close();
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
