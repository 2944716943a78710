package pcsh.commands;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.shell.context.DefaultShellContext;
import pcsh.api.PartnerCenterClient;
import pcsh.customers.RecentCustomers;
import pcsh.qualification.QualificationWriter;
import pcsh.session.Session;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.shell.OutputPreference;
import pcsh.shell.Ui;
import pcsh.shell.completion.CompletionCache;

/**
 * The command beans built by hand, as plain Java, on a terminal nobody can answer (so writes need
 * --yes) and a client pointed at the given base URL: what most shell tests need without a Spring
 * context.
 */
final class CommandsFixture implements AutoCloseable {

  final Terminal terminal;
  final SessionHolder session = new SessionHolder(Session.start(Optional.empty()));
  final Settings settings = Settings.from(Map.<String, String>of()::get);
  final PartnerCenterClient client;
  final Ui ui;
  final RecentCustomers recent = new RecentCustomers();
  final OutputPreference preference = new OutputPreference();
  final java.nio.file.Path home;
  final pcsh.qualification.WriteJournal journal;

  CommandsFixture(Supplier<String> baseUrl) throws IOException {
    this(baseUrl, Duration.ofSeconds(10));
  }

  final pcsh.api.ExchangeLog exchanges = new pcsh.api.ExchangeLog();

  CommandsFixture(Supplier<String> baseUrl, Duration readTimeout) throws IOException {
    this(baseUrl, readTimeout, pcsh.api.RetryPolicy.none());
  }

  /**
   * With {@code retry}, reads are retried as the shell retries them (give it a sleeper that does
   * not sleep).
   */
  CommandsFixture(Supplier<String> baseUrl, Duration readTimeout, pcsh.api.RetryPolicy retry)
      throws IOException {
    this(
        baseUrl,
        readTimeout,
        retry,
        TerminalBuilder.builder()
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build());
  }

  /**
   * The terminal writes to {@code output} what a command prints rather than returns (a streamed
   * list), as the dumb terminal of a one-shot run writes to a pipe: bytes as they are, no line
   * discipline.
   */
  CommandsFixture(Supplier<String> baseUrl, java.io.OutputStream output) throws IOException {
    this(
        baseUrl,
        Duration.ofSeconds(10),
        pcsh.api.RetryPolicy.none(),
        new org.jline.terminal.impl.DumbTerminal(
            "fixture",
            Terminal.TYPE_DUMB,
            new ByteArrayInputStream(new byte[0]),
            output,
            java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Signed in with {@code token} (a JWT whose claims the emulator reads, e.g. an app-only one). */
  CommandsFixture(Supplier<String> baseUrl, String token) throws IOException {
    this(
        baseUrl,
        Duration.ofSeconds(10),
        pcsh.api.RetryPolicy.none(),
        TerminalBuilder.builder()
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build(),
        token);
  }

  private CommandsFixture(
      Supplier<String> baseUrl, Duration readTimeout, pcsh.api.RetryPolicy retry, Terminal terminal)
      throws IOException {
    this(baseUrl, readTimeout, retry, terminal, "t");
  }

  private CommandsFixture(
      Supplier<String> baseUrl,
      Duration readTimeout,
      pcsh.api.RetryPolicy retry,
      Terminal terminal,
      String token)
      throws IOException {
    this.terminal = terminal;
    ui = new Ui(terminal);
    home = java.nio.file.Files.createTempDirectory("pcsh-fixture");
    journal = new pcsh.qualification.WriteJournal(home.resolve("journal.jsonl"));
    client =
        new PartnerCenterClient(
            baseUrl,
            () -> Optional.of(token),
            () -> session.get().correlationId(),
            Duration.ofSeconds(2),
            readTimeout,
            () -> false,
            exchanges,
            retry,
            pcsh.session.Redactor.shared());
  }

  /** The one qualification writer of this fixture's commands, journalling to {@link #journal}. */
  final QualificationWriter writer() {
    return new QualificationWriter(
        client,
        journal,
        (id, state) ->
            session.update(
                s -> s.knowingQualification(id, state == null ? null : state.shortLabel())));
  }

  /** `api`'s requests over this fixture's client, journalled to {@link #journal}; no Graph. */
  pcsh.raw.ApiRequests apiRequests() {
    return new pcsh.raw.ApiRequests(
        client::raw,
        () -> {
          throw new IllegalStateException("no Graph in this fixture");
        },
        () -> pcsh.auth.GraphToken.unavailable("none in this fixture", "none"),
        journal);
  }

  CustomerCommands customers() {
    return new CustomerCommands(
        client,
        session,
        settings,
        recent,
        ui,
        new DefaultShellContext(),
        preference,
        new StaticListableBeanFactory().getBeanProvider(CompletionCache.class));
  }

  QualificationCommands qualification() {
    return new QualificationCommands(client, session, settings, ui, recent, preference, writer());
  }

  /** `qualify bulk` with its checkpoints under this fixture's home, and {@code extra} settings. */
  BulkQualifyCommands bulk(Map<String, String> extra) {
    Map<String, String> m = new java.util.HashMap<>(extra);
    m.putIfAbsent(Settings.HOME, home.toString());
    return new BulkQualifyCommands(client, Settings.from(m::get), ui, writer());
  }

  AuditCommands audit() {
    return new AuditCommands(client, session, settings, ui, recent, preference, writer(), journal);
  }

  ValidationCodeCommands codes() {
    return new ValidationCodeCommands(
        client,
        settings,
        ui,
        preference,
        new StaticListableBeanFactory().getBeanProvider(CompletionCache.class));
  }

  /** Whether the picture's reads take pcsh for signed in app-only (to explain a 403). */
  boolean appOnly;

  final pcsh.picture.SeenSubscriptions seen = new pcsh.picture.SeenSubscriptions();

  pcsh.picture.CustomerPicture picture() {
    return new pcsh.picture.CustomerPicture(client, () -> appOnly);
  }

  ProfileCommands profiles() {
    return new ProfileCommands(picture(), session, settings, ui, preference);
  }

  SubscriptionCommands subscriptions() {
    return new SubscriptionCommands(picture(), seen, session, settings, ui, preference);
  }

  UserCommands users() {
    return new UserCommands(picture(), session, settings, ui, preference);
  }

  ServiceRequestCommands serviceRequests() {
    return new ServiceRequestCommands(picture(), session, settings, ui, preference);
  }

  /** {@code customer overview} with {@code gdap} for the GDAP part, within a 500-a-minute limit. */
  OverviewCommand overview(java.util.function.Function<String, pcsh.access.CustomerAccess> gdap) {
    pcsh.audit.AuditTrail audit = new pcsh.audit.AuditTrail(client);
    return new OverviewCommand(
        new pcsh.picture.Overview(
            picture(),
            writer()::read,
            audit::lastQualificationChange,
            gdap,
            client,
            pcsh.api.RateLimiter.perMinute(500, 16),
            java.time.Clock.systemUTC()),
        session,
        settings,
        ui,
        preference);
  }

  @Override
  public void close() throws IOException {
    terminal.close();
  }
}
