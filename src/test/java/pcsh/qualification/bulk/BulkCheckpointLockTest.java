package pcsh.qualification.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.failure.Failure;
import pcsh.qualification.OtherProcess;

/**
 * A bulk run that writes holds its checkpoint: a second run of the same file, in this process or
 * another, is refused naming the first one's pid, while a dry run, another file, and the same file
 * once the first run ended go ahead.
 */
class BulkCheckpointLockTest {

  @TempDir Path home;

  @Test
  void aSecondRunOfTheSameFileIsRefusedWithThePidOfTheFirst() throws Exception {
    Path input =
        Files.writeString(home.resolve("in.csv"), "customer,kind\ncontoso.onmicrosoft.com,soe\n");
    byte[] content = Files.readAllBytes(input);
    Path other =
        Files.writeString(home.resolve("other.csv"), "customer,kind\nfabrikam.example,soe\n");

    try (BulkCheckpoint first = BulkCheckpoint.locked(home, input, content)) {
      assertThatThrownBy(() -> BulkCheckpoint.locked(home, input, content))
          .isInstanceOfSatisfying(
              Failure.class,
              f -> {
                assertThat(f.kind()).isEqualTo(Failure.Kind.FAILED);
                assertThat(f.getMessage())
                    .contains(
                        "qualify bulk is already running on " + input,
                        "pid " + ProcessHandle.current().pid(),
                        "sent nothing");
                assertThat(f.nextStep()).contains("wait for that run to finish", "resumes");
              });
      assertThat(BulkCheckpoint.of(home, input, content).file()).isEqualTo(first.file());
      BulkCheckpoint.locked(home, other, Files.readAllBytes(other)).close();
    }
    BulkCheckpoint.locked(home, input, content).close();
  }

  @Test
  void aRunInAnotherProcessHoldsTheFileUntilItEnds() throws Exception {
    Path input =
        Files.writeString(home.resolve("in.csv"), "customer,kind\ncontoso.onmicrosoft.com,soe\n");
    byte[] content = Files.readAllBytes(input);
    Process holder = OtherProcess.start("hold", home.toString(), input.toString());
    try {
      assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine())
          .isEqualTo("held");

      assertThatThrownBy(() -> BulkCheckpoint.locked(home, input, content))
          .isInstanceOf(Failure.class)
          .hasMessageContaining("already running")
          .hasMessageContaining("pid " + holder.pid());
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
    BulkCheckpoint.locked(home, input, content).close();
  }
}
