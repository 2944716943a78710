package pcsh.auth;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import pcsh.session.Cloud;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * What a restarted pcsh needs to find its Entra ID sign-in again in MSAL's token cache: the kind,
 * the app, the authority and the account. Holds no token and no secret; kept next to the cache
 * file, mode 0600.
 *
 * @param confidential whether the app signs in with a secret or certificate (which pcsh never
 *     stores)
 * @param certificate the PKCS#12 file of a service principal, or null
 */
record SignInRecord(
    AuthKind kind,
    Cloud environment,
    String clientId,
    String tenant,
    String homeAccountId,
    String user,
    String tenantId,
    Instant expiresOn,
    boolean confidential,
    String certificate) {

  SignInRecord withExpiry(Instant e) {
    return new SignInRecord(
        kind,
        environment,
        clientId,
        tenant,
        homeAccountId,
        user,
        tenantId,
        e,
        confidential,
        certificate);
  }

  Principal principal() {
    return new Principal(
        kind,
        "partner tenant " + tenantId,
        tenantId,
        user,
        environment.id(),
        Optional.ofNullable(expiresOn));
  }

  void save(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("kind", kind.name());
    p.setProperty("environment", environment.id());
    p.setProperty("client-id", clientId);
    p.setProperty("tenant", tenant);
    if (homeAccountId != null) p.setProperty("home-account-id", homeAccountId);
    p.setProperty("user", user);
    p.setProperty("tenant-id", tenantId);
    if (expiresOn != null) p.setProperty("expires-on", expiresOn.toString());
    p.setProperty("confidential", Boolean.toString(confidential));
    if (certificate != null) p.setProperty("certificate", certificate);
    StringWriter w = new StringWriter();
    p.store(w, "pcsh sign-in (no secrets; the tokens are in the MSAL cache beside this file)");
    PrivateFiles.write(file, w.toString());
  }

  static Optional<SignInRecord> load(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file)));
      String exp = p.getProperty("expires-on");
      return Optional.of(
          new SignInRecord(
              AuthKind.valueOf(p.getProperty("kind")),
              Cloud.parse(p.getProperty("environment")).orElseThrow(),
              p.getProperty("client-id"),
              p.getProperty("tenant"),
              p.getProperty("home-account-id"),
              p.getProperty("user", "unknown"),
              p.getProperty("tenant-id", "unknown"),
              exp == null ? null : Instant.parse(exp),
              Boolean.parseBoolean(p.getProperty("confidential")),
              p.getProperty("certificate")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: treated as signed out; the next login rewrites it
    }
  }
}
