package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.Hostile;
import pcsh.api.HostileServer;

/**
 * A few hostile answers through the built jar, for what only a whole process shows: a 50 MB answer
 * in a JVM with a 64 MB heap ends in the clear error, not an OutOfMemoryError; a trickling answer
 * ends at the read timeout; a redirect to a second loopback server sends nothing there; and none
 * prints a stack trace. ({@code pcsh.api.HostileAnswersTest} has every endpoint and answer.)
 */
class HostileAnswersIT {

  @TempDir Path home;

  @Test
  void aFiftyMegabyteAnswerInASixtyFourMegabyteHeapIsAClearError() throws Exception {
    try (HostileServer server = HostileServer.start(r -> HostileServer.endless(50L << 20))) {
      Pcsh.Run r = pcsh(server, Map.of("JDK_JAVA_OPTIONS", "-Xmx64m")).run("customers", "list");

      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.err())
          .contains("the answer is larger than 8 MB", "MS-RequestId:", "Next: ")
          .doesNotContain("OutOfMemoryError", "Exception", "\tat ");
      assertThat(server.bodyBytesWritten()).isLessThan(24L << 20);
    }
  }

  @Test
  void aTricklingAnswerEndsAtTheReadTimeout() throws Exception {
    try (HostileServer server =
        HostileServer.start(
            r ->
                HostileServer.trickle(
                    200, HostileServer.bytes(" ".repeat(200) + "[]"), Duration.ofMillis(100)))) {
      long start = System.nanoTime();
      Pcsh.Run r =
          pcsh(server, Map.of("PCSH_HTTP_READ_TIMEOUT", "1s", "PCSH_HTTP_READ_ATTEMPTS", "2"))
              .run("validation-codes", "list");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.err()).contains("no response before the read timeout", "MS-RequestId:");
      assertThat(server.received()).hasSize(2);
      assertThat(took).as("two attempts of 1 s and a start").isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void aRedirectElsewhereIsReportedAndNothingGoesThere() throws Exception {
    try (HostileServer elsewhere = HostileServer.start(r -> HostileServer.json(200, "[]"));
        HostileServer server =
            HostileServer.start(
                r ->
                    HostileServer.answer(
                        307,
                        null,
                        new byte[0],
                        Map.of("Location", elsewhere.baseUrl() + r.target())))) {
      Pcsh.Run r = pcsh(server, Map.of()).run("customer", "show", "--customer", Hostile.ID);

      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.err())
          .contains("HTTP 307 Temporary Redirect", elsewhere.baseUrl(), "nothing, and no token")
          .doesNotContain("redirect-token", "Exception");
      assertThat(elsewhere.received()).isEmpty();
    }
  }

  private Pcsh pcsh(HostileServer server, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("PCSH_BASE_URL", server.baseUrl());
    env.put("PCSH_ACCESS_TOKEN", "redirect-token");
    return new Pcsh(home, env);
  }
}
