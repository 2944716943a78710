package pcsh.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.Feign;
import java.time.Duration;

/**
 * Prepares, on a thread of its own while Spring starts on the main thread, what a command's first
 * request needs: the client's JSON mapper and its readers of the common answers, Feign's reading of
 * the API interface, the HTTP client itself (its TLS set-up, trust store included, for an https
 * target; the no-TLS context for plain HTTP) and, when given, a token's claims. A one-shot command
 * that sends a request then finds them ready (on two cores, about a tenth of a second sooner).
 * Nothing here sends, binds or writes. The command waits until this is done before it runs ({@link
 * #awaitDone}), and Spring's start-up uses none of these classes (a token's claims, which the main
 * thread reads as Spring starts, are read here first and only handed over: {@code TokenClaims}), so
 * the two threads never set up the same class at once (parallel class initialisation is where
 * deadlocks hide).
 */
public final class WarmUp {

  private static volatile Thread thread;

  private WarmUp() {}

  /**
   * Starts preparing for requests to {@code baseUrl} (the embedded emulator's is plain HTTP) with
   * {@code connectTimeout}: first {@code first} (reading a token's claims), then the client's own
   * set-up, then {@code more} (e.g. the embedded emulator's own).
   */
  public static synchronized void start(
      String baseUrl, boolean embedded, Duration connectTimeout, Runnable first, Runnable more) {
    if (thread != null) return;
    Thread t =
        new Thread(
            () -> {
              try {
                first.run();
                prepare(!embedded && LazyHttpClient.https(baseUrl), connectTimeout);
                more.run();
              } catch (RuntimeException | LinkageError e) {
                // only speed is lost: the first request sets up what is missing, as without this
              }
            },
            "pcsh-warm-up");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private static void prepare(boolean tls, Duration connectTimeout) {
    var unusedPage = page();
    var unusedCustomer = PartnerCenterClient.json().readerFor(Customer.class);
    var unusedMetadata = ApiContract.INSTANCE.parseAndValidateMetadata(PartnerCenterApi.class);
    var unusedFeign = Feign.builder();
    LazyHttpClient.prepare(tls, connectTimeout);
  }

  /** A page of one customer, with every record a page holds. */
  private static final String PAGE =
      "{\"totalCount\":1,\"items\":[{\"id\":\"00000000-0000-0000-0000-000000000000\","
          + "\"companyProfile\":{\"domain\":\"d.example\",\"companyName\":\"C\"},"
          + "\"customDomains\":[\"d.example\"],\"attributes\":{\"objectType\":\"Customer\"}}],"
          + "\"links\":{\"next\":{\"uri\":\"/v1/customers\",\"method\":\"GET\","
          + "\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"t\"}]}},"
          + "\"attributes\":{\"objectType\":\"Collection\"}}";

  /**
   * {@link #PAGE} read by the client's mapper: its reader of a page made, and used once, since a
   * record's first reading also makes its constructor's reflective accessor, which on JDK 18 and
   * newer (method handles) cost the command's first answer 0.01 s.
   */
  static CustomerPage page() {
    try {
      return PartnerCenterClient.json().readerFor(CustomerPage.class).readValue(PAGE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the warm-up's page does not read", e);
    }
  }

  /**
   * Waits for the preparation, if one was started and is still under way (at most 10 s: a stuck
   * preparation only costs speed).
   */
  public static void awaitDone() {
    Thread t = thread;
    if (t == null || t == Thread.currentThread() || !t.isAlive()) return;
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
