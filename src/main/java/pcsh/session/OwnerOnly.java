package pcsh.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files and directories only their owner may use, on whatever file system they are: POSIX
 * permissions where there are some (0600 a file, 0700 a directory), else an ACL with one entry that
 * gives the owner everything (NTFS on Windows; a directory's entry is inherited by what is made in
 * it), else nothing more can be done. Asked per file system, never of the default one.
 */
public final class OwnerOnly {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Whether {@code p}'s file system has POSIX permissions. */
  static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean acl(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("acl");
  }

  /**
   * The attributes that create a file (or directory) private from the start, where POSIX
   * permissions exist; none elsewhere ({@link #restrict} follows the creation there).
   */
  static FileAttribute<?>[] onCreate(Path p, boolean directory) {
    if (!posix(p)) return new FileAttribute<?>[0];
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(directory ? DIRECTORY : FILE)
    };
  }

  /** Makes the existing {@code p} its owner's alone (0600 or 0700, or the owner's ACL). */
  public static void restrict(Path p) throws IOException {
    boolean directory = Files.isDirectory(p);
    if (posix(p)) {
      Files.setPosixFilePermissions(p, directory ? DIRECTORY : FILE);
    } else if (acl(p)) {
      AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
      view.setAcl(List.of(ownerEntry(view.getOwner(), directory)));
    }
  }

  private static AclEntry ownerEntry(UserPrincipal owner, boolean directory) {
    AclEntry.Builder b =
        AclEntry.newBuilder()
            .setType(AclEntryType.ALLOW)
            .setPrincipal(owner)
            .setPermissions(EnumSet.allOf(AclEntryPermission.class));
    if (directory) b.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
    return b.build();
  }

  /**
   * Whether someone other than the owner may read or enter {@code p}: a group or other permission
   * bit, or an ACL entry that allows another principal to read. False where neither exists.
   */
  public static boolean openToOthers(Path p) {
    try {
      if (posix(p)) {
        return Files.getPosixFilePermissions(p).stream()
            .anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
      }
      if (acl(p)) return !othersAllowed(p).isEmpty();
    } catch (IOException | UnsupportedOperationException e) {
      // unreadable permissions are not evidence of open ones
    }
    return false;
  }

  private static List<String> othersAllowed(Path p) throws IOException {
    AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
    UserPrincipal owner = view.getOwner();
    return view.getAcl().stream()
        .filter(e -> e.type() == AclEntryType.ALLOW && !e.principal().equals(owner))
        .filter(
            e ->
                e.permissions().contains(AclEntryPermission.READ_DATA)
                    || e.permissions().contains(AclEntryPermission.LIST_DIRECTORY))
        .map(e -> e.principal().getName())
        .distinct()
        .toList();
  }

  /**
   * How {@code p} is protected, for {@code doctor}: {@code 0700 rwx------}, {@code owner only
   * (ACL)} or the other principals its ACL lets read; empty where the file system has neither.
   */
  public static Optional<String> describe(Path p) {
    try {
      if (posix(p)) {
        String rwx = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        int bits = 0;
        for (char c : rwx.toCharArray()) bits = bits * 2 + (c == '-' ? 0 : 1);
        return Optional.of(String.format("%04o %s", bits, rwx));
      }
      if (acl(p)) {
        List<String> others = othersAllowed(p);
        return Optional.of(
            others.isEmpty()
                ? "owner only (ACL)"
                : "ACL lets " + String.join(", ", others) + " read it");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // unknown: said as such by the caller
    }
    return Optional.empty();
  }

  /** Whether {@code p} is protected by POSIX permissions, or by nothing pcsh can set. */
  public static boolean posixOrNothing(Path p) {
    return posix(p) || !acl(p);
  }

  /**
   * The command that makes {@code p} private again, for {@code doctor}'s next step: chmod, or
   * icacls on Windows.
   */
  public static String fixCommand(Path p, boolean directory) {
    if (posixOrNothing(p)) return "chmod " + (directory ? "700 " : "600 ") + p;
    return "icacls \""
        + p
        + "\" /inheritance:r /grant:r \"%USERNAME%:"
        + (directory ? "(OI)(CI)F" : "F")
        + "\"";
  }
}
