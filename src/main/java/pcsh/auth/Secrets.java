package pcsh.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Function;
import pcsh.auth.SignInException.Reason;

/**
 * Where the secrets of a sign-in come from: an environment variable, else a masked prompt. pcsh
 * never stores them, so a restarted confidential sign-in takes its secret or certificate password
 * from the environment again.
 */
final class Secrets {

  private final Function<String, String> env;

  Secrets(Function<String, String> env) {
    this.env = env;
  }

  /**
   * The variable, else what the user types at a hidden prompt; empty when neither gives anything.
   */
  Optional<String> fromEnvOrPrompt(String var, Interaction ui, String prompt) {
    String v = env.apply(var);
    if (v != null && !v.isBlank()) return Optional.of(v.strip());
    return ui.secret(prompt).map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * The credential of a confidential sign-in made by an earlier process, from the environment
   * alone.
   */
  IClientCredential credentialFromEnvironment(SignInRecord r) {
    if (r.certificate() != null) {
      return certificate(
          Path.of(r.certificate()),
          Optional.ofNullable(env.apply(Authenticator.CERTIFICATE_PASSWORD_ENV)).orElse(""));
    }
    String secret = env.apply(Authenticator.CLIENT_SECRET_ENV);
    if (secret == null || secret.isBlank()) {
      throw new SignInException(
          Reason.SECRET_MISSING,
          "This sign-in uses app "
              + r.clientId()
              + ", whose"
              + " client secret pcsh never stores, and "
              + Authenticator.CLIENT_SECRET_ENV
              + " is not set in this"
              + " process.",
          null);
    }
    return ClientCredentialFactory.createFromSecret(secret.strip());
  }

  static IClientCredential certificate(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      return ClientCredentialFactory.createFromCertificate(in, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new SignInException(
          Reason.INVALID_CLIENT,
          "The certificate "
              + file
              + " could not be read as a"
              + " PKCS#12 file with that password ("
              + e.getClass().getSimpleName()
              + ").",
          null);
    }
  }

  static SignInException missing(String what, String var) {
    return new SignInException(
        Reason.SECRET_MISSING,
        what + " Set " + var + ", or run login in a terminal to be" + " asked for it.",
        null);
  }
}
