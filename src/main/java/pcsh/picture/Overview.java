package pcsh.picture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import pcsh.access.CustomerAccess;
import pcsh.access.CustomerAccess.RelationshipView;
import pcsh.api.AuditRecord;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RateLimiter;
import pcsh.api.Resource;
import pcsh.failure.Failure;
import pcsh.qualification.QualificationState;

/**
 * {@code customer overview}: one screen for support, its parts read at once within the rate limit.
 * Each part stands alone: one that fails holds its error, and the others still hold their data.
 */
public final class Overview {

  /** The parts, in the order they are shown; the names are the keys of the JSON output. */
  public static final List<String> PARTS =
      List.of(
          "company",
          "accountStatus",
          "qualification",
          "gdap",
          "subscriptions",
          "licences",
          "resellers",
          "serviceRequests");

  /** How many parts are read at once. */
  static final int THREADS = 8;

  /** The customer as read: its company profile, domain, tenant and relationship to the partner. */
  public record Company(Resource customer) {}

  /** The qualification now and its last change in the audit log's last 30 days. */
  public record Qualification(QualificationState state, Optional<AuditRecord> lastChange) {}

  /** The GDAP verdict, and the active relationship that ends first. */
  public record Gdap(CustomerAccess access, Optional<RelationshipView> nearestExpiry) {}

  /** Subscriptions counted by status (as sent), and the next commitment end of an active one. */
  public record Subscriptions(
      int total, Map<String, Integer> byStatus, Optional<Resource> nextCommitmentEnd) {}

  /** A subscribed SKU near or over its limit: {@code state} is over, near or warning. */
  public record Flagged(Resource sku, String state) {}

  /** The subscribed SKUs near or over their limit, of {@code total}. */
  public record Licences(int total, List<Flagged> flagged) {}

  /** The customer's indirect resellers. */
  public record Resellers(List<Resource> resellers) {}

  /** The customer's open service requests. */
  public record ServiceRequests(List<Resource> open) {}

  /** One part: its data, or the error that stopped it. */
  public record Part(String key, Object data, RuntimeException error) {
    public boolean failed() {
      return error != null;
    }
  }

  /** Every part, in {@link #PARTS} order. */
  public record Result(String customerId, List<Part> parts) {
    public boolean anyFailed() {
      return parts.stream().anyMatch(Part::failed);
    }

    public Part part(String key) {
      return parts.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
  }

  private final CustomerPicture picture;
  private final Function<String, QualificationState> qualification;
  private final Function<String, Optional<AuditRecord>> lastChange;
  private final Function<String, CustomerAccess> gdap;
  private final PartnerCenterClient client;
  private final RateLimiter limiter;
  private final Clock clock;

  /**
   * @param qualification reads the customer's qualification now
   * @param lastChange the customer's last qualification change in the audit log, if any
   * @param gdap the partner's GDAP relationships with the customer (Microsoft Graph)
   * @param limiter the session's limit, which the parts' requests wait for (unless one is set)
   */
  public Overview(
      CustomerPicture picture,
      Function<String, QualificationState> qualification,
      Function<String, Optional<AuditRecord>> lastChange,
      Function<String, CustomerAccess> gdap,
      PartnerCenterClient client,
      RateLimiter limiter,
      Clock clock) {
    this.picture = picture;
    this.qualification = qualification;
    this.lastChange = lastChange;
    this.gdap = gdap;
    this.client = client;
    this.limiter = limiter;
    this.clock = clock;
  }

