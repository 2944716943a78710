package pcsh.qualification.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint of a `qualify bulk` run only grows: each event is one line added at the end, what
 * was there before is never rewritten, so a run of 10,000 rows costs one short write a row, and a
 * rerun finds every finished row.
 */
class BulkCheckpointTest {

  @Test
  void everyEventAppendsOneLineAndLeavesTheEarlierOnesAsTheyWere() throws Exception {
    Path home = Files.createTempDirectory("pcsh-checkpoint");
    Path input = home.resolve("in.csv");
    byte[] content = "customer,kind\n".getBytes(StandardCharsets.UTF_8);
    BulkCheckpoint checkpoint = BulkCheckpoint.of(home, input, content);
    String before = "";
    for (int line = 2; line < 202; line++) {
      checkpoint.started(line, "customer-" + line, "request-" + line);
      before = grewByOneLine(checkpoint.file(), before);
      checkpoint.done(
          new BulkCheckpoint.Result(
              line, "customer-" + line, "applied", "Education", "request-" + line, ""));
      before = grewByOneLine(checkpoint.file(), before);
    }

    BulkCheckpoint again = BulkCheckpoint.of(home, input, content);
    assertThat(again.done()).hasSize(200);
    assertThat(again.done().get(201).requestId()).isEqualTo("request-201");
    assertThat(again.started(201)).as("a finished row is not under way").isNull();
  }

  private static String grewByOneLine(Path file, String before) throws Exception {
    String now = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(now).startsWith(before);
    assertThat(now.substring(before.length())).endsWith("\n").doesNotContain("\n\n");
    assertThat(now.substring(before.length()).lines()).hasSize(1);
    return now;
  }
}
