package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the built jar starts for a command that sends nothing ({@code whoami} on the embedded
 * emulator), read from the JVM's log of class initialisation: no HTTP client, Feign, Jackson
 * mapper, MSAL, embedded emulator, and no child process (JLine asking {@code test -t} or {@code
 * infocmp}). Start-up time is kept by what is not made, so a bean or command that makes one of
 * these when the shell starts fails here: make it lazily (README, Speed).
 */
class StartUpIT {

  private static final Pattern INITIALIZING = Pattern.compile("Initializing '([^']+)'");

  /** Class-name prefixes (JVM form) that only a request, a sign-in or a child process needs. */
  private static final List<String> NOT_AT_START =
      List.of(
          "java/lang/ProcessImpl",
          "jdk/internal/net/http/HttpClientImpl",
          "feign/Feign",
          "com/fasterxml/jackson/databind/ObjectMapper",
          "com/microsoft/aad/msal4j/",
          "pcsh/emulator/Emulator",
          "com/sun/net/httpserver/");

  @TempDir Path home;

  @Test
  void whoamiStartsNoClientMapperSignInEmulatorOrChildProcess() throws Exception {
    Path log = home.resolve("class-init.log");
    Pcsh pcsh = new Pcsh(home, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+init=info:file=" + log));

    Pcsh.Run run = pcsh.run("whoami");

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> initialized =
        Files.readAllLines(log).stream()
            .map(INITIALIZING::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .toList();
    assertThat(initialized)
        .as("the JVM logged class initialisation")
        .contains("pcsh/PcshApplication");
    assertThat(initialized)
        .as("classes initialised by a whoami that sends nothing")
        .noneMatch(c -> NOT_AT_START.stream().anyMatch(c::startsWith));
  }
}
