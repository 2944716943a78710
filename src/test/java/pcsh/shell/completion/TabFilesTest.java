package pcsh.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts' per-shell files of candidates are removed once they are a day old. */
class TabFilesTest {

  @TempDir Path dir;

  @Test
  void onlyTabFilesOlderThanTheCutAreRemoved() throws Exception {
    Instant now = Instant.now();
    Path old = Files.writeString(dir.resolve(".tab.4242"), "a\n");
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(2))));
    Path recent = Files.writeString(dir.resolve(".tab.4343"), "b\n");
    Path oldCustomers = Files.writeString(dir.resolve("customers.tsv"), "c\n");
    Files.setLastModifiedTime(oldCustomers, FileTime.from(now.minus(Duration.ofDays(2))));

    CompletionFile.sweepTabFiles(dir, now.minus(Duration.ofDays(1)));

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(oldCustomers).exists();
  }

  @Test
  void aMissingDirectoryIsNoError() {
    CompletionFile.sweepTabFiles(dir.resolve("none"), Instant.now());

    assertThat(dir.resolve("none")).doesNotExist();
  }
}
