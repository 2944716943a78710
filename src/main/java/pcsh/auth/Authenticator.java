package pcsh.auth;

import com.microsoft.aad.msal4j.IHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import pcsh.auth.SignInException.Reason;
import pcsh.session.GraphEndpoint;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;
import pcsh.session.Settings;

/**
 * Finds the credentials for a request and signs in or out.
 *
 * <p>Embedded emulator: the user is the demo partner until {@code logout}; that choice is kept in
 * {@code $PCSH_HOME/signed-out} so one-shot runs agree with each other; MSAL is never used.
 *
 * <p>Real service, in this order: a token given to {@code login --token} (this process only), then
 * {@code PCSH_ACCESS_TOKEN} (read on every request, never stored, as gh does with {@code
 * GH_TOKEN}), then the Entra ID sign-in made with MSAL4J, whose tokens live in MSAL's cache in
 * {@code $PCSH_HOME/auth} (mode 0600) and are refreshed silently before they expire. Secrets
 * (client secrets, refresh tokens typed in, certificate passwords) are read from the environment or
 * a masked prompt and are kept in memory only.
 *
 * <p>Each way of signing in is a {@link SignInFlow} of its own; this class decides which one runs
 * and keeps what it returns. It is a Spring bean, whose methods Spring looks through at start, so
 * its methods and fields name no MSAL type (see DeviceCodeFlow for what one such type once cost).
 */
public final class Authenticator {

  public static final String TOKEN_ENV = "PCSH_ACCESS_TOKEN";
  public static final String REFRESH_TOKEN_ENV = "PCSH_REFRESH_TOKEN";
  public static final String CLIENT_SECRET_ENV = "PCSH_CLIENT_SECRET";
  public static final String CERTIFICATE_PASSWORD_ENV = "PCSH_CERTIFICATE_PASSWORD";

  /** A token for Microsoft Graph (GDAP checks), used as is, like {@link #TOKEN_ENV}. */
  public static final String GRAPH_TOKEN_ENV = "PCSH_GRAPH_ACCESS_TOKEN";

  private final Settings settings;
  private final boolean embedded;
  private final Path signedOutMarker;
  private final Path cacheFile;
  private final Principal demo;
  private final BrowserOpener browser;
  private final Clock clock;
  private final MsalApps apps;
  private final Secrets secrets;
  private final TokenFlow tokens;
  private final CachedSignIn entra;
  private final GraphTokens graph;

  /**
   * Not secrets: the emulator takes any bearer token as its demo partner. They are unsigned JWTs
   * with the claims of an MFA sign-in, so that doctor's claim checks and the emulator's MFA rule
   * treat the demo partner as a real App+User sign-in.
   */
  private final String demoToken;

  private String typedToken;

  public Authenticator(Settings settings, Function<String, String> env, Principal demo) {
    this(settings, env, demo, null, BrowserOpener.system(), Clock.systemUTC());
  }

  /**
   * Tests pass an MSAL {@link IHttpClient} that sends sign-in traffic to a local stub; production
   * never does.
   */
  Authenticator(
      Settings settings,
      Function<String, String> env,
      Principal demo,
      IHttpClient httpClient,
      BrowserOpener browser,
      Clock clock) {
    this.settings = settings;
    this.embedded = settings.embedded();
    this.signedOutMarker = settings.home().resolve("signed-out");
    this.cacheFile = settings.home().resolve("auth").resolve("msal-token-cache.json");
    Path recordFile = settings.home().resolve("auth").resolve("signin.properties");
    this.demo = demo;
    this.browser = browser;
    this.clock = clock;
    this.apps =
        new MsalApps(cacheFile, settings.connectTimeout(), settings.readTimeout(), httpClient);
    this.secrets = new Secrets(env);
    this.tokens = new TokenFlow(env);
    this.entra =
        new CachedSignIn(
            embedded ? null : SignInRecord.load(recordFile).orElse(null),
            recordFile,
            apps,
            secrets);
    GraphEndpoint graphEndpoint = GraphEndpoint.of(settings);
    this.demoToken =
        DemoTokens.of("https://api.partnercenter.microsoft.com", "user_impersonation", demo);
    this.graph =
        new GraphTokens(
            env,
            graphEndpoint,
            DemoTokens.of(graphEndpoint.resource(), GraphEndpoint.READ_PERMISSION, demo));
  }

