package pcsh.auth;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pcsh.session.Cloud;
import pcsh.session.Settings;

/**
 * What every sign-in test starts from: a WireMock stub of Entra ID ({@link EntraStub}), an empty
 * {@code $PCSH_HOME}, an environment the test fills in, and a recorded terminal. The sign-in flows
 * through MSAL4J against it: what MSAL sends, what pcsh keeps in its cache file, and how each
 * refusal is reported.
 */
abstract class SignInFixture {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  EntraStub entra;
  Settings settings;
  final Map<String, String> env = new HashMap<>();
  final Recording ui = new Recording();

  @BeforeEach
  void setUp() {
    entra = new EntraStub(wm, wm.baseUrl());
    settings = EntraStub.settings(home, "https://api.partnercenter.microsoft.com");
  }

  Authenticator auth() {
    return entra.authenticator(settings, env, null);
  }

  LoginRequest request(LoginRequest.Mode mode) {
    return new LoginRequest(mode, Cloud.GLOBAL, settings.clientId(), "organizations", null);
  }

  Path cacheFile() {
    return home.resolve("auth").resolve("msal-token-cache.json");
  }

  /** The terminal side of a sign-in, recorded. */
  static final class Recording implements Interaction {
    final List<String> shown = new CopyOnWriteArrayList<>();
    final List<Duration> countdowns = new CopyOnWriteArrayList<>();
    final List<String> prompts = new ArrayList<>();
    final List<String> answers = new ArrayList<>();

    @Override
    public void show(String line) {
      shown.add(line);
    }

    @Override
    public void countdown(Duration remaining) {
      countdowns.add(remaining);
    }

    @Override
    public Optional<String> secret(String prompt) {
      prompts.add(prompt);
      return answers.isEmpty()
          ? Optional.empty()
          : Optional.of(answers.remove(0)).filter(a -> !a.isEmpty());
    }
  }
}
