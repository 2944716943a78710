package pcsh.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input corpus of the settings files: each value pcsh cannot use, written to a user's
 * {@code $PCSH_HOME/shell.properties} over the documented defaults, is refused before pcsh starts
 * with one line naming the key, the value and the accepted form (the launcher exits 2 on it, see
 * {@code BadSettingsIT}); a base URL that would send the token in clear text to another machine
 * among them. {@link SettingsTest} has the first few.
 */
class SettingsCorpusTest {

  @TempDir Path home;

  static Stream<Arguments> refused() {
    String https = "an https URL";
    String url = "an http(s) URL without user info";
    return Stream.of(
        bad(Settings.BASE_URL, "http://example.com", https),
        bad(Settings.BASE_URL, "http://api.partnercenter.microsoft.com", https),
        bad(Settings.BASE_URL, "HTTP://API.PARTNERCENTER.MICROSOFT.COM", https),
        bad(Settings.BASE_URL, "http://10.0.0.1:8080", https),
        bad(Settings.BASE_URL, "http://169.254.169.254/", https),
        bad(Settings.BASE_URL, "http://0.0.0.0:8089", https),
        bad(Settings.BASE_URL, "http://[::2]:8089", https),
        bad(Settings.BASE_URL, "http://127.0.0.1.evil.example", https),
        bad(Settings.BASE_URL, "http://localhost.evil.example:8089", https),
        bad(Settings.BASE_URL, "http://128.0.0.1:8089", https),
        bad(Settings.BASE_URL, "https://", url),
        bad(Settings.BASE_URL, "https://api.partnercenter.microsoft.com#v1", url),
        bad(Settings.BASE_URL, "javascript:alert(1)", url),
        bad(Settings.BASE_URL, "api.partnercenter.microsoft.com", url),
        bad(Settings.BASE_URL, "https://exa mple.com", url),
        bad(Settings.BASE_URL, "file:///etc/passwd", url),
        bad(Settings.BASE_URL, "embedded2", url),
        bad(Settings.OUTPUT, "tab le", "table, json, yaml or csv"),
        bad(Settings.OUTPUT, "json5", "table, json, yaml or csv"),
        bad(Settings.PAGE_SIZE, "abc", "a whole number"),
        bad(Settings.PAGE_SIZE, "1e2", "a whole number"),
        bad(Settings.PAGE_SIZE, "-5", "between 1 and 500"),
        bad(Settings.PAGE_SIZE, "0x10", "a whole number"),
        bad(Settings.CONNECT_TIMEOUT, "-1s", "a duration such as 10s"),
        bad(Settings.CONNECT_TIMEOUT, "1.5s", "a duration such as 10s"),
        bad(Settings.READ_TIMEOUT, "forever", "a duration such as 10s"),
        bad(Settings.READ_TIMEOUT, "9999999999999999999h", "a duration such as 10s"),
        bad(Settings.VETTING_DELAY, "soon", "a duration such as 10s"),
        bad(Settings.EMULATOR_CUSTOMERS, "1,200", "a whole number"),
        bad(Settings.EMULATOR_RATE_LIMIT, "5.5", "a whole number"),
        bad(Settings.BULK_RATE_LIMIT, "100001", "between 1 and 100000"),
        bad(Settings.BULK_RATE_LIMIT, "fast", "a whole number"),
        bad(Settings.BULK_CONCURRENCY, "four", "a whole number"),
        bad(Settings.BULK_CONCURRENCY, "-1", "between 1 and 16"),
        bad(Settings.ENVIRONMENT, "moon", "global, usgov, china or embedded"),
        bad(Settings.ENVIRONMENT, "Global Cloud", "global, usgov, china or embedded"),
        bad(Settings.CLIENT_ID, "../x", "an id or domain name"),
        bad(Settings.CLIENT_ID, "id with spaces", "an id or domain name"),
        bad(Settings.TENANT, "contoso;rm -rf", "an id or domain name"),
        bad(Settings.TENANT, "contoso\nX: 1", "an id or domain name"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("refused")
  void aValuePcshCannotUseInTheSettingsFileIsRefusedWithItsKey(
      String key, String value, String accepted) throws Exception {
    Map<String, String> layers = userFile(key, value);

    assertThatThrownBy(() -> Settings.from(layers::get))
        .isInstanceOfSatisfying(
            Settings.InvalidSettingException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("Setting " + key + " is '")
                    .contains(accepted, "Fix it in shell.properties"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:hunter2@api.partnercenter.microsoft.com",
        "http://admin:hunter2@127.0.0.1:8089"
      })
  void aPasswordInTheBaseUrlIsRefusedAndNotRepeated(String value) throws Exception {
    Map<String, String> layers = userFile(Settings.BASE_URL, value);

    assertThatThrownBy(() -> Settings.from(layers::get))
        .isInstanceOf(Settings.InvalidSettingException.class)
        .hasMessageContaining("(user info not shown)")
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8089",
        "http://127.10.20.30:8089/",
        "http://localhost:1",
        "http://LOCALHOST:1",
        "http://[::1]:8089",
        "https://api.partnercenter.microsoft.com",
        "https://partner.partnercenterapi.microsoftonline.cn/"
      })
  void httpsAnywhereAndPlainHttpOnlyToThisMachineAreAccepted(String value) throws Exception {
    Map<String, String> layers = userFile(Settings.BASE_URL, value);

    assertThat(Settings.from(layers::get).apiBaseUrl()).isEqualTo(value);
  }

  /** The documented defaults with a user's shell.properties holding {@code key=value}. */
  private Map<String, String> userFile(String key, String value) throws Exception {
    Properties p = new Properties();
    p.setProperty(key, value);
    p.setProperty(Settings.HOME, home.toString());
    Path file = home.resolve("shell.properties");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return SettingsFiles.fileLayers(Path.of("shell.properties"), file);
  }

  private static Arguments bad(String key, String value, String accepted) {
    return Arguments.of(key, value, accepted);
  }
}
