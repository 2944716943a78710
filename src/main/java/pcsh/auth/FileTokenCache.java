package pcsh.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MSAL's token cache in one file under {@code $PCSH_HOME}: read before every cache access, written
 * after every change, owner-only (rw-------) and replaced atomically, so a reader never sees half a
 * file.
 */
final class FileTokenCache implements ITokenCacheAccessAspect {

  private final Path file;

  FileTokenCache(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  @Override
  public void beforeCacheAccess(ITokenCacheAccessContext ctx) {
    try {
      if (Files.exists(file)) ctx.tokenCache().deserialize(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterCacheAccess(ITokenCacheAccessContext ctx) {
    if (!ctx.hasCacheChanged()) return;
    try {
      PrivateFiles.write(file, ctx.tokenCache().serialize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
