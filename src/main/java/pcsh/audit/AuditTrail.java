package pcsh.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pcsh.api.AuditClient;
import pcsh.api.AuditFilter;
import pcsh.api.AuditPage;
import pcsh.api.AuditRecord;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;
import pcsh.output.Progress;

/**
 * Partner Center's audit log (spec 14): who changed what, when, through which tool, for the last 90
 * days. Lists records window by window, finds one by id, and reads a customer's last qualification
 * change.
 */
public final class AuditTrail {

  /** The operation type of a qualification change, the only one any source names. */
  public static final String QUALIFICATION_CHANGE = "update_customer_qualification";

  private final AuditClient client;
  private final Clock clock;

  public AuditTrail(PartnerCenterClient client) {
    this(new AuditClient(client), Clock.systemUTC());
  }

  AuditTrail(AuditClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** The query's records, read as the caller asks for each page. */
  public AuditCursor list(AuditQuery query, Progress progress) {
    return new AuditCursor(client, query, AuditClient.MAX_PAGE, progress);
  }

  /** Every record of the query, newest window first. */
  List<AuditRecord> collect(AuditQuery query, Progress progress) {
    List<AuditRecord> all = new ArrayList<>();
    list(query, progress).each(Integer.MAX_VALUE, all::addAll, () -> {});
    return all;
  }

  /**
   * One record by id. Version 1 of the API has no get-by-id, so the id is searched for: when it has
   * the documented shape, only the days around its time (from its ticks) are read, filtered by its
   * customer; otherwise the whole 90 days.
   *
   * @throws Failure NOT_FOUND when no record has that id
   */
  public AuditRecord find(String recordId, Progress progress) {
    RecordId id = RecordId.parse(recordId);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate oldest = AuditRange.oldestStart(clock);
    AuditRange range = new AuditRange(oldest, today);
    if (id.time().isPresent()) {
      LocalDate day = LocalDate.ofInstant(id.time().get(), ZoneOffset.UTC);
      if (day.isAfter(today.plusDays(1))) {
        throw Failure.usage(
            "'"
                + id.text()
                + "' is not an audit record id: its time ("
                + day
                + ") is in the future.",
            "copy the id from `audit list --output json`.");
      }
      if (day.plusDays(1).isBefore(oldest)) {
        throw Failure.notFound(
            "Audit record "
                + id.text()
                + " is from "
                + day
                + ", older than the 90 days Partner Center keeps.",
            "nothing older than " + oldest + " can be read.");
      }
      // a day either side, in case the ticks and the service's day differ at midnight
      range = new AuditRange(max(day.minusDays(1), oldest), min(day.plusDays(1), today));
    }
    AuditQuery query = new AuditQuery(range, id.customerId().orElse(null), null, null, null);
    AuditCursor c = list(query, progress);
    for (Optional<List<AuditRecord>> page = c.next(); page.isPresent(); page = c.next()) {
      for (AuditRecord r : page.get()) if (id.text().equalsIgnoreCase(r.id())) return r;
    }
    throw Failure.notFound(
        "No audit record " + id.text() + " in " + range + " (" + c.read() + " records read).",
        "`audit list --since 90d --output json` lists the ids of the records Partner Center has.");
  }

  /**
   * The customer's newest successful qualification change in the last 30 days, from one request
   * (the first page); empty when there is none or the audit API is refused or fails.
   */
  public Optional<AuditRecord> lastQualificationChange(String customerId) {
    AuditRange range = AuditRange.lastDays(AuditRange.WINDOW_DAYS, clock);
    AuditPage page;
    try {
      page =
          client.first(
              range.start(),
              range.end(),
              AuditClient.MAX_PAGE,
              new AuditFilter(AuditFilter.Field.CUSTOMER_ID, customerId));
    } catch (PartnerCenterException e) {
      return Optional.empty();
    }
    return page.records().stream()
        .filter(r -> QUALIFICATION_CHANGE.equalsIgnoreCase(r.operationType()))
        .filter(r -> "succeeded".equalsIgnoreCase(r.operationStatus()))
        .filter(r -> customerId.equalsIgnoreCase(r.customerId()))
        .filter(r -> r.time().isPresent())
        .max(Comparator.comparing((AuditRecord r) -> r.time().orElse(Instant.MIN)));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
