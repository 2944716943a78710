package pcsh.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where pcsh keeps its files, and that nobody else can read them. */
class PcshHomeTest {

  @Test
  void homeIsPcshHomeElseDotPcshUnderTheEnvironmentsHomeElseJavasUserHome() {
    assertThat(SettingsFiles.defaultHome(Map.of("PCSH_HOME", "/p", "HOME", "/h")::get, "/u"))
        .isEqualTo("/p");
    assertThat(SettingsFiles.defaultHome(Map.of("HOME", "/h")::get, "/u")).isEqualTo("/h/.pcsh");
    assertThat(SettingsFiles.defaultHome(Map.of("HOME", " ", "PCSH_HOME", "")::get, "/u"))
        .isEqualTo("/u/.pcsh");
    assertThat(SettingsFiles.defaultHome(Map.<String, String>of()::get, "/u"))
        .isEqualTo("/u/.pcsh");
  }

  @Test
  void aMissingHomeIsCreatedForItsOwnerOnlyAndAnExistingOneIsLeftAsItIs(@TempDir Path dir)
      throws Exception {
    Path home = dir.resolve("a/b/.pcsh");
    SettingsFiles.createHome(home);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");

    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-x---"));
    SettingsFiles.createHome(shared);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
        .isEqualTo("rwxr-x---");
  }
}