  /** The principal a new shell starts with, without any network call. */
  public synchronized Optional<Principal> restore() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(demo);
    Optional<String> e = tokens.fromEnvironment();
    if (e.isPresent()) return e.map(t -> TokenFlow.describe(t, AuthKind.ACCESS_TOKEN));
    return entra.principal();
  }

  /**
   * The bearer token for the next request, read each time so a changed sign-in is seen at once. An
   * Entra ID token comes from MSAL's cache and is refreshed silently when it expires within five
   * minutes.
   */
  public synchronized Optional<String> token() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(demoToken);
    if (typedToken != null) return Optional.of(typedToken);
    Optional<String> e = tokens.fromEnvironment();
    if (e.isPresent()) return e;
    return entra.token();
  }

  /**
   * After a 401: gets a new token from Entra ID, bypassing the cache. True when there is a new
   * token to repeat a read with; false when pcsh cannot refresh (emulator, a token from the
   * environment or from {@code --token}).
   */
  public synchronized boolean refreshAfterUnauthorized() {
    if (embedded || typedToken != null || tokens.fromEnvironment().isPresent()) return false;
    return entra.refresh();
  }

  /**
   * What can be known of the current token without showing it: whether there is one, and its claims
   * when it is a JWT. Throws as {@link #token()} does when getting it fails.
   */
  public synchronized TokenInspection inspect() {
    Optional<String> t = token();
    return new TokenInspection(t.isPresent(), t.flatMap(TokenClaims::parse));
  }

  /** Whether there is a token and what it claims; {@code claims} is empty for an opaque token. */
  public record TokenInspection(boolean present, Optional<TokenClaims> claims) {}

  /**
   * Whether pcsh gets a new Partner Center token by itself when this one expires: not for a token
   * it was given (PCSH_ACCESS_TOKEN, login --token) nor for the emulator, which needs none.
   */
  public synchronized boolean canRefresh() {
    if (embedded || typedToken != null || tokens.fromEnvironment().isPresent()) return false;
    return entra.canRefresh();
  }

  /** The Microsoft Graph token for GDAP checks, or why there is none (see {@link GraphTokens}). */
  public synchronized GraphToken graphToken() {
    return graph.find(
        embedded,
        embedded && Files.exists(signedOutMarker),
        typedToken != null || tokens.fromEnvironment().isPresent(),
        entra);
  }

  /** When the current token expires, where pcsh knows it. */
  public synchronized Optional<Instant> expiresOn() {
    if (embedded) return Optional.empty();
    if (typedToken != null) return TokenClaims.parse(typedToken).flatMap(TokenClaims::expiresOn);
    Optional<String> e = tokens.fromEnvironment();
    if (e.isPresent()) return TokenClaims.parse(e.get()).flatMap(TokenClaims::expiresOn);
    return entra.expiresOn();
  }

  public synchronized Principal login(LoginRequest req, Interaction ui) throws IOException {
    if (embedded) {
      Files.deleteIfExists(signedOutMarker);
      return demo;
    }
    if (req.mode() != LoginRequest.Mode.TOKEN) { // a token of one's own needs no Entra ID
      Optional<String> fromEnv = tokens.fromEnvironment();
      if (fromEnv.isPresent()) {
        if (req.mode() == LoginRequest.Mode.DEVICE_CODE) {
          return TokenFlow.describe(fromEnv.get(), AuthKind.ACCESS_TOKEN);
        }
        throw new SignInException(
            Reason.NOT_POSSIBLE, TOKEN_ENV + " is set, and pcsh uses it for every request.", null);
      }
      if (req.environment().authority(req.tenant()).isEmpty()) {
        throw new SignInException(
            Reason.NOT_POSSIBLE,
            "pcsh.environment is embedded, which has no Entra ID to"
                + " sign in to, while pcsh.base-url points at "
                + settings.apiBaseUrl()
                + ".",
            null);
      }
    }
    SignIn s = flow(req.mode()).signIn(req, ui);
    if (s.record() != null) {
      typedToken = null;
      entra.keep(s.record(), s.app());
    } else if (s.typedToken() != null) {
      typedToken = s.typedToken();
    }
    return s.principal();
  }

  /**
   * Forgets the sign-in. Returns false when there is nothing pcsh can forget (a token from the
   * environment).
   */
  public synchronized boolean logout() throws IOException {
    if (embedded) {
      Files.createDirectories(signedOutMarker.getParent());
      if (!Files.exists(signedOutMarker)) Files.createFile(signedOutMarker);
      return true;
    }
    boolean forgot = typedToken != null;
    typedToken = null;
    forgot |= entra.forget();
    return forgot || tokens.fromEnvironment().isEmpty();
  }

  public boolean tokenFromEnvironment() {
    return !embedded && typedToken == null && tokens.fromEnvironment().isPresent();
  }

  /** The MSAL cache file (for {@code whoami} and the README's promise of where it lives). */
  public Path cacheFile() {
    return cacheFile;
  }

  /** Built for each login: a flow's classes are loaded only once someone signs in that way. */
  private SignInFlow flow(LoginRequest.Mode mode) {
    return switch (mode) {
      case DEVICE_CODE -> new DeviceCodeFlow(apps, clock);
      case BROWSER -> new BrowserFlow(apps, browser, clock);
      case REFRESH_TOKEN -> new RefreshTokenFlow(apps, secrets, clock);
      case SERVICE_PRINCIPAL -> new ServicePrincipalFlow(apps, secrets, clock);
      case TOKEN -> tokens;
    };
  }
}
