package pcsh.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;
import java.util.Optional;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * Finds the credentials for a request and signs in or out.
 *
 * <p>Embedded emulator: the user is the demo partner until {@code logout}; that choice is kept in
 * {@code $PCSH_HOME/signed-out} so one-shot runs agree with each other. Real base URL: the token comes from
 * {@code PCSH_ACCESS_TOKEN} on every request, as gh does with {@code GH_TOKEN}; pcsh never stores it.
 */
public final class Authenticator {

  public static final String TOKEN_ENV = "PCSH_ACCESS_TOKEN";

  /** Not a secret: the emulator accepts any bearer token as its demo partner. */
  static final String DEMO_TOKEN = "pcsh-emulator-demo";

  private final boolean embedded;
  private final Function<String, String> env;
  private final Path signedOutMarker;
  private final Principal demo;

  public Authenticator(boolean embedded, Function<String, String> env, Path home, Principal demo) {
    this.embedded = embedded;
    this.env = env;
    this.signedOutMarker = home.resolve("signed-out");
    this.demo = demo;
  }

  /** The principal a new shell starts with, without any network call. */
  public Optional<Principal> restore() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(demo);
    return envToken().map(Authenticator::describe);
  }

  /** The bearer token for the next request, read each time so a changed sign-in is seen at once. */
  public Optional<String> token() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(DEMO_TOKEN);
    return envToken();
  }

  public Principal login() throws IOException {
    if (embedded) {
      Files.deleteIfExists(signedOutMarker);
      return demo;
    }
    return envToken().map(Authenticator::describe).orElseThrow(() -> new SignInException(
        "No access token: set " + TOKEN_ENV + " to a Partner Center bearer token (App+User) and run login again."));
  }

  /** Returns false when there is nothing pcsh can forget (a token from the environment). */
  public boolean logout() throws IOException {
    if (embedded) {
      Files.createDirectories(signedOutMarker.getParent());
      if (!Files.exists(signedOutMarker)) Files.createFile(signedOutMarker);
      return true;
    }
    return envToken().isEmpty();
  }

  public boolean tokenFromEnvironment() {
    return !embedded && envToken().isPresent();
  }

  private Optional<String> envToken() {
    String t = env.apply(TOKEN_ENV);
    if (t == null) return Optional.empty();
    t = t.strip();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) t = t.substring(7).strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /**
   * Reads the token's claims for display only (tenant, user); nothing is trusted or checked, and a token
   * that is not a JWT is shown as unknown.
   */
  static Principal describe(String token) {
    String tenant = "unknown";
    String user = "unknown";
    String[] parts = token.split("\\.");
    if (parts.length >= 2) {
      try {
        JsonNode claims = new ObjectMapper().readTree(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        tenant = claims.path("tid").asText(tenant);
        for (String k : new String[] {"upn", "preferred_username", "unique_name", "appid"}) {
          if (claims.hasNonNull(k)) {
            user = claims.get(k).asText();
            break;
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // not a JWT: keep "unknown"
      }
    }
    return new Principal(AuthKind.ACCESS_TOKEN, "partner tenant " + tenant, tenant, user);
  }
}
