package pcsh.shell.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import pcsh.api.CustomerPage;
import pcsh.api.PartnerCenterClient;
import pcsh.api.ValidationCode;
import pcsh.customers.RecentCustomers;
import pcsh.session.SessionHolder;

/**
 * What completion proposes, answered from memory only: customers seen by any command plus a
 * background fill of the first pages, and the validation codes. A Tab never waits for the network;
 * it may start a refresh that later Tabs see.
 */
@Component
public class CompletionCache implements AutoCloseable {

  static final int BACKGROUND_CUSTOMERS = 1000;
  static final Duration CODES_MAX_AGE = Duration.ofMinutes(2);
  static final Duration FIRST_TAB_WAIT = Duration.ofMillis(40);

  private final PartnerCenterClient client;
  private final RecentCustomers recent;
  private final SessionHolder session;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pcsh-completion");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean customersFilled = new AtomicBoolean();
  private final AtomicBoolean codesLoading = new AtomicBoolean();
  private volatile List<ValidationCode> codes = List.of();
  private volatile Instant codesAt = Instant.EPOCH;
  private volatile java.util.concurrent.Future<?> codesLoad;

  public CompletionCache(
      PartnerCenterClient client, RecentCustomers recent, SessionHolder session) {
    this.client = client;
    this.recent = recent;
    this.session = session;
  }

  /**
   * Starts loading what completion will want next (after a customer is selected), without waiting.
   */
  public void warm() {
    if (session.get().principal().isEmpty()) return;
    if (customersFilled.compareAndSet(false, true)) background.execute(this::fillCustomers);
    if (codesAt.equals(Instant.EPOCH) && codesLoading.compareAndSet(false, true)) {
      codesLoad = background.submit(this::loadCodes);
    }
  }

  /** Customers for completion now; the first call starts filling the cache in the background. */
  List<pcsh.api.Customer> customers() {
    if (session.get().principal().isPresent() && customersFilled.compareAndSet(false, true)) {
      awaitBriefly(background.submit(this::fillCustomers), recent.all().isEmpty());
    }
    return recent.all();
  }

  List<ValidationCode> codes() {
    boolean stale = Duration.between(codesAt, clock.instant()).compareTo(CODES_MAX_AGE) > 0;
    if (stale && session.get().principal().isPresent() && codesLoading.compareAndSet(false, true)) {
      codesLoad = background.submit(this::loadCodes);
    }
    java.util.concurrent.Future<?> inFlight = codesLoad;
    if (inFlight != null) awaitBriefly(inFlight, codes.isEmpty());
    return codes;
  }

  /**
   * With nothing to offer yet, a first Tab may wait a moment for the load it started, never longer.
   */
  private static void awaitBriefly(java.util.concurrent.Future<?> load, boolean emptyNow) {
    if (!emptyNow) return;
    try {
      load.get(FIRST_TAB_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // not there yet: this Tab shows what there is, a later one sees the rest
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loadCodes() {
    try {
      codes = client.validationCodes();
      codesAt = clock.instant();
    } catch (RuntimeException e) {
      // completion is best effort: an unreachable service means no proposals, never an error at the
      // prompt
    } finally {
      codesLoading.set(false);
    }
  }

  /** The codes as last read, without starting a load (for the completion file). */
  List<ValidationCode> seenCodes() {
    return codes;
  }

  /** Commands that read the codes share them, so completion has them without another call. */
  public void saw(List<ValidationCode> fresh) {
    codes = List.copyOf(fresh);
    codesAt = clock.instant();
  }

  private void fillCustomers() {
    try {
      CustomerPage page = client.customers(500, null);
      recent.saw(page.itemsOrEmpty());
      int seen = page.itemsOrEmpty().size();
      while (seen < BACKGROUND_CUSTOMERS && page.nextToken().isPresent()) {
        page = client.nextCustomers(page.nextToken().get());
        recent.saw(page.itemsOrEmpty());
        seen += page.itemsOrEmpty().size();
      }
    } catch (RuntimeException e) {
      customersFilled.set(false); // try again on a later Tab
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
