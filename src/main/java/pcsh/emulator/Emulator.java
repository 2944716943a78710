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
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Partner Center for demos and tests: the customer, qualification and validation-code endpoints of
 * {@code partner-center-api.md}, served over HTTP on the loopback address only. Any non-empty bearer token is taken
 * as the demo partner. With a state directory, several emulators (also in other processes) share one state file.
 */
public final class Emulator implements AutoCloseable {

    public static final String DEMO_PARTNER_ID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
    public static final String DEMO_PARTNER_NAME = "Contoso Demo Partner";

    private static final int WORKER_THREADS = 4;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService workers;
    private final EmulatorHandler handler;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Emulator(HttpServer server, ExecutorService workers, EmulatorHandler handler) {
        this.server = server;
        this.workers = workers;
        this.handler = handler;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress() instanceof Inet6Address
                ? "[" + address.getAddress().getHostAddress() + "]"
                : address.getAddress().getHostAddress();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
    }

    /** Binds {@code config.port()} (0 = any free port) on the loopback address and starts serving. */
    public static Emulator start(EmulatorConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        StateStore store = config.stateDir() == null ? new MemoryStateStore() : new FileStateStore(config.stateDir());
        CustomerDirectory directory = CustomerDirectory.seed(config.seedCustomers());
        EmulatorHandler handler = new EmulatorHandler(
                new Resources(directory, store, config.legacyCasing(), Clock.systemUTC()));

        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        // daemon workers, so a shell that forgets close() can still exit
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, r -> {
            Thread t = new Thread(r, "pcsh-emulator-" + instance + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        return new Emulator(server, workers, handler);
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash; API paths start with {@code /v1/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests served since start, whatever their outcome (a test hook, e.g. to prove a cache was used). */
    public long requestCount() {
        return handler.requestCount();
    }

    /** Stops the server; safe to call twice. The state file, if any, stays. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    /** Restores the seed qualifications and code counts in {@code stateDir}, under the same locks as requests. */
    public static void reset(Path stateDir) throws IOException {
        Objects.requireNonNull(stateDir, "stateDir");
        try {
            new FileStateStore(stateDir).reset();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    InetSocketAddress address() {
        return server.getAddress();
    }
}
