package pcsh.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import pcsh.auth.SignInException.Reason;
import pcsh.session.Principal.AuthKind;

/**
 * {@code login --service-principal}: client credentials (app-only) with a client secret or a
 * PKCS#12 certificate, in the partner's own tenant. There is no account: MSAL keeps the app's token
 * by itself.
 */
record ServicePrincipalFlow(MsalApps apps, Secrets secrets, Clock clock) implements SignInFlow {

  @Override
  public SignIn signIn(LoginRequest req, Interaction ui) {
    String t = req.tenant().toLowerCase(Locale.ROOT);
    if (t.equals("organizations") || t.equals("common") || t.equals("consumers")) {
      throw new SignInException(
          Reason.NOT_POSSIBLE,
          "App-only sign-in needs the partner's own tenant, not '" + req.tenant() + "'.",
          null);
    }
    IClientCredential credential =
        req.certificate() != null
            ? Secrets.certificate(
                req.certificate(),
                secrets
                    .fromEnvOrPrompt(
                        Authenticator.CERTIFICATE_PASSWORD_ENV,
                        ui,
                        "Password of "
                            + req.certificate().getFileName()
                            + " (input hidden; Enter if none): ")
                    .orElse(""))
            : ClientCredentialFactory.createFromSecret(
                secrets
                    .fromEnvOrPrompt(
                        Authenticator.CLIENT_SECRET_ENV,
                        ui,
                        "Client secret of app " + req.clientId() + " (input hidden): ")
                    .orElseThrow(
                        () ->
                            Secrets.missing(
                                "No client secret was given.", Authenticator.CLIENT_SECRET_ENV)));
    ConfidentialClientApplication cca =
        apps.confidentialApp(req.environment(), req.clientId(), req.tenant(), credential);
    IAuthenticationResult result =
        new SignInWait(ui, clock)
            .await(
                cca.acquireToken(
                    ClientCredentialParameters.builder(Set.of(req.environment().appScope()))
                        .build()));
    return SignIn.entra(
        new SignInRecord(
            AuthKind.SERVICE_PRINCIPAL,
            req.environment(),
            req.clientId(),
            req.tenant(),
            null,
            "app " + req.clientId(),
            req.tenant(),
            SignIn.expiry(result),
            true,
            req.certificate() == null ? null : req.certificate().toAbsolutePath().toString()),
        cca);
  }
}
