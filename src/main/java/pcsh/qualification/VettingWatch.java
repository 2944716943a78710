package pcsh.qualification;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.failure.Failure;
import pcsh.output.Progress;
import pcsh.output.Text;

/**
 * Follows an Education qualification through vetting: reads the V2 list, backing off from {@code
 * interval} up to {@link #MAX_INTERVAL}, until the newest Education entry leaves InReview or the
 * time is up.
 */
public final class VettingWatch {

  static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  /** How a watch ended. */
  public enum End {
    APPROVED,
    DENIED,
    /** Vetting ended in a status pcsh does not know. */
    OTHER,
    TIMED_OUT,
    /** Ctrl-C: the watching thread was interrupted. */
    STOPPED
  }

  /** The last Education entry read, how the watch ended, and how many reads it took. */
  public record Result(End end, String status, String reason, int checks) {}

  private final PartnerCenterClient client;
  private final Progress progress;
  private final BiConsumer<String, String> seen;

  /**
   * @param seen hears each status read, for the customer's id (the prompt shows it)
   */
  public VettingWatch(
      PartnerCenterClient client, Progress progress, BiConsumer<String, String> seen) {
    this.client = client;
    this.progress = progress;
    this.seen = seen;
  }

  public Result watch(String id, Duration interval, Duration timeout) {
    Duration wait = interval.isZero() ? Duration.ofMillis(100) : interval;
    Instant deadline = Instant.now().plus(timeout);
    int checks = 0;
    String status = "InReview";
    try {
      while (true) {
        checks++;
        QualificationRecord education = education(id);
        status = education.vettingStatus() == null ? "" : education.vettingStatus();
        seen.accept(id, "Education " + status);
        if (status.equalsIgnoreCase("Approved"))
          return new Result(End.APPROVED, status, null, checks);
        if (status.equalsIgnoreCase("Denied")) {
          return new Result(End.DENIED, status, education.vettingReason(), checks);
        }
        if (!status.equalsIgnoreCase("InReview"))
          return new Result(End.OTHER, status, null, checks);
        if (Instant.now().plus(wait).isAfter(deadline)) {
          return new Result(End.TIMED_OUT, status, null, checks);
        }
        progress.progress(
            "Education InReview since "
                + Text.oneLine(String.valueOf(education.vettingCreateDate()))
                + "; check "
                + checks
                + ", next in "
                + human(wait)
                + " (Ctrl-C stops watching)");
        Thread.sleep(wait.toMillis());
        wait =
            wait.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : wait.multipliedBy(2);
      }
    } catch (InterruptedException e) {
      return new Result(End.STOPPED, status, null, checks);
    } finally {
      progress.progressDone();
    }
  }

  /** The newest Education entry of the V2 list. */
  private QualificationRecord education(String id) {
    List<QualificationRecord> records = client.qualifications(id);
    return records.stream()
        .filter(r -> r.value().is(QualificationKind.EDUCATION))
        .max(Comparator.comparing(r -> String.valueOf(r.vettingCreateDate())))
        .orElseThrow(
            () ->
                Failure.refused(
                    "The customer has no Education qualification to watch.",
                    "set one with `qualify education --segment K12` (V2, vetted), then watch it."));
  }

  private static String human(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }
}
