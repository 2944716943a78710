package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.shell.context.DefaultShellContext;
import pcsh.api.PartnerCenterClient;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;

/** The customer commands as plain Java against an in-memory emulator. */
class CustomerCommandsTest {

  private Emulator emulator;
  private Terminal terminal;
  private CustomerCommands commands;

  @BeforeEach
  void setUp() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    terminal = TerminalBuilder.builder().dumb(true).type(Terminal.TYPE_DUMB)
        .streams(new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream()).build();
    Settings settings = Settings.from(Map.of("pcsh.output", "table")::get);
    SessionHolder session = new SessionHolder(Session.start(Optional.empty()));
    PartnerCenterClient client = new PartnerCenterClient(() -> emulator.baseUrl().toString(),
        () -> Optional.of("t"), () -> session.get().correlationId(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    commands = new CustomerCommands(client, session, settings, new RecentCustomers(), new Ui(terminal),
        new DefaultShellContext(), new OutputPreference(),
        new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(CompletionCache.class));
  }

  @AfterEach
  void tearDown() throws Exception {
    emulator.close();
    terminal.close();
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
    String out = commands.list(null, true, null, null, null, null);

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
