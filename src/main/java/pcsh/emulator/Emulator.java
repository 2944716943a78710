package pcsh.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Partner Center for demos and tests: the customer, qualification, validation-code and
 * audit endpoints of {@code partner-center-api.md}, the customer's other resources (profiles,
 * indirect resellers, subscriptions, licences, users, account status, service requests; the routes
 * are listed in {@link Routes}), and Microsoft Graph's GDAP reads under {@code /v1.0/}, served over
 * HTTP on the loopback address only. Any non-empty bearer token is taken as the demo partner (with
 * {@link EmulatorConfig#requireMfa()}, only one whose sign-in used MFA); App+User-only routes
 * refuse an app-only one. With a state directory, several emulators (also in other processes) share
 * one state file.
 */
public final class Emulator implements AutoCloseable {

  public static final String DEMO_PARTNER_ID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
  public static final String DEMO_PARTNER_NAME = "Contoso Demo Partner";

  /** The user every request acts as, e.g. in the audit records of writes. */
  public static final String DEMO_USER = "admin@contosodemopartner.onmicrosoft.com";

  private static final int WORKER_THREADS = 4;
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService workers;
  private final EmulatorHandler handler;
  private final Resources resources;
  private final FaultInjector faults;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Emulator(
      HttpServer server,
      ExecutorService workers,
      EmulatorHandler handler,
      Resources resources,
      FaultInjector faults) {
    this.server = server;
    this.faults = faults;
    this.workers = workers;
    this.handler = handler;
    this.resources = resources;
    InetSocketAddress address = server.getAddress();
    String host =
        address.getAddress() instanceof Inet6Address
            ? "[" + address.getAddress().getHostAddress() + "]"
            : address.getAddress().getHostAddress();
    this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
  }

  /**
   * Sets up the classes a start and the first answers use (the mapper, the seed's names), ahead of
   * a start; binds, reads and writes nothing.
   */
  public static void prepare() {
    try {
      Json.MAPPER.writeValueAsBytes(Json.selfLinks("/customers"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    var unused = CustomerDirectory.NAMED.size();
  }

  /** Binds {@code config.port()} (0 = any free port) on the loopback address and starts serving. */
  public static Emulator start(EmulatorConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    Clock clock = Clock.systemUTC();
    StateStore store =
        config.stateDir() == null
            ? new MemoryStateStore(clock)
            : new FileStateStore(config.stateDir(), clock);
    CustomerDirectory directory = CustomerDirectory.seed(config.seedCustomers());
    Resources resources =
        new Resources(directory, store, config.legacyCasing(), clock, config.vettingDelay());
    FaultInjector faults = new FaultInjector(config.faults());
    RateLimits rateLimits =
        new RateLimits(config.rateLimit(), config.rateBurst(), System::nanoTime);
    List<GdapSeed.Entry> gdap = GdapSeed.relationships(clock.instant());
    GdapRoles roles = new GdapRoles(gdap);
    RouteTable routes =
        Routes.of(
            resources,
            new CustomerReads(directory, roles, clock),
            new SubscriptionReads(directory, roles, clock),
            new UserReads(directory, roles, clock),
            new ServiceRequests(directory, clock));
    EmulatorHandler handler =
        new EmulatorHandler(
            routes, faults, rateLimits, new GraphRoutes(gdap, faults), config.requireMfa());

    // the JDK server flushes headers and body separately; with Nagle on, each answer waits ~40 ms
    // for the client's delayed ACK. Read once, when the first server of this JVM starts; a value
    // set by the user wins.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    // daemon workers, so a shell that forgets close() can still exit
    ExecutorService workers =
        Executors.newFixedThreadPool(
            WORKER_THREADS,
            r -> {
              Thread t =
                  new Thread(r, "pcsh-emulator-" + instance + "-" + thread.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", handler);
    server.setExecutor(workers);
    server.start();
    return new Emulator(server, workers, handler, resources, faults);
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash; API paths start with {@code /v1/}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Requests served since start, whatever their outcome (a test hook, e.g. to prove a cache was
   * used).
   */
  public long requestCount() {
    return handler.requestCount();
  }

  /**
   * The time spent in the handler since start, summed over requests, from reading the request body
   * to the last byte of the answer (the JDK server's reading of the request line and headers is not
   * in it). The bench subtracts it from pcsh's command times (a bench hook).
   */
  public long handlingNanos() {
    return handler.handlingNanos();
  }

  /**
   * Writes carried out: a new MS-RequestId that changed the state (refusals and repeats do not
   * count).
   */
  public long writeCount() {
    return resources.appliedWrites();
  }

  /**
   * Writes answered again from memory because their MS-RequestId was seen before; they changed
   * nothing.
   */
  public long repeatedWriteCount() {
    return resources.repeatedWrites();
  }

  /** Requests refused with 429 by the rate limit ({@link EmulatorConfig#rateLimit()}). */
  public long throttledCount() {
    return handler.throttledCount();
  }

  /**
   * Changes the injected faults from the next request on; {@code null} means {@link Faults#NONE}.
   * The new seed's sequence starts from its beginning, as at start.
   */
  public void setFaults(Faults newFaults) {
    faults.set(newFaults);
  }

  /** The faults injected now. */
  public Faults faults() {
    return faults.faults();
  }

  /** Stops the server; safe to call twice. The state file, if any, stays. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      workers.shutdownNow();
    }
  }

  /**
   * Restores the seed qualifications and code counts in {@code stateDir}, under the same locks as
   * requests.
   */
  public static void reset(Path stateDir) throws IOException {
    Objects.requireNonNull(stateDir, "stateDir");
    try {
      new FileStateStore(stateDir).reset();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Test hook: decides the customer's InReview Education now instead of waiting for the vetting
   * delay (the seeded Adatum University has no decision time and waits for this). Kept like any
   * write: saved to the state file, if any.
   *
   * @param approved Approved, or Denied
   * @param reason the vettingReason when denied (ignored when approved); {@code null} gives "Not an
   *     Education Customer"
   * @throws IllegalArgumentException when the customer is not in this emulator's directory or has
   *     no InReview Education
   */
  public void completeVetting(String customerId, boolean approved, String reason) {
    Objects.requireNonNull(customerId, "customerId");
    resources.completeVetting(customerId, approved, reason);
  }

  /**
   * {@link #completeVetting(String, boolean, String)} for the state file in {@code stateDir}, from
   * any process, under the same locks as requests. No customer directory is at hand here, so a
   * customer counts as unknown when the state file has no record of it (named customers always have
   * one, generated ones once they have an entry).
   *
   * @throws IllegalArgumentException for an unknown customer or one without an InReview Education
   * @throws UncheckedIOException when the state directory cannot be read or written
   */
  public static void completeVetting(
      Path stateDir, String customerId, boolean approved, String reason) {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(customerId, "customerId");
    String id = customerId.toLowerCase(Locale.ROOT);
    Clock clock = Clock.systemUTC();
    FileStateStore store;
    try {
      store = new FileStateStore(stateDir, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("emulator state in " + stateDir + ": " + e.getMessage(), e);
    }
    store.update(
        s -> {
          if (!s.knows(id)) {
            throw new IllegalArgumentException(
                "unknown customer " + customerId + " in " + stateDir);
          }
          return QualificationRules.completeVetting(s, id, approved, reason, clock.instant());
        });
  }

  InetSocketAddress address() {
    return server.getAddress();
  }
}
