package pcsh.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Cloud;
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
 * {@code PCSH_ACCESS_TOKEN} (read on every request, never stored, as gh does with {@code GH_TOKEN}), then the
 * Entra ID sign-in made with MSAL4J, whose tokens live in MSAL's cache in {@code $PCSH_HOME/auth} (mode 0600)
 * and are refreshed silently before they expire. Secrets (client secrets, refresh tokens typed in, certificate
 * passwords) are read from the environment or a masked prompt and are kept in memory only.
 */
public final class Authenticator {

  public static final String TOKEN_ENV = "PCSH_ACCESS_TOKEN";
  public static final String REFRESH_TOKEN_ENV = "PCSH_REFRESH_TOKEN";
  public static final String CLIENT_SECRET_ENV = "PCSH_CLIENT_SECRET";
  public static final String CERTIFICATE_PASSWORD_ENV = "PCSH_CERTIFICATE_PASSWORD";

  /** Not a secret: the emulator accepts any bearer token as its demo partner. */
  static final String DEMO_TOKEN = "pcsh-emulator-demo";

  /** How long the browser sign-in waits for the redirect. */
  static final int BROWSER_TIMEOUT_SECONDS = 180;

  private final Settings settings;
  private final boolean embedded;
  private final Function<String, String> env;
  private final Path signedOutMarker;
  private final Path cacheFile;
  private final Path recordFile;
  private final Principal demo;
  private final IHttpClient httpClient;
  private final BrowserOpener browser;
  private final Clock clock;

  private SignInRecord record;
  private String typedToken;
  private IClientCredential credential;
  private AbstractClientApplicationBase app;

  public Authenticator(Settings settings, Function<String, String> env, Principal demo) {
    this(settings, env, demo, null, BrowserOpener.system(), Clock.systemUTC());
  }

  /** Tests pass an MSAL {@link IHttpClient} that sends sign-in traffic to a local stub; production never does. */
  Authenticator(Settings settings, Function<String, String> env, Principal demo, IHttpClient httpClient,
      BrowserOpener browser, Clock clock) {
    this.settings = settings;
    this.embedded = settings.embedded();
    this.env = env;
    this.signedOutMarker = settings.home().resolve("signed-out");
    this.cacheFile = settings.home().resolve("auth").resolve("msal-token-cache.json");
    this.recordFile = settings.home().resolve("auth").resolve("signin.properties");
    this.demo = demo;
    this.httpClient = httpClient;
    this.browser = browser;
    this.clock = clock;
    this.record = embedded ? null : SignInRecord.load(recordFile).orElse(null);
  }

