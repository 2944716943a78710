package pcsh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * --debug and --show-request are pcsh's global options: stripped in main(), never seen by Spring
 * Boot.
 */
class GlobalOptionsTest {

  @AfterEach
  void clear() {
    System.clearProperty("pcsh.debug");
    System.clearProperty("pcsh.show-request");
    System.clearProperty("pcsh.read-only");
  }

  @Test
  void debugAndShowRequestBeforeTheCommandBecomePcshProperties() {
    String[] rest =
        PcshApplication.globalOptions(
            new String[] {
              "--debug", "--show-request", "--read-only", "customers", "list", "--debug"
            });

    assertThat(rest).containsExactly("customers", "list", "--debug");
    assertThat(System.getProperty("pcsh.debug")).isEqualTo("true");
    assertThat(System.getProperty("pcsh.show-request")).isEqualTo("true");
    assertThat(System.getProperty("debug")).isNull();
  }

  @Test
  void dashDashVersionAndHelpAreTheVersionAndHelpCommands() {
    assertThat(PcshApplication.globalOptions(new String[] {"--version"}))
        .containsExactly("version");
    assertThat(PcshApplication.globalOptions(new String[] {"--version", "--output", "json"}))
        .containsExactly("version", "--output", "json");
    assertThat(PcshApplication.globalOptions(new String[] {"--debug", "--help"}))
        .containsExactly("help");
    assertThat(PcshApplication.globalOptions(new String[] {"-h"})).containsExactly("help");
  }
}
