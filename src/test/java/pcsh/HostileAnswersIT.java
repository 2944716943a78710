package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pcsh.api.Hostile;
import pcsh.api.HostileServer;

/**
 * A few hostile answers through the built jar, for what only a whole process shows: a 50 MB answer
 * in a JVM with a 64 MB heap ends in the clear error, not an OutOfMemoryError; a redirect to a
 * second loopback server sends nothing there; and neither prints a stack trace. ({@code
 * pcsh.api.HostileAnswersTest} has every endpoint and answer, the trickle past the read timeout
 * among them.)
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
