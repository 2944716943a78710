package pcsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code version} says pcsh is installed, and which runtime it names. */
class VersionInfoTest {

  @Test
  void anInstalledPcshIsWhereItsLauncherSaysThenTheCloneThenItsCode() {
    assertThat(VersionInfo.installedIn("/opt/pcsh-1.0", "/ignored"))
        .isEqualTo("/opt/pcsh-1.0 (release archive)");
    assertThat(VersionInfo.installedIn(null, "/work/pcsh"))
        .isEqualTo("/work/pcsh (a clone, run by ./pcsh)");
    assertThat(VersionInfo.installedIn(null, null)).isNotEqualTo("unknown");
  }

  @Test
  void theFatJarIsNamedForCodeNestedInIt() {
    assertThat(
            VersionInfo.codeLocation("jar:nested:/work/pcsh/target/pcsh.jar/!BOOT-INF/classes/!/"))
        .isEqualTo(Path.of("/work/pcsh/target/pcsh.jar").toString());
    assertThat(VersionInfo.codeLocation("file:/opt/pcsh/app/pcsh.jar"))
        .isEqualTo(Path.of("/opt/pcsh/app/pcsh.jar").toString());
    assertThat(VersionInfo.codeLocation("jrt:/java.base")).isEqualTo("unknown");
  }

  @Test
  void theBundledRuntimeIsSaidToBeOne() {
    assertThat(VersionInfo.runtime("/opt/pcsh/runtime", "/opt/pcsh"))
        .isEqualTo("/opt/pcsh/runtime (bundled with pcsh)");
    assertThat(VersionInfo.runtime("/usr/lib/jvm/java-17", "/opt/pcsh"))
        .isEqualTo("/usr/lib/jvm/java-17");
    assertThat(VersionInfo.runtime("/usr/lib/jvm/java-17", null)).isEqualTo("/usr/lib/jvm/java-17");
  }
}
