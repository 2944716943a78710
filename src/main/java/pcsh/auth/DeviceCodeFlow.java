package pcsh.auth;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;
import pcsh.session.Principal.AuthKind;

/**
 * {@code login}: the device code flow, for a public client; the user signs in on any device with a
 * browser.
 */
record DeviceCodeFlow(MsalApps apps, Clock clock) implements SignInFlow {

  @Override
  public SignIn signIn(LoginRequest req, Interaction ui) {
    PublicClientApplication pca = apps.publicApp(req.environment(), req.clientId(), req.tenant());
    SignInWait wait = new SignInWait(ui, clock);
    IAuthenticationResult result =
        wait.await(
            pca.acquireToken(
                DeviceCodeFlowParameters.builder(
                        Set.of(req.environment().userScope()), new DeviceCodeShown(wait, ui))
                    .build()));
    return SignIn.user(AuthKind.DEVICE_CODE, req, result, false, pca);
  }

  /**
   * Shows the device code and notes its deadline. A class of its own rather than a lambda: Spring
   * looks through every bean's methods at start, and a method taking a DeviceCode would load MSAL's
   * signed azure-json jar, whose signature check cost tens of milliseconds on every start. (This
   * flow is no bean, but a lambda here would bring the cost back as soon as the code moved into
   * one, as it once sat in Authenticator.)
   */
  private record DeviceCodeShown(SignInWait waiting, Interaction ui)
      implements Consumer<DeviceCode> {
    @Override
    public void accept(DeviceCode dc) {
      waiting.deadlineIn(dc.expiresIn());
      ui.show(
          "To sign in, open "
              + dc.verificationUri()
              + " in a browser and enter the code "
              + dc.userCode()
              + " (Ctrl-C cancels).");
    }
  }
}
