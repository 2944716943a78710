package pcsh.auth;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import pcsh.session.Principal.AuthKind;

/**
 * {@code login --refresh-token}: the secure application model. A refresh token the partner got
 * elsewhere is redeemed by their app, with its secret when it is a confidential client; from then
 * on MSAL's cache keeps the rotated refresh token.
 */
record RefreshTokenFlow(MsalApps apps, Secrets secrets, Clock clock) implements SignInFlow {

  @Override
  public SignIn signIn(LoginRequest req, Interaction ui) {
    String rt =
        secrets
            .fromEnvOrPrompt(Authenticator.REFRESH_TOKEN_ENV, ui, "Refresh token (input hidden): ")
            .orElseThrow(
                () ->
                    Secrets.missing(
                        "No refresh token was given.", Authenticator.REFRESH_TOKEN_ENV));
    Optional<String> secret =
        secrets.fromEnvOrPrompt(
            Authenticator.CLIENT_SECRET_ENV,
            ui,
            "Client secret of app "
                + req.clientId()
                + " (input hidden; Enter if it is a public client): ");
    AbstractClientApplicationBase app =
        secret.isPresent()
            ? apps.confidentialApp(
                req.environment(),
                req.clientId(),
                req.tenant(),
                ClientCredentialFactory.createFromSecret(secret.get()))
            : apps.publicApp(req.environment(), req.clientId(), req.tenant());
    IAuthenticationResult result =
        new SignInWait(ui, clock)
            .await(
                app.acquireToken(
                    RefreshTokenParameters.builder(Set.of(req.environment().userScope()), rt)
                        .build()));
    return SignIn.user(AuthKind.REFRESH_TOKEN, req, result, secret.isPresent(), app);
  }
}
