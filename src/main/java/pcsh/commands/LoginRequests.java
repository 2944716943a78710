package pcsh.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import pcsh.auth.LoginRequest;
import pcsh.failure.Failure;
import pcsh.session.Cloud;
import pcsh.session.Settings;
import pcsh.values.Values;

/**
 * The sign-in {@code login} asks for: the cloud, app and tenant from the settings, a named profile
 * or the options, checked before anything is sent (app-only needs the partner's own app and tenant;
 * a certificate must be readable).
 */
final class LoginRequests {

  private LoginRequests() {}

  static LoginRequest resolve(
      Settings settings,
      Function<String, String> lookup,
      LoginRequest.Mode mode,
      String profile,
      String clientId,
      String tenant,
      String certificate) {
    Cloud cloud = settings.environment();
    String client = settings.clientId();
    String ten = settings.tenant();
    if (profile != null) {
      Settings.Profile pr =
          settings
              .profile(Inputs.cleanValue("--profile", profile), lookup)
              .orElseThrow(
                  () ->
                      Failure.usage(
                          "No profile '" + Inputs.shown(profile) + "' in the settings files.",
                          "add pcsh.profile."
                              + Inputs.shown(profile)
                              + ".tenant (and .client-id, .environment) to"
                              + " $PCSH_HOME/shell.properties."));
      cloud = pr.environment();
      client = pr.clientId();
      ten = pr.tenant();
    }
    if (clientId != null) client = Inputs.cleanValue("--client-id", clientId);
    if (tenant != null) ten = Inputs.cleanValue("--tenant", tenant);
    Path cert = null;
    if (mode == LoginRequest.Mode.SERVICE_PRINCIPAL) {
      if (client.equals(Settings.DEFAULT_CLIENT_ID)
          || ten.equalsIgnoreCase("organizations")
          || ten.equalsIgnoreCase("common")) {
        throw Failure.usage(
            "login --service-principal needs the app's --client-id and the partner's"
                + " --tenant.",
            "run `login --service-principal --client-id <app id> --tenant <tenant id or domain>`.");
      }
      if (certificate != null) {
        cert = Values.path("--certificate", certificate);
        if (!Files.isReadable(cert)) {
          throw Failure.usage(
              "Cannot read the certificate file " + Inputs.shown(certificate) + ".",
              "give the path of a PKCS#12 (.pfx or .p12) file.");
        }
      }
    }
    return new LoginRequest(mode, cloud, client, ten, cert);
  }
}
