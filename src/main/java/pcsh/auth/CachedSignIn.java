package pcsh.auth;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.SilentParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal;
import pcsh.session.Principal.AuthKind;

/**
 * The Entra ID sign-in that outlives the process: its record beside MSAL's cache file, and the MSAL
 * application that reads that cache, built on first use after a restart. Tokens come from the
 * cache, refreshed silently. Not thread-safe: {@link Authenticator} calls it under its lock.
 */
final class CachedSignIn {

  private final Path recordFile;
  private final MsalApps apps;
  private final Secrets secrets;
  private SignInRecord record;
  private AbstractClientApplicationBase app;

  /**
   * @param record the sign-in an earlier process kept, or null
   */
  CachedSignIn(SignInRecord record, Path recordFile, MsalApps apps, Secrets secrets) {
    this.record = record;
    this.recordFile = recordFile;
    this.apps = apps;
    this.secrets = secrets;
  }

  Optional<Principal> principal() {
    return Optional.ofNullable(record).map(SignInRecord::principal);
  }

  Optional<Instant> expiresOn() {
    return Optional.ofNullable(record).map(SignInRecord::expiresOn);
  }

  /** Replaces the sign-in with one that just succeeded, and writes its record. */
  void keep(SignInRecord next, AbstractClientApplicationBase nextApp) throws IOException {
    app = nextApp;
    record = next;
    record.save(recordFile);
  }

  /**
   * The access token from MSAL's cache, refreshed silently when it expires within five minutes.
   * Empty when there is no sign-in, or the cache no longer has its account.
   */
  Optional<String> token() {
    return acquire(false, null, null).map(IAuthenticationResult::accessToken);
  }

  /**
   * Gets a new token from Entra ID, bypassing the cache; false when there is no sign-in to refresh.
   */
  boolean refresh() {
    return acquire(true, null, null).isPresent();
  }

  /**
   * A token for another resource (Microsoft Graph) from the same sign-in: silently for the account
   * with {@code userScope}, or with {@code appScope} for an app-only sign-in. The record keeps the
   * Partner Center token's expiry.
   */
  Optional<String> tokenFor(String userScope, String appScope) {
    return acquire(false, userScope, appScope).map(IAuthenticationResult::accessToken);
  }

  /**
   * Whether pcsh can get a new token by itself: a user sign-in has MSAL's refresh token; an
   * app-only one needs its secret or certificate, which a new process takes from the environment.
   */
  boolean canRefresh() {
    if (record == null) return false;
    if (app != null || !record.confidential()) return true;
    try {
      secrets.credentialFromEnvironment(record);
      return true;
    } catch (SignInException e) {
      return false;
    }
  }

  /**
   * @param userScope null: the Partner Center scope of the record's environment (and the record's
   *     expiry follows the token)
   */
  private Optional<IAuthenticationResult> acquire(
      boolean forceRefresh, String userScope, String appScope) {
    if (record == null) return Optional.empty();
    SignInRecord r = record;
    boolean partnerCenter = userScope == null;
    try {
      IAuthenticationResult result;
      if (r.kind() == AuthKind.SERVICE_PRINCIPAL) {
        ConfidentialClientApplication cca = (ConfidentialClientApplication) app();
        result =
            cca.acquireToken(
                    ClientCredentialParameters.builder(
                            Set.of(partnerCenter ? r.environment().appScope() : appScope))
                        .skipCache(forceRefresh)
                        .build())
                .get();
      } else {
        AbstractClientApplicationBase a = app();
        IAccount account =
            a.getAccounts().join().stream()
                .filter(x -> x.homeAccountId().equals(r.homeAccountId()))
                .findFirst()
                .orElse(null);
        if (account == null)
          return Optional.empty(); // signed out elsewhere: the cache no longer has it
        result =
            a.acquireTokenSilently(
                    SilentParameters.builder(
                            Set.of(partnerCenter ? r.environment().userScope() : userScope),
                            account)
                        .forceRefresh(forceRefresh)
                        .build())
                .get();
      }
      Instant e = SignIn.expiry(result);
      if (partnerCenter && e != null && !e.equals(r.expiresOn())) {
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

  /** Removes the sign-in from the cache and deletes its record; false when there was none. */
  boolean forget() throws IOException {
    if (record == null) return false;
    try {
      AbstractClientApplicationBase a =
          app != null
              ? app
              : apps.publicApp(record.environment(), record.clientId(), record.tenant());
      for (IAccount account : a.getAccounts().join()) a.removeAccount(account).join();
    } catch (RuntimeException e) {
      // the cache may be unreadable or gone; deleting it below still signs out
      Files.deleteIfExists(apps.cacheFile());
    }
    // app-only tokens belong to no account, so removing accounts does not drop them
    if (record.kind() == AuthKind.SERVICE_PRINCIPAL) Files.deleteIfExists(apps.cacheFile());
    Files.deleteIfExists(recordFile);
    record = null;
    app = null;
    return true;
  }

  private AbstractClientApplicationBase app() {
    if (app != null) return app;
    app =
        record.confidential()
            ? apps.confidentialApp(
                record.environment(),
                record.clientId(),
                record.tenant(),
                secrets.credentialFromEnvironment(record))
            : apps.publicApp(record.environment(), record.clientId(), record.tenant());
    return app;
  }
}
