package pcsh.api;

import feign.Feign;
import java.net.http.HttpClient;

/**
 * Prepares, on a thread of its own while Spring starts on the main thread, what a command's first
 * request needs: the client's JSON mapper and its readers of the common answers, Feign's reading of
 * the API interface, the HTTP client's classes and the plain-HTTP TLS context. A one-shot command
 * that sends a request then finds them ready (on two cores, about a tenth of a second sooner).
 * Nothing here sends, binds, writes or reads a file. The command waits until this is done before it
 * runs ({@link #awaitDone}), so it never sets up a class at the same time as this thread (parallel
 * class initialisation is where deadlocks hide); Spring's start-up uses none of these.
 */
public final class WarmUp {

  private static volatile Thread thread;

  private WarmUp() {}

  /**
   * Starts preparing, then runs {@code more} (e.g. the embedded emulator's own set-up). A token's
   * claims, which the main thread reads with Jackson as Spring starts, are read before this starts
   * ({@code WarmStart}): the two threads never set up the same classes at once.
   */
  public static synchronized void start(Runnable more) {
    if (thread != null) return;
    Thread t =
        new Thread(
            () -> {
              try {
                prepare();
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

  private static void prepare() {
    PartnerCenterClient.prepare();
    var unusedMetadata = ApiContract.INSTANCE.parseAndValidateMetadata(PartnerCenterApi.class);
    var unusedFeign = Feign.builder();
    var unusedHttp = HttpClient.newBuilder();
    LazyHttpClient.prepare();
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