  /** Reads every part at once; Ctrl-C stops them all. */
  public Result of(String customerId) {
    Map<String, Callable<Object>> tasks = new LinkedHashMap<>();
    tasks.put("company", () -> new Company(picture.customer(customerId)));
    tasks.put("accountStatus", () -> picture.accountStatus(customerId));
    tasks.put("qualification", () -> qualification.apply(customerId));
    tasks.put("lastChange", () -> lastChange.apply(customerId));
    tasks.put("gdap", () -> gdap(gdap.apply(customerId)));
    tasks.put(
        "subscriptions", () -> subscriptions(picture.subscriptions(customerId, null, null, null)));
    tasks.put("licences", () -> licences(picture.licences(customerId, null)));
    tasks.put("resellers", () -> resellers(picture.relationships(customerId)));
    tasks.put(
        "serviceRequests",
        () -> new ServiceRequests(picture.serviceRequests(customerId, Overview::open)));
    Map<String, Object> done = new LinkedHashMap<>();
    Map<String, RuntimeException> failed = new LinkedHashMap<>();
    boolean ownLimit = client.rateLimiter() == null;
    if (ownLimit) client.rateLimit(limiter);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, Overview::thread);
    try {
      Map<String, Future<Object>> futures = new LinkedHashMap<>();
      tasks.forEach((k, t) -> futures.put(k, pool.submit(t)));
      for (Map.Entry<String, Future<Object>> f : futures.entrySet()) {
        try {
          done.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          failed.put(f.getKey(), asRuntime(e.getCause()));
        } catch (CancellationException e) {
          failed.put(f.getKey(), e);
        }
      }
    } catch (InterruptedException e) {
      throw Failure.failed(
          "Stopped (Ctrl-C) while reading the customer's overview.", "run it again.");
    } finally {
      pool.shutdownNow();
      if (ownLimit) client.rateLimit(null);
    }
    List<Part> parts = new ArrayList<>();
    for (String key : PARTS) {
      if (key.equals("qualification") && done.containsKey(key)) {
        @SuppressWarnings("unchecked")
        Optional<AuditRecord> last =
            (Optional<AuditRecord>) done.getOrDefault("lastChange", Optional.empty());
        parts.add(new Part(key, new Qualification((QualificationState) done.get(key), last), null));
      } else {
        parts.add(new Part(key, done.get(key), failed.get(key)));
      }
    }
    return new Result(customerId, List.copyOf(parts));
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "pcsh-overview");
    t.setDaemon(true);
    return t;
  }

  private static RuntimeException asRuntime(Throwable t) {
    return t instanceof RuntimeException r
        ? r
        : new IllegalStateException(t == null ? "failed" : String.valueOf(t.getMessage()), t);
  }

  static Gdap gdap(CustomerAccess access) {
    Optional<RelationshipView> nearest =
        access.relationships().stream()
            .filter(r -> "active".equalsIgnoreCase(r.status()))
            .filter(r -> r.endDateTime() != null && !r.endDateTime().isBlank())
            .min(Comparator.comparing(RelationshipView::endDateTime));
    return new Gdap(access, nearest);
  }

  Subscriptions subscriptions(List<Resource> all) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (Resource s : all) byStatus.merge(SubscriptionStatus.of(s), 1, Integer::sum);
    String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    Optional<Resource> next =
        all.stream()
            .filter(s -> SubscriptionStatus.of(s).equals("active"))
            .filter(s -> commitmentEnd(s) != null)
            .filter(s -> commitmentEnd(s).compareTo(today) >= 0)
            .filter(s -> commitmentEnd(s).compareTo("9999") < 0) // non-renewing legacy ones
            .min(Comparator.comparing(Overview::commitmentEnd));
    return new Subscriptions(all.size(), byStatus, next);
  }

  /** The commitment end's date ({@code yyyy-MM-dd}), from either documented field. */
  public static String commitmentEnd(Resource s) {
    String d = s.text("commitmentEndDate");
    if (d == null || d.isBlank()) d = s.text("commitmentEndDateTime");
    if (d == null || d.length() < 10 || !d.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}"))
      return null;
    return d.substring(0, 10);
  }

  static Licences licences(List<Resource> skus) {
    List<Flagged> flagged = new ArrayList<>();
    for (Resource sku : skus) {
      String state = limitState(sku);
      if (state != null) flagged.add(new Flagged(sku, state));
    }
    return new Licences(skus.size(), flagged);
  }

  /**
   * {@code over} when more units are consumed than there are ({@code totalUnits}, else {@code
   * activeUnits}), {@code warning} when units are in their grace period ({@code warningUnits}),
   * {@code near} at 90% of them or more; null otherwise. (The service documents the units, not a
   * limit: this reading is pcsh's.)
   */
  public static String limitState(Resource sku) {
    long consumed = sku.number("consumedUnits").orElse(0L);
    long total = sku.number("totalUnits").or(() -> sku.number("activeUnits")).orElse(0L);
    if (consumed > total) return "over";
    if (sku.number("warningUnits").orElse(0L) > 0) return "warning";
    if (total > 0 && consumed * 10 >= total * 9) return "near";
    return null;
  }

  static Resellers resellers(List<Resource> relationships) {
    return new Resellers(
        relationships.stream()
            .filter(
                r ->
                    !String.valueOf(r.text("relationshipType"))
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("provider"))
            .toList());
  }

  /** Open: open or attention needed, or a status pcsh has not seen; not closed, not none. */
  static boolean open(Resource request) {
    String s = ServiceRequestValues.status(request);
    return s == null || !(s.equals("closed") || s.equals("none"));
  }
}