  /** The principal a new shell starts with, without any network call. */
  public synchronized Optional<Principal> restore() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(demo);
    Optional<String> e = envToken();
    if (e.isPresent()) return e.map(t -> describe(t, AuthKind.ACCESS_TOKEN));
    return Optional.ofNullable(record).map(SignInRecord::principal);
  }

  /**
   * The bearer token for the next request, read each time so a changed sign-in is seen at once. An Entra ID
   * token comes from MSAL's cache and is refreshed silently when it expires within five minutes.
   */
  public synchronized Optional<String> token() {
    if (embedded) return Files.exists(signedOutMarker) ? Optional.empty() : Optional.of(DEMO_TOKEN);
    if (typedToken != null) return Optional.of(typedToken);
    Optional<String> e = envToken();
    if (e.isPresent()) return e;
    if (record == null) return Optional.empty();
    return acquire(false).map(IAuthenticationResult::accessToken);
  }

  /**
   * After a 401: gets a new token from Entra ID, bypassing the cache. True when there is a new token to repeat a
   * read with; false when pcsh cannot refresh (emulator, a token from the environment or from {@code --token}).
   */
  public synchronized boolean refreshAfterUnauthorized() {
    if (embedded || typedToken != null || envToken().isPresent() || record == null) return false;
    return acquire(true).isPresent();
  }

  /** When the current token expires, where pcsh knows it. */
  public synchronized Optional<Instant> expiresOn() {
    if (embedded) return Optional.empty();
    if (typedToken != null) return expiry(typedToken);
    Optional<String> e = envToken();
    if (e.isPresent()) return expiry(e.get());
    return Optional.ofNullable(record).map(SignInRecord::expiresOn);
  }

  public synchronized Principal login(LoginRequest req, Interaction ui) throws IOException {
    if (embedded) {
      Files.deleteIfExists(signedOutMarker);
      return demo;
    }
    if (req.mode() == LoginRequest.Mode.TOKEN) return loginWithToken(ui);
    Optional<String> fromEnv = envToken();
    if (fromEnv.isPresent()) {
      if (req.mode() == LoginRequest.Mode.DEVICE_CODE) return describe(fromEnv.get(), AuthKind.ACCESS_TOKEN);
      throw new SignInException(Reason.NOT_POSSIBLE, TOKEN_ENV + " is set, and pcsh uses it for every request.",
          null);
    }
    Cloud cloud = req.environment();
    if (cloud.authority(req.tenant()).isEmpty()) {
      throw new SignInException(Reason.NOT_POSSIBLE, "pcsh.environment is embedded, which has no Entra ID to sign"
          + " in to, while pcsh.base-url points at " + settings.apiBaseUrl() + ".", null);
    }
    IClientCredential previousCredential = credential;
    SignInRecord next;
    try {
      next = switch (req.mode()) {
        case DEVICE_CODE -> deviceCode(req, ui);
        case BROWSER -> browser(req, ui);
        case REFRESH_TOKEN -> refreshToken(req, ui);
        case SERVICE_PRINCIPAL -> servicePrincipal(req, ui);
        case TOKEN -> throw new IllegalStateException();
      };
    } catch (RuntimeException e) {
      credential = previousCredential;
      throw e;
    }
    typedToken = null;
    record = next;
    record.save(recordFile);
    return record.principal();
  }

  /** Forgets the sign-in. Returns false when there is nothing pcsh can forget (a token from the environment). */
  public synchronized boolean logout() throws IOException {
    if (embedded) {
      Files.createDirectories(signedOutMarker.getParent());
      if (!Files.exists(signedOutMarker)) Files.createFile(signedOutMarker);
      return true;
    }
    boolean forgot = typedToken != null;
    typedToken = null;
    if (record != null) {
      removeFromCache(record);
      Files.deleteIfExists(recordFile);
      record = null;
      forgot = true;
    }
    app = null;
    credential = null;
    return forgot || envToken().isEmpty();
  }

  public boolean tokenFromEnvironment() {
    return !embedded && typedToken == null && envToken().isPresent();
  }

  /** The MSAL cache file (for {@code whoami} and the README's promise of where it lives). */
  public Path cacheFile() {
    return cacheFile;
  }

  // ---- the flows ----

  private Principal loginWithToken(Interaction ui) {
    Optional<String> fromEnv = envToken();
    if (fromEnv.isPresent()) return describe(fromEnv.get(), AuthKind.ACCESS_TOKEN);
    String t = ui.secret("Access token (input hidden): ").map(Authenticator::bare).filter(s -> !s.isEmpty())
        .orElseThrow(() -> missing("No access token was given.", TOKEN_ENV));
    typedToken = t;
    return describe(t, AuthKind.BEARER_TOKEN);
  }

  private SignInRecord deviceCode(LoginRequest req, Interaction ui) {
    PublicClientApplication pca = publicApp(req.environment(), req.clientId(), req.tenant());
    AtomicReference<Instant> deadline = new AtomicReference<>();
    CompletableFuture<IAuthenticationResult> f = pca.acquireToken(DeviceCodeFlowParameters.builder(
        Set.of(req.environment().userScope()), new DeviceCodeShown(deadline, ui, clock)).build());
    IAuthenticationResult r = await(f, ui, deadline::get);
    return userRecord(AuthKind.DEVICE_CODE, req, r, false, pca);
  }

  private SignInRecord browser(LoginRequest req, Interaction ui) {
    if (!browser.available()) {
      throw new SignInException(Reason.NO_BROWSER, "No browser can be opened from here (no desktop session or no"
          + " launcher such as xdg-open).", null);
    }
    PublicClientApplication pca = publicApp(req.environment(), req.clientId(), req.tenant());
    AtomicReference<Instant> deadline = new AtomicReference<>();
    InteractiveRequestParameters p = InteractiveRequestParameters.builder(URI.create("http://localhost"))
        .scopes(Set.of(req.environment().userScope()))
        .httpPollingTimeoutInSeconds(BROWSER_TIMEOUT_SECONDS)
        .systemBrowserOptions(SystemBrowserOptions.builder().openBrowserAction(url -> {
          deadline.set(clock.instant().plusSeconds(BROWSER_TIMEOUT_SECONDS));
          ui.show("Opening your browser to sign in; pcsh waits for it on a loopback port (Ctrl-C cancels).");
          try {
            browser.open(url);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).build())
        .build();
    IAuthenticationResult r = await(pca.acquireToken(p), ui, deadline::get);
    return userRecord(AuthKind.BROWSER, req, r, false, pca);
  }

  private SignInRecord refreshToken(LoginRequest req, Interaction ui) {
    String rt = fromEnvOrPrompt(REFRESH_TOKEN_ENV, ui, "Refresh token (input hidden): ")
        .orElseThrow(() -> missing("No refresh token was given.", REFRESH_TOKEN_ENV));
    Optional<String> secret = fromEnvOrPrompt(CLIENT_SECRET_ENV, ui,
        "Client secret of app " + req.clientId() + " (input hidden; Enter if it is a public client): ");
    AbstractClientApplicationBase a;
    if (secret.isPresent()) {
      credential = ClientCredentialFactory.createFromSecret(secret.get());
      a = confidentialApp(req.environment(), req.clientId(), req.tenant(), credential);
    } else {
      a = publicApp(req.environment(), req.clientId(), req.tenant());
    }
    IAuthenticationResult r = await(a.acquireToken(RefreshTokenParameters.builder(
        Set.of(req.environment().userScope()), rt).build()), null, () -> null);
    return userRecord(AuthKind.REFRESH_TOKEN, req, r, secret.isPresent(), a);
  }

  private SignInRecord servicePrincipal(LoginRequest req, Interaction ui) {
    String t = req.tenant().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("organizations") || t.equals("common") || t.equals("consumers")) {
      throw new SignInException(Reason.NOT_POSSIBLE, "App-only sign-in needs the partner's own tenant, not '"
          + req.tenant() + "'.", null);
    }
    credential = req.certificate() != null
        ? certificate(req.certificate(), fromEnvOrPrompt(CERTIFICATE_PASSWORD_ENV, ui,
            "Password of " + req.certificate().getFileName() + " (input hidden; Enter if none): ").orElse(""))
        : ClientCredentialFactory.createFromSecret(fromEnvOrPrompt(CLIENT_SECRET_ENV, ui,
            "Client secret of app " + req.clientId() + " (input hidden): ")
            .orElseThrow(() -> missing("No client secret was given.", CLIENT_SECRET_ENV)));
    ConfidentialClientApplication cca = confidentialApp(req.environment(), req.clientId(), req.tenant(), credential);
    IAuthenticationResult r = await(cca.acquireToken(ClientCredentialParameters.builder(
        Set.of(req.environment().appScope())).build()), null, () -> null);
    app = cca;
    return new SignInRecord(AuthKind.SERVICE_PRINCIPAL, req.environment(), req.clientId(), req.tenant(), null,
        "app " + req.clientId(), req.tenant(), expiry(r), true,
        req.certificate() == null ? null : req.certificate().toAbsolutePath().toString());
  }

  private SignInRecord userRecord(AuthKind kind, LoginRequest req, IAuthenticationResult r, boolean confidential,
      AbstractClientApplicationBase a) {
    IAccount account = r.account();
    if (account == null) {
      throw new SignInException(Reason.OTHER, "Entra ID returned a token without an account, so pcsh could not"
          + " keep the sign-in.", null);
    }
    // one sign-in at a time: drop any other account this app still had in the cache
    for (IAccount other : a.getAccounts().join()) {
      if (!other.homeAccountId().equals(account.homeAccountId())) a.removeAccount(other).join();
    }
    app = a;
    String home = account.homeAccountId();
    String tenantId = home.contains(".") ? home.substring(home.indexOf('.') + 1) : req.tenant();
    return new SignInRecord(kind, req.environment(), req.clientId(), req.tenant(), home,
        account.username() == null ? "unknown" : account.username(), tenantId, expiry(r), confidential, null);
  }

  /** Waits for MSAL, showing the countdown; Ctrl-C (an interrupt) cancels the wait. */
  private IAuthenticationResult await(CompletableFuture<IAuthenticationResult> f, Interaction ui,
      Supplier<Instant> deadline) {
    while (true) {
      try {
        return f.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        Instant d = deadline.get();
        if (d != null && ui != null) {
          Duration left = Duration.between(clock.instant(), d);
          ui.countdown(left.isNegative() ? Duration.ZERO : left);
        }
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.interrupted();
        throw new SignInException(Reason.CANCELLED, "Sign-in cancelled; nothing changed.", null);
      } catch (ExecutionException e) {
        throw Failures.map(e.getCause());
      }
    }
  }

  // ---- silent use of the cache ----

  private Optional<IAuthenticationResult> acquire(boolean forceRefresh) {
    SignInRecord r = record;
    try {
      IAuthenticationResult result;
      if (r.kind() == AuthKind.SERVICE_PRINCIPAL) {
        ConfidentialClientApplication cca = (ConfidentialClientApplication) appFor(r);
        result = cca.acquireToken(ClientCredentialParameters.builder(Set.of(r.environment().appScope()))
            .skipCache(forceRefresh).build()).get();
      } else {
        AbstractClientApplicationBase a = appFor(r);
        IAccount account = a.getAccounts().join().stream()
            .filter(x -> x.homeAccountId().equals(r.homeAccountId())).findFirst().orElse(null);
        if (account == null) return Optional.empty(); // signed out elsewhere: the cache no longer has it
        result = a.acquireTokenSilently(SilentParameters.builder(Set.of(r.environment().userScope()), account)
            .forceRefresh(forceRefresh).build()).get();
      }
      Instant e = expiry(result);
      if (e != null && !e.equals(r.expiresOn())) {
        record = r.withExpiry(e);
        record.save(recordFile);
      }
      return Optional.of(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignInException(Reason.CANCELLED, "Cancelled while getting a token.", null);
    } catch (ExecutionException | MalformedURLException | RuntimeException e) {
      throw Failures.map(e instanceof ExecutionException ? e.getCause() : e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AbstractClientApplicationBase appFor(SignInRecord r) {
    if (app != null) return app;
    if (!r.confidential()) {
      app = publicApp(r.environment(), r.clientId(), r.tenant());
      return app;
    }
    if (credential == null) {
      if (r.certificate() != null) {
        credential = certificate(Path.of(r.certificate()), Optional.ofNullable(env.apply(CERTIFICATE_PASSWORD_ENV))
            .orElse(""));
      } else {
        String secret = env.apply(CLIENT_SECRET_ENV);
        if (secret == null || secret.isBlank()) {
          throw new SignInException(Reason.SECRET_MISSING, "This sign-in uses app " + r.clientId() + ", whose"
              + " client secret pcsh never stores, and " + CLIENT_SECRET_ENV + " is not set in this process.",
              null);
        }
        credential = ClientCredentialFactory.createFromSecret(secret.strip());
      }
    }
    app = confidentialApp(r.environment(), r.clientId(), r.tenant(), credential);
    return app;
  }

  private void removeFromCache(SignInRecord r) throws IOException {
    try {
      AbstractClientApplicationBase a = app != null ? app : publicApp(r.environment(), r.clientId(), r.tenant());
      for (IAccount account : a.getAccounts().join()) a.removeAccount(account).join();
    } catch (RuntimeException e) {
      // the cache may be unreadable or gone; deleting it below still signs out
      Files.deleteIfExists(cacheFile);
    }
    // app-only tokens belong to no account, so removing accounts does not drop them
    if (r.kind() == AuthKind.SERVICE_PRINCIPAL) Files.deleteIfExists(cacheFile);
  }

  // ---- MSAL applications ----

  private PublicClientApplication publicApp(Cloud cloud, String clientId, String tenant) {
    try {
      PublicClientApplication.Builder b = PublicClientApplication.builder(clientId).authority(authority(cloud, tenant));
      return configure(b).build();
    } catch (MalformedURLException e) {
      throw new SignInException(Reason.NOT_POSSIBLE, "The authority for tenant '" + tenant + "' is not a URL.", null);
    }
  }

  private ConfidentialClientApplication confidentialApp(Cloud cloud, String clientId, String tenant,
      IClientCredential cred) {
    try {
      ConfidentialClientApplication.Builder b = ConfidentialClientApplication.builder(clientId, cred)
          .authority(authority(cloud, tenant));
      return configure(b).build();
    } catch (MalformedURLException e) {
      throw new SignInException(Reason.NOT_POSSIBLE, "The authority for tenant '" + tenant + "' is not a URL.", null);
    }
  }

  private <B extends AbstractClientApplicationBase.Builder<B>> B configure(B b) {
    b.setTokenCacheAccessAspect(new FileTokenCache(cacheFile))
        .connectTimeoutForDefaultHttpClient((int) settings.connectTimeout().toMillis())
        .readTimeoutForDefaultHttpClient((int) settings.readTimeout().toMillis())
        .logPii(false);
    if (httpClient != null) b.httpClient(httpClient);
    return b;
  }

  private static String authority(Cloud cloud, String tenant) {
    return cloud.authority(tenant).orElseThrow();
  }

  private static IClientCredential certificate(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      return ClientCredentialFactory.createFromCertificate(in, password);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new SignInException(Reason.INVALID_CLIENT, "The certificate " + file + " could not be read as a"
          + " PKCS#12 file with that password (" + e.getClass().getSimpleName() + ").", null);
    }
  }

  // ---- small helpers ----

  private Optional<String> fromEnvOrPrompt(String var, Interaction ui, String prompt) {
    String v = env.apply(var);
    if (v != null && !v.isBlank()) return Optional.of(v.strip());
    return ui.secret(prompt).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static SignInException missing(String what, String var) {
    return new SignInException(Reason.SECRET_MISSING, what + " Set " + var + ", or run login in a terminal to be"
        + " asked for it.", null);
  }

  private static Instant expiry(IAuthenticationResult r) {
    return r.expiresOnDate() == null ? null : r.expiresOnDate().toInstant();
  }

  private Optional<String> envToken() {
    String t = env.apply(TOKEN_ENV);
    if (t == null) return Optional.empty();
    t = bare(t);
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  private static String bare(String t) {
    t = t.strip();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) t = t.substring(7).strip();
    return t;
  }

  private static Optional<Instant> expiry(String token) {
    return claims(token).map(c -> c.path("exp")).filter(JsonNode::canConvertToLong)
        .map(n -> Instant.ofEpochSecond(n.asLong()));
  }

  private static Optional<JsonNode> claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) return Optional.empty();
    try {
      return Optional.of(new ObjectMapper().readTree(
          new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the token's claims for display only (tenant, user); nothing is trusted or checked, and a token
   * that is not a JWT is shown as unknown.
   */
  static Principal describe(String token, AuthKind kind) {
    String tenant = "unknown";
    String user = "unknown";
    Optional<JsonNode> c = claims(token);
    if (c.isPresent()) {
      JsonNode claims = c.get();
      tenant = claims.path("tid").asText(tenant);
      for (String k : new String[] {"upn", "preferred_username", "unique_name", "appid"}) {
        if (claims.hasNonNull(k)) {
          user = claims.get(k).asText();
          break;
        }
      }
    }
    return new Principal(kind, "partner tenant " + tenant, tenant, user, "unknown", expiry(token));
  }

  /**
   * Shows the device code and notes its deadline. A class of its own rather than a lambda: Spring looks through
   * every bean's methods at start, and a method taking a DeviceCode would load MSAL's signed azure-json jar, whose
   * signature check cost tens of milliseconds on every start.
   */
  private static final class DeviceCodeShown implements java.util.function.Consumer<com.microsoft.aad.msal4j.DeviceCode> {
    private final AtomicReference<Instant> deadline;
    private final Interaction ui;
    private final Clock clock;

    DeviceCodeShown(AtomicReference<Instant> deadline, Interaction ui, Clock clock) {
      this.deadline = deadline;
      this.ui = ui;
      this.clock = clock;
    }

    @Override
    public void accept(com.microsoft.aad.msal4j.DeviceCode dc) {
      deadline.set(clock.instant().plusSeconds(dc.expiresIn()));
      ui.show("To sign in, open " + dc.verificationUri() + " in a browser and enter the code " + dc.userCode()
          + " (Ctrl-C cancels).");
    }
  }
}
