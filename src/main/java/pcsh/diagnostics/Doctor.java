package pcsh.diagnostics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pcsh.access.AccessCheck;
import pcsh.api.Exchange;
import pcsh.api.PartnerCenterClient;
import pcsh.auth.Authenticator;
import pcsh.picture.CustomerPicture;
import pcsh.picture.SignInKind;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;
import pcsh.session.SessionHolder;
import pcsh.session.Settings;
import pcsh.session.SettingsFiles.Origin;

/**
 * {@code doctor}: one checklist of what stands between the user and a qualification write, in the
 * order a support engineer asks: settings and private files, the service, the sign-in and its
 * token's claims, the writes of this session, and with a customer, that customer, its account
 * status and its GDAP access. Each line is OK, WARN or FAIL with what was found and the next step;
 * no line prints a secret.
 */
public final class Doctor {

  private final Settings settings;
  private final Function<String, Origin> provenance;
  private final PartnerCenterClient client;
  private final QualificationWriter qualifications;
  private final WriteJournal journal;
  private final Authenticator auth;
  private final SessionHolder session;
  private final AccessCheck access;
  private final Clock clock;

  /**
   * @param provenance where each setting came from ({@code SettingsFiles.provenance})
   */
  public Doctor(
      Settings settings,
      Function<String, Origin> provenance,
      PartnerCenterClient client,
      QualificationWriter qualifications,
      WriteJournal journal,
      Authenticator auth,
      SessionHolder session,
      AccessCheck access,
      Clock clock) {
    this.settings = settings;
    this.provenance = provenance;
    this.client = client;
    this.qualifications = qualifications;
    this.journal = journal;
    this.auth = auth;
    this.session = session;
    this.access = access;
    this.clock = clock;
  }

  /**
   * Runs every check, in order.
   *
   * @param customerId the customer to check as well, or empty
   */
  public List<Check> run(Optional<String> customerId) {
    List<Check> checks = new ArrayList<>(new LocalChecks(settings, provenance).run());
    String target = settings.embedded() ? "the embedded emulator" : settings.apiBaseUrl();
    checks.addAll(new ServiceChecks(client, target).run());
    checks.addAll(new TokenChecks(settings, auth, clock).run(session.get().principal()));
    checks.add(rateLimit());
    checks.add(journal());
    customerId.ifPresent(
        id ->
            checks.addAll(
                new CustomerChecks(
                        client,
                        qualifications,
                        access,
                        new CustomerPicture(client, SignInKind.appOnly(session, auth)))
                    .run(id)));
    return List.copyOf(checks);
  }

  /** The 429s among the requests this session made (the last 50 kept). */
  private Check rateLimit() {
    List<Exchange> recent = client.exchanges().recent();
    long throttled = recent.stream().filter(e -> e.status() == 429).count();
    if (throttled == 0) {
      return Check.ok("rate limit", "no 429 among this session's " + recent.size() + " request(s)");
    }
    return Check.warn(
        "rate limit",
        throttled + " of this session's last " + recent.size() + " requests were throttled (429)",
        "slow down: Partner Center allows about 500 requests a minute per tenant for customers;"
            + " `qualify bulk` keeps to pcsh.bulk.rate-limit.");
  }

  private Check journal() {
    List<WriteJournal.Entry> pending;
    try {
      pending = journal.pending();
    } catch (RuntimeException e) {
      return Check.warn(
          "write journal", "unreadable: " + e.getMessage(), "check " + journal.file() + ".");
    }
    if (pending.isEmpty()) return Check.ok("write journal", "no write left without an outcome");
    return Check.warn(
        "write journal",
        pending.size()
            + " write(s) without a known outcome (MS-RequestId "
            + String.join(", ", pending.stream().map(WriteJournal.Entry::requestId).toList())
            + ")",
        "run `journal`: it settles them by reading them back.");
  }
}
