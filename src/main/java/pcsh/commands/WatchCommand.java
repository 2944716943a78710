package pcsh.commands;

import java.time.Duration;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import pcsh.api.PartnerCenterClient;
import pcsh.failure.Failure;
import pcsh.output.Text;
import pcsh.qualification.VettingWatch;
import pcsh.session.SessionHolder;
import pcsh.shell.SharedOptions;
import pcsh.shell.Ui;
import pcsh.values.Values;

/** Follows an Education qualification through vetting until it leaves InReview. */
@Command(group = "Qualification")
public class WatchCommand {

  private final SessionHolder session;
  private final VettingWatch watch;

  WatchCommand(PartnerCenterClient client, SessionHolder session, Ui ui) {
    this.session = session;
    this.watch =
        new VettingWatch(
            client, ui, (id, status) -> session.update(s -> s.knowingQualification(id, status)));
  }

  @Command(
      command = "qualification watch",
      description =
          """
          Follow Education vetting until it leaves InReview.
          Polls the customer's V2 qualifications, backing off: exit 0 on Approved, 5 on Denied \
          (with the vettingReason), 1 when --timeout passes. Ctrl-C stops watching.
          Example: qualification watch
          Example: qualification watch --interval 10s --timeout 2h
          See also: qualify education, qualification show""")
  String watch(
      @Option(longNames = SharedOptions.CUSTOMER) String customer,
      @Option(
              longNames = "interval",
              label = "DURATION",
              defaultValue = "5s",
              description = "first wait between checks, 100ms to 1h; it doubles up to 1m")
          String interval,
      @Option(
              longNames = "timeout",
              label = "DURATION",
              defaultValue = "1h",
              description = "give up after this long, 1s to 30d")
          String timeout) {
    String id = Inputs.targetCustomer(customer, session);
    Duration wait =
        Values.duration("--interval", interval, Duration.ofMillis(100), Duration.ofHours(1));
    Duration limit =
        Values.duration("--timeout", timeout, Duration.ofSeconds(1), Duration.ofDays(30));
    VettingWatch.Result r = watch.watch(id, wait, limit);
    return switch (r.end()) {
      case APPROVED -> "Education vetting is Approved (checked " + r.checks() + " times).";
      case DENIED ->
          throw Failure.refused(
              "Education vetting was Denied: "
                  + Optional.ofNullable(r.reason()).map(Text::oneLine).orElse("no reason given")
                  + ".",
              "see `qualification show`; the customer may apply again with corrected details.");
      case OTHER -> "Education vetting is " + Text.oneLine(r.status()) + "; nothing more to watch.";
      case TIMED_OUT ->
          throw Failure.failed(
              "Education vetting is still InReview after "
                  + timeout
                  + " ("
                  + r.checks()
                  + " checks).",
              "run `qualification watch` again later, or with a longer --timeout.");
      case STOPPED -> "Stopped watching; Education is still InReview.";
    };
  }
}
