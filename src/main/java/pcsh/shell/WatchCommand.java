package pcsh.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.output.Text;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;

/** Follows an Education qualification through vetting until it leaves InReview. */
@Command(group = "Qualification")
public class WatchCommand {

  static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  private final PartnerCenterClient client;
  private final SessionHolder session;
  private final Ui ui;

  WatchCommand(PartnerCenterClient client, SessionHolder session, Ui ui) {
    this.client = client;
    this.session = session;
    this.ui = ui;
  }

  @Command(command = "qualification watch", description = "Poll the customer's V2 qualifications, backing off,"
      + " until Education vetting leaves InReview: exit 0 on Approved, 5 on Denied (with the vettingReason), 1 when"
      + " --timeout passes. Ctrl-C stops watching. Example: qualification watch --interval 10s --timeout 1h")
  String watch(
      @Option(longNames = "customer", description = "customer id (default: the selected customer)")
      @OptionValues(provider = "customerIds") String customer,
      @Option(longNames = "interval", defaultValue = "5s", description = "first wait between checks; it doubles"
          + " up to 1m") String interval,
      @Option(longNames = "timeout", defaultValue = "1h", description = "give up after this long") String timeout) {
    String id = Inputs.targetCustomer(customer, session);
    Duration wait = duration("--interval", interval);
    Duration limit = duration("--timeout", timeout);
    if (wait.isZero()) wait = Duration.ofMillis(100);
    Instant deadline = Instant.now().plus(limit);
    int checks = 0;
    try {
      while (true) {
        checks++;
        QualificationRecord education = education(id);
        String status = education.vettingStatus() == null ? "" : education.vettingStatus();
        session.update(s -> s.knowingQualification(id, "Education " + status));
        if (status.equalsIgnoreCase("Approved")) {
          ui.progressDone();
          return "Education vetting is Approved (checked " + checks + " times).";
        }
        if (status.equalsIgnoreCase("Denied")) {
          ui.progressDone();
          throw PcshException.refused("Education vetting was Denied: "
                  + Optional.ofNullable(education.vettingReason()).map(Text::oneLine).orElse("no reason given") + ".",
              "see `qualification show`; the customer may apply again with corrected details.");
        }
        if (!status.equalsIgnoreCase("InReview")) {
          ui.progressDone();
          return "Education vetting is " + Text.oneLine(status) + "; nothing more to watch.";
        }
        if (Instant.now().plus(wait).isAfter(deadline)) {
          ui.progressDone();
          throw PcshException.failure("Education vetting is still InReview after " + timeout + " (" + checks
              + " checks).", "run `qualification watch` again later, or with a longer --timeout.");
        }
        ui.progress("Education InReview since " + Text.oneLine(String.valueOf(education.vettingCreateDate()))
            + "; check " + checks + ", next in " + human(wait) + " (Ctrl-C stops watching)");
        Thread.sleep(wait.toMillis());
        wait = wait.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : wait.multipliedBy(2);
      }
    } catch (InterruptedException e) {
      ui.progressDone();
      return "Stopped watching; Education is still InReview.";
    }
  }

  /** The newest Education entry of the V2 list. */
  private QualificationRecord education(String id) {
    List<QualificationRecord> records = client.qualifications(id);
    return records.stream()
        .filter(r -> r.value().is(QualificationKind.EDUCATION))
        .max(Comparator.comparing(r -> String.valueOf(r.vettingCreateDate())))
        .orElseThrow(() -> PcshException.refused("The customer has no Education qualification to watch.",
            "set one with `qualify education --segment K12` (V2, vetted), then watch it."));
  }

  private static Duration duration(String option, String value) {
    return Settings.parseDuration(value).orElseThrow(() -> PcshException.usage(
        option + " '" + Inputs.shown(value) + "' is not a duration.", "use e.g. 500ms, 10s, 5m or 1h."));
  }

  private static String human(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }
}
