package pcsh.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends to files only their owner may read (0600), in directories only the owner may enter
 * (0700); where there are no POSIX permissions, the owner's ACL instead ({@link OwnerOnly}). Each
 * append holds an exclusive lock on the file (a lock of this JVM, then the file lock other
 * processes see), so appends of two threads or two pcsh processes never interleave.
 */
public final class PrivateFile {

  /** File locks belong to the process: threads of one JVM take turns here first. */
  private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private PrivateFile() {}

  /**
   * Appends {@code text} whole, under the file's lock; with {@code sync}, forces it to disk before
   * returning.
   */
  public static void append(Path file, String text, boolean sync) throws IOException {
    create(file);
    ReentrantLock jvm =
        JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    jvm.lock();
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock ignored = ch.lock()) {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) ch.write(b);
      if (sync) ch.force(true);
    } finally {
      jvm.unlock();
    }
  }

  /** Writes {@code text} to a new or truncated 0600 file. */
  public static void write(Path file, String text) throws IOException {
    create(file);
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Replaces {@code file} with {@code text} atomically: written to a 0600 temporary file beside it,
   * then moved into place, so a reader in another process sees the old content or the new, never
   * half of it.
   */
  public static void replace(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      OwnerOnly.restrict(dir);
    }
    Path tmp =
        Files.createTempFile(dir, "." + file.getFileName(), ".tmp", OwnerOnly.onCreate(dir, false));
    try {
      if (!OwnerOnly.posix(tmp)) OwnerOnly.restrict(tmp);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Creates {@code dir} if needed and makes it the owner's alone (0700): a directory that came with
   * a checkout (git creates {@code history/} 0755) is tightened the first time pcsh writes there.
   */
  public static void privateDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    OwnerOnly.restrict(dir);
  }

  /** Creates {@code file} (0600) and its directory (0700) if missing, writing nothing. */
  public static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      OwnerOnly.restrict(dir);
    }
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, OwnerOnly.onCreate(file, false));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another thread or process made it first (two shells' first writes at once): it is there
      }
    }
    OwnerOnly.restrict(file);
  }
}
