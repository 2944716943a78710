package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * State in {@code stateDir/state.json}, shared by every emulator (in this or another process) that
 * uses the same directory. Each access takes a JVM lock (FileChannel locks are per process and
 * throw when one JVM overlaps itself) and then an exclusive lock on {@code state.lock}, reloads the
 * file, applies, and on success replaces the file atomically, so a reader never sees a half-written
 * file and no update is lost. Vetting that has come due is decided under the same locks and saved,
 * even by a read.
 */
final class FileStateStore implements StateStore {

  static final String STATE_FILE = "state.json";
  static final String LOCK_FILE = "state.lock";

  private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path stateFile;
  private final Path lockFile;
  private final ReentrantLock jvmLock;
  private final boolean posix;
  private final Clock clock;

  FileStateStore(Path stateDir) throws IOException {
    this(stateDir, Clock.systemUTC());
  }

  FileStateStore(Path stateDir, Clock clock) throws IOException {
    this.clock = clock;
    Path created = Files.createDirectories(stateDir.toAbsolutePath());
    this.dir = created.toRealPath();
    this.stateFile = dir.resolve(STATE_FILE);
    this.lockFile = dir.resolve(LOCK_FILE);
    this.posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    this.jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    createPrivateFile(lockFile);
  }

  @Override
  public <T> T read(Function<EmulatorState, T> operation) {
    return locked(operation, Mode.READ);
  }

  @Override
  public <T> T update(Function<EmulatorState, T> operation) {
    return locked(operation, Mode.UPDATE);
  }

  /**
   * Puts the seed back (rewritten rather than deleted, so it is one more atomic change for other
   * processes).
   */
  void reset() {
    locked(state -> null, Mode.RESET);
  }

  private enum Mode {
    READ,
    UPDATE,
    RESET
  }

  private <T> T locked(Function<EmulatorState, T> operation, Mode mode) {
    jvmLock.lock();
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      EmulatorState state = mode == Mode.RESET ? EmulatorState.seed(clock.instant()) : load();
      if (state.decideDueVetting(clock.instant())) {
        save(state); // a read keeps the decision, and so does a write that the operation refuses
      }
      T result = operation.apply(state);
      if (mode != Mode.READ) {
        save(state);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("emulator state in " + dir + ": " + e.getMessage(), e);
    } finally {
      jvmLock.unlock();
    }
  }

  private EmulatorState load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(stateFile);
    } catch (NoSuchFileException e) {
      return EmulatorState.seed(clock.instant());
    }
    try {
      JsonNode root = Json.MAPPER.readTree(bytes);
      return EmulatorState.fromJson(root, clock.instant());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "unreadable emulator state " + stateFile + " (reset it): " + e.getMessage(), e);
    }
  }

  private void save(EmulatorState state) throws IOException {
    byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state.toJson());
    Path temp =
        posix
            ? Files.createTempFile(dir, "state-", ".tmp", ownerOnly())
            : Files.createTempFile(dir, "state-", ".tmp");
    try {
      try (FileChannel out =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(ByteBuffer.wrap(bytes));
        out.force(true);
      }
      try {
        Files.move(
            temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void createPrivateFile(Path file) throws IOException {
    try {
      if (posix) {
        Files.createFile(file, ownerOnly());
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // another emulator created it first; fine
    }
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }
}
