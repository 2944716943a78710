package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFilteringHistoryTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "login --token eyJ0eXAiOiJKV1QiLCJhbGciOi.payload",
        "set Authorization Bearer abc.def",
        "export PCSH_ACCESS_TOKEN=abc",
        "login --client-secret s3cr3t",
        "client_secret=xyz",
        "login --refresh-token"
      })
  void linesThatLookSecretAreNotKept(String line) {
    assertThat(SecretFilteringHistory.looksSecret(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"use customer northwind", "qualify gcc --code 448812", "customers list --all"})
  void ordinaryLinesAreKept(String line) {
    assertThat(SecretFilteringHistory.looksSecret(line)).isFalse();
  }

  @Test
  void theHistoryFileHoldsNoSecretAndIsPrivate() throws Exception {
    Path file = dir.resolve("history").resolve("pcsh_history");
    SecretFilteringHistory history = new SecretFilteringHistory(file);
    try (Terminal terminal =
        TerminalBuilder.builder()
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream())
            .build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history).build();
      history.attach(reader);

      history.add("use customer northwind");
      history.add("login --token eyJhbGciOiJIUzI1NiJ9.canary");
      history.save();
    }

    assertThat(Files.readString(file)).contains("use customer northwind").doesNotContain("canary");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
