package pcsh.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.session.Redactor;

/** The kept failure: private, replaced whole, redacted on the way to the disk, read back. */
class LastFailureTest {

  @TempDir Path home;

  @Test
  void aFailureIsKeptPrivatelyAndReadBack() throws Exception {
    Redactor redactor = new Redactor();
    redactor.remember("canary-token-5e1f0a9b3c7d");
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    new LastFailure(
            "one-shot run",
            4242,
            t,
            "Error: x\n  token canary-token-5e1f0a9b3c7d\n",
            "> GET /v1/x\n< 404")
        .save(home, redactor);
    new LastFailure("interactive session s-1", 4243, t.plusSeconds(5), "Error: y\n", null)
        .save(home, redactor);

    LastFailure kept = LastFailure.load(home).orElseThrow();

    assertThat(kept.origin())
        .isEqualTo("interactive session s-1 (pid 4243) at 2026-11-25T10:00:05Z");
    assertThat(kept.report()).isEqualTo("Error: y\n");
    assertThat(kept.exchangeText()).isEmpty();
    Path file = LastFailure.file(home);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> s = Files.list(home)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("last-error.json");
    }
  }

  @Test
  void whatIsSavedIsRedactedAndADamagedFileIsNone() throws Exception {
    Redactor redactor = new Redactor();
    redactor.remember("canary-token-5e1f0a9b3c7d");
    new LastFailure(
            "one-shot run",
            1,
            Instant.now(),
            "Error: token canary-token-5e1f0a9b3c7d refused",
            "> Authorization: Bearer canary-token-5e1f0a9b3c7d")
        .save(home, redactor);

    assertThat(Files.readString(LastFailure.file(home)))
        .doesNotContain("canary-token-5e1f0a9b3c7d");
    Files.writeString(LastFailure.file(home), "{not json");
    assertThat(LastFailure.load(home)).isEmpty();
  }
}
