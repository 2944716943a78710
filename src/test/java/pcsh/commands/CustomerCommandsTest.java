package pcsh.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;

/** The customer commands as plain Java against an in-memory emulator. */
class CustomerCommandsTest {

  private Emulator emulator;
  private CommandsFixture fixture;
  private CustomerCommands commands;
  private final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    fixture = new CommandsFixture(() -> emulator.baseUrl().toString(), printed);
    commands = fixture.customers();
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    fixture.close();
  }

  @Test
  void withoutAllOnlyTheFirstPageIsFetched() {
    String out = commands.list(null, false, null, null, null, null);

    assertThat(emulator.requestCount()).isEqualTo(1);
    assertThat(out.lines().count()).isEqualTo(1 + 50 + 1);
    assertThat(out).endsWith("more are available: use --all, or narrow with --name or --domain.");
  }

  @Test
  void allFollowsTheContinuationTokenThrough500ItemPages() {
    // several pages are printed as they arrive (a piped table), not returned
    assertThat(commands.list(null, true, null, null, null, null)).isNull();
    String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(emulator.requestCount()).isEqualTo(3);
    assertThat(out.lines().count()).isEqualTo(1 + 1200);
    assertThat(out).doesNotContain("more are available");
  }

  @Test
  void aDomainPrefixNarrowsTheList() {
    String out = commands.list(null, false, null, "CONTOSO", null, null);

    assertThat(out.lines().skip(1)).hasSize(2).allSatisfy(l -> assertThat(l).contains("contoso"));
  }
}
