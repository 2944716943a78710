package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;
import pcsh.session.SelectedCustomer;
import pcsh.session.Session;

/** The prompt: the selection, and a warning when a token pcsh cannot refresh is about to expire. */
class PromptTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  static Session signedIn(AuthKind kind) {
    return Session.start(Optional.of(new Principal(kind, "p", "t", "u")))
        .selecting(new SelectedCustomer("id", "Contoso Ltd", "contoso.onmicrosoft.com"));
  }

  @Test
  void aTokenFromTheEnvironmentAboutToExpireIsShownInThePrompt() {
    assertThat(PcshPromptProvider.text(signedIn(AuthKind.ACCESS_TOKEN), Optional.of(NOW.plusSeconds(180)), NOW))
        .isEqualTo("pcsh(token expires in 3 min):Contoso Ltd> ");
    assertThat(PcshPromptProvider.text(signedIn(AuthKind.BEARER_TOKEN), Optional.of(NOW.minusSeconds(1)), NOW))
        .isEqualTo("pcsh(token expired):Contoso Ltd> ");
  }

  @Test
  void aTokenPcshRefreshesItselfOrOneFarFromExpiryAddsNothing() {
    assertThat(PcshPromptProvider.text(signedIn(AuthKind.DEVICE_CODE), Optional.of(NOW.plusSeconds(60)), NOW))
        .isEqualTo("pcsh:Contoso Ltd> ");
    assertThat(PcshPromptProvider.text(signedIn(AuthKind.ACCESS_TOKEN), Optional.of(NOW.plusSeconds(3600)), NOW))
        .isEqualTo("pcsh:Contoso Ltd> ");
  }
}
