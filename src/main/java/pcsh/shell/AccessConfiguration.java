package pcsh.shell;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import pcsh.access.AccessCheck;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.auth.Authenticator;
import pcsh.diagnostics.Doctor;
import pcsh.graph.GraphClient;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.GraphEndpoint;
import pcsh.session.Redactor;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles;

/**
 * The access diagnostics: the Microsoft Graph client (on the embedded emulator's port when Graph is
 * embedded, its token from the {@link Authenticator}), the GDAP check, and {@code doctor}.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  GraphClient graphClient(
      Settings settings,
      EmbeddedEmulator emulator,
      Authenticator auth,
      ExchangeLog exchanges,
      Redactor redactor,
      pcsh.api.RetryPolicy retry) {
    GraphEndpoint graph = GraphEndpoint.of(settings);
    return new GraphClient(
        graph.embedded() ? emulator::baseUrl : graph::baseUrl,
        () -> auth.graphToken().value(),
        settings.connectTimeout(),
        settings.readTimeout(),
        exchanges,
        redactor,
        GraphClient.MAX_PAGE,
        retry);
  }

  @Bean
  AccessCheck accessCheck(GraphClient graph, Authenticator auth) {
    return new AccessCheck(graph, auth::graphToken);
  }

  @Bean
  Doctor doctor(
      Settings settings,
      Environment env,
      PartnerCenterClient client,
      QualificationWriter writer,
      WriteJournal journal,
      Authenticator auth,
      SessionHolder session,
      AccessCheck access) {
    String repoDefaults = env.getProperty("pcsh.defaults");
    return new Doctor(
        settings,
        SettingsFiles.provenance(
            repoDefaults == null ? null : Path.of(repoDefaults),
            settings.home().resolve("shell.properties")),
        client,
        writer,
        journal,
        auth,
        session,
        access,
        Clock.systemUTC());
  }
}
