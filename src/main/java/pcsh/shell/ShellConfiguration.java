package pcsh.shell;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import pcsh.api.PartnerCenterClient;
import pcsh.auth.Authenticator;
import pcsh.customers.RecentCustomers;
import pcsh.emulator.Emulator;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.Principal;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.support.Transcript;

/** Wires pcsh's parts together; each bean is plain Java that tests can also build by hand. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

  /** The JLine history file in {@code pcsh.history.dir}. */
  static final String HISTORY_FILE = "pcsh_history";

  @Bean
  Settings settings(Environment env) {
    return Settings.from(env::getProperty);
  }

  @Bean(destroyMethod = "close")
  EmbeddedEmulator embeddedEmulator(Settings settings) {
    return new EmbeddedEmulator(settings);
  }

  @Bean
  Authenticator authenticator(Settings settings, Environment env) {
    Principal demo =
        new Principal(
            Principal.AuthKind.EMULATOR_DEMO,
            Emulator.DEMO_PARTNER_NAME,
            Emulator.DEMO_PARTNER_ID,
            Emulator.DEMO_USER);
    return new Authenticator(settings, env::getProperty, demo);
  }

  @Bean
  SessionHolder sessionHolder(Authenticator auth) {
    return new SessionHolder(Session.start(auth.restore()));
  }

  @Bean
  PartnerCenterClient partnerCenterClient(
      Settings settings,
      EmbeddedEmulator emulator,
      Authenticator auth,
      SessionHolder session,
      pcsh.api.ExchangeLog exchanges,
      pcsh.api.RetryPolicy retry,
      pcsh.session.Redactor redactor) {
    return new PartnerCenterClient(
        settings.embedded() ? emulator::baseUrl : settings::apiBaseUrl,
        auth::token,
        () -> session.get().correlationId(),
        settings.connectTimeout(),
        settings.readTimeout(),
        auth::refreshAfterUnauthorized,
        exchanges,
        retry,
        redactor);
  }

  @Bean
  WriteJournal writeJournal(Settings settings, Transcript transcript, SessionHolder session) {
    return WriteJournal.in(settings)
        .forSession(transcript.id(), () -> session.get().correlationId());
  }

  /** Every qualification write goes through this one writer; the prompt hears what it reads. */
  @Bean
  QualificationWriter qualificationWriter(
      PartnerCenterClient client, WriteJournal journal, SessionHolder session) {
    return new QualificationWriter(
        client,
        journal,
        (id, state) ->
            session.update(
                s -> s.knowingQualification(id, state == null ? null : state.shortLabel())));
  }

  /**
   * `api`: raw requests through the Partner Center and Graph clients, writes journalled. The raw
   * clients (and their JSON mappers) are made on the first request, not at start.
   */
  @Bean
  pcsh.raw.ApiRequests apiRequests(
      PartnerCenterClient client,
      pcsh.graph.GraphClient graph,
      Authenticator auth,
      WriteJournal journal) {
    return new pcsh.raw.ApiRequests(
        pcsh.api.Transport.once(client::raw),
        pcsh.api.Transport.once(graph::raw),
        auth::graphToken,
        journal);
  }

  @Bean
  RecentCustomers recentCustomers() {
    return new RecentCustomers();
  }

  @Bean
  org.jline.reader.History history(Settings settings, Transcript transcript) {
    return new SecretFilteringHistory(
        settings.historyDir().resolve(HISTORY_FILE), transcript::command);
  }
}
