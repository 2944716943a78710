package pcsh.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the GDAP check reads Microsoft Graph (pcsh.graph.base-url), which resource its scopes name,
 * and the provenance view doctor shows for each setting.
 */
class GraphEndpointTest {

  @TempDir Path dir;

  static GraphEndpoint of(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return GraphEndpoint.of(Settings.from(m::get));
  }

  @Test
  void theDefaultFollowsTheEnvironmentAndTheEmulator() {
    assertThat(of().embedded()).isTrue();
    GraphEndpoint global = of(Settings.BASE_URL, Settings.FROM_ENVIRONMENT);
    assertThat(global.baseUrl()).isEqualTo("https://graph.microsoft.com");
    assertThat(global.delegatedScope())
        .isEqualTo("https://graph.microsoft.com/DelegatedAdminRelationship.Read.All");
    GraphEndpoint usgov =
        of(
            Settings.BASE_URL,
            "https://api.partnercenter.microsoft.com",
            Settings.ENVIRONMENT,
            "usgov");
    assertThat(usgov.baseUrl()).isEqualTo("https://graph.microsoft.us");
    assertThat(usgov.appScope()).isEqualTo("https://graph.microsoft.us/.default");
    assertThat(of(Settings.BASE_URL, "environment", Settings.ENVIRONMENT, "china").baseUrl())
        .isEqualTo("https://microsoftgraph.chinacloudapi.cn");
    assertThat(of(Settings.BASE_URL, "environment", Settings.GRAPH_BASE_URL, "embedded").embedded())
        .isTrue();
  }

  @Test
  void anExplicitUrlKeepsItsOwnHostForTheScopesAndLosesItsVersion() {
    GraphEndpoint dod = of(Settings.GRAPH_BASE_URL, "https://dod-graph.microsoft.us/v1.0/");
    assertThat(dod.embedded()).isFalse();
    assertThat(dod.baseUrl()).isEqualTo("https://dod-graph.microsoft.us");
    assertThat(dod.delegatedScope())
        .isEqualTo("https://dod-graph.microsoft.us/DelegatedAdminRelationship.Read.All");
    GraphEndpoint local = of(Settings.GRAPH_BASE_URL, "http://127.0.0.1:8089");
    assertThat(local.baseUrl()).isEqualTo("http://127.0.0.1:8089");
    assertThat(local.resource()).isEqualTo("https://graph.microsoft.com");
  }

  @Test
  void plainHttpOffLoopbackAndOtherJunkAreRefusedAtStart() {
    for (String bad :
        new String[] {
          "http://graph.example.com",
          "ftp://x",
          "https://graph.microsoft.com?x=1",
          "graph",
          "http://10.0.0.5"
        }) {
      assertThatThrownBy(() -> of(Settings.GRAPH_BASE_URL, bad))
          .as(bad)
          .isInstanceOf(Settings.InvalidSettingException.class)
          .hasMessageContaining("pcsh.graph.base-url")
          .hasMessageContaining("https");
    }
  }

  @Test
  void provenanceNamesTheLayerThatGaveEachSetting() throws Exception {
    Path defaults =
        Files.writeString(
            dir.resolve("defaults.properties"), "pcsh.output=table\npcsh.pager=auto\n");
    Path user = Files.writeString(dir.resolve("user.properties"), "pcsh.output=json\n");
    var origin = SettingsFiles.provenance(defaults, user);
    String key = "pcsh.test.provenance-" + System.nanoTime();
    System.setProperty(key, "on");
    try {
      assertThat(origin.apply("pcsh.output"))
          .isEqualTo(new SettingsFiles.Origin("pcsh.output", "json", user.toString()));
      assertThat(origin.apply("pcsh.pager").source()).isEqualTo(defaults.toString());
      assertThat(origin.apply(key).source()).isEqualTo("-D" + key + " (command line)");
      assertThat(origin.apply("pcsh.nothing.here"))
          .isEqualTo(new SettingsFiles.Origin("pcsh.nothing.here", null, "pcsh's default"));
    } finally {
      System.clearProperty(key);
    }
  }
}
