package pcsh.auth;

import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal.AuthKind;

/**
 * {@code login --browser}: the authorization code flow with PKCE in the system browser; MSAL
 * listens for the redirect on a loopback port.
 */
record BrowserFlow(MsalApps apps, BrowserOpener browser, Clock clock) implements SignInFlow {

  /** How long the browser sign-in waits for the redirect. */
  static final int TIMEOUT_SECONDS = 180;

  @Override
  public SignIn signIn(LoginRequest req, Interaction ui) {
    if (!browser.available()) {
      throw new SignInException(
          Reason.NO_BROWSER,
          "No browser can be opened from here (no desktop session or no"
              + " launcher such as xdg-open).",
          null);
    }
    PublicClientApplication pca = apps.publicApp(req.environment(), req.clientId(), req.tenant());
    SignInWait wait = new SignInWait(ui, clock);
    InteractiveRequestParameters p =
        InteractiveRequestParameters.builder(URI.create("http://localhost"))
            .scopes(Set.of(req.environment().userScope()))
            .httpPollingTimeoutInSeconds(TIMEOUT_SECONDS)
            .systemBrowserOptions(
                SystemBrowserOptions.builder()
                    .openBrowserAction(
                        url -> {
                          wait.deadlineIn(TIMEOUT_SECONDS);
                          ui.show(
                              "Opening your browser to sign in; pcsh waits for it on a loopback port (Ctrl-C cancels).");
                          try {
                            browser.open(url);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        })
                    .build())
            .build();
    return SignIn.user(AuthKind.BROWSER, req, wait.await(pca.acquireToken(p)), false, pca);
  }
}
