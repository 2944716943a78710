package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import pcsh.session.Principal;
import pcsh.session.SelectedCustomer;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;

class PromptTest {

  static final Principal DEMO = new Principal(Principal.AuthKind.EMULATOR_DEMO, "Demo", "t", "u");

  @Test
  void thePromptShowsEnvironmentCustomerAndQualification() {
    Session s =
        Session.start(Optional.of(DEMO))
            .selecting(new SelectedCustomer("id-1", "Northwind Traders", "n.example"))
            .knowingQualification("id-1", "GCC");

    assertThat(PcshPromptProvider.text(s, "emulator"))
        .isEqualTo("pcsh[emulator]:Northwind Traders (GCC)> ");
    assertThat(PcshPromptProvider.text(Session.start(Optional.empty()), "global"))
        .isEqualTo("pcsh[global](signed out)> ");
  }

  @Test
  void aRealBaseUrlIsNamedByItsCloud() {
    assertThat(
            PcshPromptProvider.environment(
                Settings.from(
                    Map.of("pcsh.base-url", "https://api.partnercenter.microsoft.com")::get)))
        .isEqualTo("global");
    assertThat(
            PcshPromptProvider.environment(
                Settings.from(Map.of("pcsh.base-url", "http://127.0.0.1:8089")::get)))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void noColorMeansNoEscapeSequencesEvenOnAColourTerminal() throws Exception {
    try (Terminal terminal =
        TerminalBuilder.builder()
            .type("xterm-256color")
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build()) {
      SessionHolder holder = new SessionHolder(Session.start(Optional.of(DEMO)));
      Settings settings = Settings.from(Map.<String, String>of()::get);

      String coloured =
          new PcshPromptProvider(holder, new Styles(true, terminal), settings, null, null)
              .getPrompt()
              .toAnsi(terminal);
      String plain =
          new PcshPromptProvider(holder, new Styles(false, terminal), settings, null, null)
              .getPrompt()
              .toAnsi(terminal);

      assertThat(coloured).contains("\u001b[");
      assertThat(plain).isEqualTo("pcsh[emulator]> ").doesNotContain("\u001b");
    }
  }

  @Test
  void goingBackSwapsTheCurrentAndThePreviousCustomer() {
    SelectedCustomer a = new SelectedCustomer("a", "A", "a.example");
    SelectedCustomer b = new SelectedCustomer("b", "B", "b.example");

    Session s = Session.start(Optional.of(DEMO)).selecting(a).selecting(b).selecting(a);

    assertThat(s.customer()).contains(a);
    assertThat(s.previous()).contains(b);
  }

  static final java.time.Instant NOW = java.time.Instant.parse("2026-11-25T10:00:00Z");

  static Session signedIn(Principal.AuthKind kind) {
    return Session.start(Optional.of(new Principal(kind, "p", "t", "u")))
        .selecting(new SelectedCustomer("id", "Contoso Ltd", "contoso.onmicrosoft.com"));
  }

  @Test
  void aTokenFromTheEnvironmentAboutToExpireIsShownInThePrompt() {
    assertThat(
            PcshPromptProvider.text(
                signedIn(Principal.AuthKind.ACCESS_TOKEN),
                "global",
                Optional.of(NOW.plusSeconds(180)),
                NOW))
        .isEqualTo("pcsh[global](token expires in 3 min):Contoso Ltd> ");
    assertThat(
            PcshPromptProvider.text(
                signedIn(Principal.AuthKind.BEARER_TOKEN),
                "global",
                Optional.of(NOW.minusSeconds(1)),
                NOW))
        .isEqualTo("pcsh[global](token expired):Contoso Ltd> ");
  }

  @Test
  void aTokenPcshRefreshesItselfOrOneFarFromExpiryAddsNothing() {
    assertThat(
            PcshPromptProvider.text(
                signedIn(Principal.AuthKind.DEVICE_CODE),
                "global",
                Optional.of(NOW.plusSeconds(60)),
                NOW))
        .isEqualTo("pcsh[global]:Contoso Ltd> ");
    assertThat(
            PcshPromptProvider.text(
                signedIn(Principal.AuthKind.ACCESS_TOKEN),
                "global",
                Optional.of(NOW.plusSeconds(3600)),
                NOW))
        .isEqualTo("pcsh[global]:Contoso Ltd> ");
  }
}
