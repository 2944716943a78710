package pcsh.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * pcsh's private files ($PCSH_HOME, the journal, the token cache, transcripts) where there are no
 * POSIX permissions: on an in-memory Windows-style file system (drive letters, backslashes, ACLs
 * and owners, no POSIX view) they are made their owner's alone through the ACL; on a POSIX one
 * through the mode; on one with neither, they are still written. Each file system is asked for
 * itself, never the default one this test runs on.
 */
class WindowsPrivateFilesTest {

  private final List<FileSystem> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (FileSystem fs : opened) fs.close();
  }

  private FileSystem windows() {
    FileSystem fs =
        Jimfs.newFileSystem(
            Configuration.windows().toBuilder()
                .setAttributeViews("basic", "owner", "dos", "acl", "user")
                .build());
    opened.add(fs);
    return fs;
  }

  @Test
  void homeAndEveryPrivateFileAreTheOwnersAloneThroughTheirAcl() throws Exception {
    FileSystem fs = windows();
    assertThat(fs.supportedFileAttributeViews()).doesNotContain("posix");
    Path home = fs.getPath("C:\\Users\\admin\\.pcsh");

    SettingsFiles.createHome(home);
    PrivateFile.append(home.resolve("journal.jsonl"), "{\"a\":1}\n", true);
    PrivateFile.replace(home.resolve("auth").resolve("msal-token-cache.json"), "{}");
    PrivateFile.write(home.resolve("completion").resolve("customers.tsv"), "x\n");
    PrivateFile.privateDirectory(home.resolve("history"));
    PrivateFile.append(home.resolve("history").resolve("session-1.log"), "typed\n", false);

    assertThat(Files.readString(home.resolve("journal.jsonl"))).isEqualTo("{\"a\":1}\n");
    assertThat(Files.readString(home.resolve("auth").resolve("msal-token-cache.json")))
        .isEqualTo("{}");
    UserPrincipal owner = Files.getOwner(home);
    for (Path dir : List.of(home, home.resolve("auth"), home.resolve("history"))) {
      assertThat(acl(dir)).as(dir.toString()).containsExactly(ownerOnly(owner, true));
      assertThat(OwnerOnly.openToOthers(dir)).isFalse();
      assertThat(OwnerOnly.describe(dir)).contains("owner only (ACL)");
    }
    for (Path file :
        List.of(
            home.resolve("journal.jsonl"),
            home.resolve("auth").resolve("msal-token-cache.json"),
            home.resolve("completion").resolve("customers.tsv"),
            home.resolve("history").resolve("session-1.log"))) {
      assertThat(acl(file)).as(file.toString()).containsExactly(ownerOnly(owner, false));
    }
    // no temporary file of the atomic replace is left beside the token cache
    try (var files = Files.list(home.resolve("auth"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("msal-token-cache.json");
    }
  }

  @Test
  void aFileOthersMayReadIsFoundAndTheNextStepIsIcacls() throws Exception {
    FileSystem fs = windows();
    Path file = Files.createDirectories(fs.getPath("C:\\Users\\admin\\.pcsh")).resolve("j.jsonl");
    Files.writeString(file, "x");
    UserPrincipal everyone = fs.getUserPrincipalLookupService().lookupPrincipalByName("Everyone");
    AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
    view.setAcl(
        List.of(
            ownerOnly(view.getOwner(), false),
            AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(everyone)
                .setPermissions(AclEntryPermission.READ_DATA)
                .build()));

    assertThat(OwnerOnly.openToOthers(file)).isTrue();
    assertThat(OwnerOnly.describe(file)).contains("ACL lets Everyone read it");
    assertThat(OwnerOnly.fixCommand(file, false))
        .isEqualTo(
            "icacls \"C:\\Users\\admin\\.pcsh\\j.jsonl\" /inheritance:r /grant:r \"%USERNAME%:F\"");

    OwnerOnly.restrict(file);
    assertThat(OwnerOnly.openToOthers(file)).isFalse();
  }

  @Test
  void onAPosixFileSystemTheModeDecidesAsBefore() throws Exception {
    FileSystem fs =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build());
    opened.add(fs);
    Path home = fs.getPath("/home/admin/.pcsh");

    SettingsFiles.createHome(home);
    PrivateFile.append(home.resolve("journal.jsonl"), "x\n", false);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("journal.jsonl"))))
        .isEqualTo("rw-------");
    assertThat(OwnerOnly.describe(home)).contains("0700 rwx------");
    assertThat(OwnerOnly.fixCommand(home, true)).isEqualTo("chmod 700 /home/admin/.pcsh");
  }

  @Test
  void whereThereIsNeitherTheFilesAreStillWritten() throws Exception {
    FileSystem fs =
        Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic").build());
    opened.add(fs);
    Path home = fs.getPath("C:\\pcsh home");

    SettingsFiles.createHome(home);
    PrivateFile.append(home.resolve("journal.jsonl"), "x\n", true);
    PrivateFile.replace(home.resolve("last-error.json"), "{}");

    assertThat(Files.readString(home.resolve("journal.jsonl"))).isEqualTo("x\n");
    assertThat(OwnerOnly.openToOthers(home)).isFalse();
    assertThat(OwnerOnly.describe(home)).isEmpty();
  }

  private static List<AclEntry> acl(Path p) throws Exception {
    return Files.getFileAttributeView(p, AclFileAttributeView.class).getAcl();
  }

  private static AclEntry ownerOnly(UserPrincipal owner, boolean directory) {
    AclEntry.Builder b =
        AclEntry.newBuilder()
            .setType(AclEntryType.ALLOW)
            .setPrincipal(owner)
            .setPermissions(EnumSet.allOf(AclEntryPermission.class));
    if (directory) b.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
    return b.build();
  }
}
