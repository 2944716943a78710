package pcsh.api;

import feign.Client;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import pcsh.session.Redactor;

/**
 * The parts of pcsh's HTTP clients that the Partner Center client and the Microsoft Graph client
 * share: the transport (the JDK HttpClient built on the first request, never following a redirect,
 * each exchange recorded once in the {@link ExchangeLog}, redacted), the timeouts, a base URL read
 * on each request, and header lookup.
 */
public final class Transport {

  private Transport() {}

  public static Client recorded(Duration connectTimeout, ExchangeLog log, Redactor redactor) {
    return new RecordingClient(new LazyHttpClient(connectTimeout), log, redactor);
  }

  /** pcsh's timeouts; Feign follows no redirect either. */
  public static Request.Options options(Duration connectTimeout, Duration readTimeout) {
    return new Request.Options(
        connectTimeout.toMillis(),
        TimeUnit.MILLISECONDS,
        readTimeout.toMillis(),
        TimeUnit.MILLISECONDS,
        false);
  }

  /**
   * A target whose base URL is read per request rather than once, so nothing (the embedded
   * emulator) starts before a request needs it; a request whose URL is already absolute (a next
   * link) keeps it.
   */
  public static <T> Target<T> lazyTarget(Class<T> type, String name, Supplier<String> baseUrl) {
    return new LazyTarget<>(type, name, baseUrl);
  }

  /**
   * Ends the selector threads of the JDK HttpClients this JVM made; called just before the JVM
   * exits. {@code System.exit} waits up to 300 ms for any thread that is in native code (HotSpot's
   * exit waits for such threads to settle, JDK 17 and 25 alike), and an HttpClient's selector
   * thread sits in {@code epoll_wait} until its client is garbage collected: without this every
   * command that sent a request took 0.3 s longer to exit. An interrupted selector thread stops
   * (the JDK checks its interrupt status on each pass); the JDK names it {@code
   * HttpClient-<n>-SelectorManager}. Should that name change, exit is only slower again.
   */
  public static void stopSelectorThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    Thread[] threads = new Thread[root.activeCount() + 8];
    int n = root.enumerate(threads, true);
    List<Thread> stopped = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      String name = t.getName();
      if (t.isDaemon() && name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
        t.interrupt();
        stopped.add(t);
      }
    }
    try {
      for (Thread t : stopped) t.join(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code make}'s value, made on the first call and kept. */
  public static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) value = make.get();
            v = value;
          }
        }
        return v;
      }
    };
  }

  /** Wraps {@code client} so reads (GET) are retried as {@code policy} says; writes never are. */
  public static Client retrying(Client client, RetryPolicy policy) {
    return new RetryingClient(client, policy);
  }

  /** The first non-blank value of the header {@code name}, matched in any case. */
  public static Optional<String> header(Map<String, Collection<String>> headers, String name) {
    return PartnerCenterErrorDecoder.first(headers, name);
  }

  private record LazyTarget<T>(Class<T> type, String name, Supplier<String> baseUrl)
      implements Target<T> {
    @Override
    public String url() {
      String u = baseUrl.get();
      return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    @Override
    public Request apply(RequestTemplate input) {
      if (!input.url().toLowerCase(Locale.ROOT).startsWith("http")) input.target(url());
      return input.request();
    }
  }
}
