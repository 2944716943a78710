package pcsh.auth;

import java.nio.file.Path;
import pcsh.session.Cloud;

/**
 * One {@code login}: how to sign in and where. Holds no secret: secrets come from the environment
 * or a masked prompt while signing in.
 *
 * @param certificate a PKCS#12 file for {@link Mode#SERVICE_PRINCIPAL}, or null to use a client
 *     secret
 */
public record LoginRequest(
    Mode mode, Cloud environment, String clientId, String tenant, Path certificate) {

  /** The {@code login} options, one value each. */
  public enum Mode {
    DEVICE_CODE,
    BROWSER,
    REFRESH_TOKEN,
    SERVICE_PRINCIPAL,
    TOKEN
  }
}
