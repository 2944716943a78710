package pcsh.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void theUsersFileOverridesTheRepositoryDefaults() throws Exception {
    Path repo =
        Files.writeString(
            dir.resolve("repo.properties"),
            "# defaults\npcsh.base-url=embedded\npcsh.output=table\npcsh.customers.page-size=50\n");
    Path user = Files.writeString(dir.resolve("user.properties"), "pcsh.output=json\n");

    Map<String, String> layers = SettingsFiles.fileLayers(repo, user);

    assertThat(layers)
        .containsEntry("pcsh.output", "json")
        .containsEntry("pcsh.base-url", "embedded")
        .containsEntry("pcsh.customers.page-size", "50");
  }

  @Test
  void theRepositoryDefaultsAreDocumentedAndComplete() throws Exception {
    Path repoFile = Path.of("shell.properties");
    Map<String, String> defaults = SettingsFiles.fileLayers(repoFile, null);
    Settings s = Settings.from(defaults::get);

    assertThat(s.embedded()).isTrue();
    assertThat(s.output()).isEqualTo("table");
    assertThat(s.emulatorCustomers()).isGreaterThanOrEqualTo(1200);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.emulatorRateLimit()).as("the documented Customer resource limit").isEqualTo(500);
    assertThat(s.bulkRateLimit()).isEqualTo(500);
    assertThat(s.bulkConcurrency()).isEqualTo(4);
    // every key has a comment line right above it
    var lines = Files.readAllLines(repoFile);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("pcsh."))
        assertThat(lines.get(i - 1)).as(lines.get(i)).startsWith("#");
    }
  }

  @Test
  void aLaterLayerSuchAsTheEnvironmentWins() {
    Map<String, String> merged =
        new HashMap<>(Map.of("pcsh.base-url", "embedded", "pcsh.home", dir.toString()));
    merged.put("pcsh.base-url", "https://api.partnercenter.microsoft.com");

    Settings s = Settings.from(merged::get);

    assertThat(s.embedded()).isFalse();
    assertThat(s.baseUrl()).isEqualTo("https://api.partnercenter.microsoft.com");
    assertThat(s.emulatorStateDir()).isEqualTo(dir.resolve("emulator"));
  }

  @Test
  void aRelativeHistoryDirIsTakenFromTheCheckout() {
    Map<String, String> m = Map.of("pcsh.root", dir.toString(), "pcsh.history.dir", "history");

    assertThat(Settings.from(m::get).historyDir()).isEqualTo(dir.resolve("history"));
  }

  @Test
  void aRelativeHistoryDirOfAnInstalledPcshIsTakenFromItsHome() {
    Path home = dir.resolve("home");
    Map<String, String> m = Map.of("pcsh.home", home.toString(), "pcsh.history.dir", "history");

    assertThat(Settings.from(m::get).historyDir()).isEqualTo(home.resolve("history"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "pcsh.base-url, ftp://example.com", "pcsh.base-url, not a url",
        "pcsh.base-url, https://x.example/?a=b",
    "pcsh.output, xml", "pcsh.customers.page-size, 0", "pcsh.customers.page-size, 501",
    "pcsh.emulator.customers, many", "pcsh.http.connect-timeout, 10 parsecs",
        "pcsh.bulk.concurrency, 0",
    "pcsh.bulk.concurrency, 17", "pcsh.bulk.rate-limit, 0", "pcsh.emulator.rate-limit, -1"
  })
  void settingsPcshCannotUseAreRefusedBeforeStart(String key, String value) {
    Map<String, String> m = Map.of(key, value);

    assertThatThrownBy(() -> Settings.from(m::get))
        .isInstanceOf(Settings.InvalidSettingException.class)
        .hasMessageContaining(key);
  }

  @Test
  void aRealBaseUrlIsAccepted() {
    Map<String, String> m = Map.of("pcsh.base-url", "https://api.partnercenter.microsoft.com");

    assertThat(Settings.from(m::get).embedded()).isFalse();
  }

  @Test
  void anUnusableValueIsReportedWithItsKey() {
    Map<String, String> m = Map.of("pcsh.http.read-timeout", "soon");

    assertThatThrownBy(() -> Settings.from(m::get))
        .hasMessageContaining("pcsh.http.read-timeout")
        .hasMessageContaining("soon");
  }

  @Test
  void byDefaultPcshUsesTheEmbeddedEmulatorAndSignsInToTheGlobalCloudWithThePublicClient() {
    Settings s = Settings.from(Map.<String, String>of()::get);

    assertThat(s.embedded()).isTrue();
    assertThat(s.environment()).isEqualTo(Cloud.GLOBAL);
    assertThat(s.clientId()).isEqualTo("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    assertThat(s.tenant()).isEqualTo("organizations");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "global, https://login.microsoftonline.com/organizations/, https://api.partnercenter.microsoft.com",
    "usgov, https://login.microsoftonline.us/organizations/, https://api.partnercenter.microsoft.com",
    "china, https://login.chinacloudapi.cn/organizations/, https://partner.partnercenterapi.microsoftonline.cn"
  })
  void eachEnvironmentMapsAnAuthorityAndABaseUrl(String env, String authority, String baseUrl) {
    Settings s =
        Settings.from(Map.of("pcsh.environment", env, "pcsh.base-url", "environment")::get);

    assertThat(s.embedded()).isFalse();
    assertThat(s.apiBaseUrl()).isEqualTo(baseUrl);
    assertThat(s.environment().authority("organizations")).contains(authority);
    assertThat(s.environment().userScope()).isEqualTo(baseUrl + "/user_impersonation");
    assertThat(s.environment().appScope()).isEqualTo(baseUrl + "/.default");
  }

  @Test
  void anExplicitBaseUrlWinsForRequestsWhileTheEnvironmentPicksTheAuthority() {
    Settings s =
        Settings.from(
            Map.of("pcsh.environment", "usgov", "pcsh.base-url", "https://pc.example")::get);

    assertThat(s.apiBaseUrl()).isEqualTo("https://pc.example");
    assertThat(s.environment()).isEqualTo(Cloud.USGOV);
  }

  @Test
  void theEmbeddedBaseUrlMeansTheEmulatorWhateverTheEnvironment() {
    assertThat(Settings.from(Map.of("pcsh.environment", "china")::get).embedded()).isTrue();
    assertThat(
            Settings.from(
                    Map.of("pcsh.environment", "embedded", "pcsh.base-url", "environment")::get)
                .embedded())
        .isTrue();
  }

  @Test
  void aProfileOverridesTenantClientIdAndEnvironmentAndFallsBackToTheSettings() {
    Map<String, String> m =
        Map.of(
            "pcsh.profile.contoso.tenant",
            "contoso.onmicrosoft.com",
            "pcsh.profile.contoso.environment",
            "usgov",
            "pcsh.auth.client-id",
            "my-app");
    Settings s = Settings.from(m::get);

    assertThat(s.profile("contoso", m::get))
        .hasValue(
            new Settings.Profile("contoso", Cloud.USGOV, "my-app", "contoso.onmicrosoft.com"));
    assertThat(s.profile("nobody", m::get)).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "pcsh.environment, mars",
    "pcsh.auth.tenant, 'a b'",
    "pcsh.auth.client-id, 'x;y'"
  })
  void signInSettingsPcshCannotUseAreRefusedBeforeStart(String key, String value) {
    assertThatThrownBy(() -> Settings.from(Map.of(key, value)::get))
        .isInstanceOf(Settings.InvalidSettingException.class)
        .hasMessageContaining(key);
  }
}
