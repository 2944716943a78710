package pcsh.diagnostics;

import java.util.ArrayList;
import java.util.List;
import pcsh.access.AccessCheck;
import pcsh.access.CustomerAccess;
import pcsh.api.Customer;
import pcsh.api.PartnerCenterClient;
import pcsh.api.PartnerCenterException;
import pcsh.failure.Failure;
import pcsh.graph.GraphException;
import pcsh.output.Text;
import pcsh.picture.AccountStatus;
import pcsh.picture.CustomerPicture;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWriter;

/**
 * With a customer: it can be read, its qualification can be read, its account status (blocked
 * transactions are a warning), and the GDAP access Partner Center wants for a
 * GovernmentCommunityCloud write (a warning, never a failure: Partner Center decides).
 */
final class CustomerChecks {

  private final PartnerCenterClient client;
  private final QualificationWriter qualifications;
  private final AccessCheck access;
  private final CustomerPicture picture;

  CustomerChecks(
      PartnerCenterClient client,
      QualificationWriter qualifications,
      AccessCheck access,
      CustomerPicture picture) {
    this.client = client;
    this.qualifications = qualifications;
    this.access = access;
    this.picture = picture;
  }

  List<Check> run(String customerId) {
    List<Check> checks = new ArrayList<>();
    try {
      Customer c = client.customer(customerId);
      checks.add(
          Check.ok(
              "customer",
              Text.oneLine(c.companyName() == null ? "(no name)" : c.companyName())
                  + " ("
                  + customerId
                  + ") is readable"));
    } catch (PartnerCenterException e) {
      checks.add(Check.fail("customer", failure(e), next(e)));
      return checks;
    } catch (RuntimeException e) {
      checks.add(
          Check.warn(
              "customer", "not checked: " + Text.oneLine(e.getMessage()), "see the lines above."));
      return checks;
    }
    try {
      QualificationState q = qualifications.read(customerId);
      checks.add(Check.ok("qualification", "readable: " + Text.oneLine(q.summary())));
    } catch (PartnerCenterException e) {
      checks.add(Check.fail("qualification", failure(e), next(e)));
    }
    checks.add(accountStatus(customerId));
    checks.add(gdap(customerId));
    return checks;
  }

  /** Blocked transactions are a warning: Partner Center decides, and pcsh can change nothing. */
  private Check accountStatus(String customerId) {
    String name = "account status";
    try {
      AccountStatus s = picture.accountStatus(customerId);
      if (!s.blocking()) return Check.ok(name, Text.oneLine(s.sentence()));
      return Check.warn(
          name,
          Text.oneLine(s.sentence()),
          "Partner Center is reviewing or has refused the customer's account: it cannot buy until"
              + " the status is Allowed; see the customer's account in Partner Center.");
    } catch (PartnerCenterException e) {
      return Check.warn(
          name, "not checked: " + failure(e), "`account status` shows the error in full.");
    } catch (Failure e) {
      return Check.warn(name, "not checked: " + Text.oneLine(e.getMessage()), e.nextStep());
    }
  }

  private Check gdap(String customerId) {
    String name = "GDAP for GCC";
    try {
      CustomerAccess a = access.read(customerId);
      return a.verdict().ok()
          ? Check.ok(name, a.verdict().text())
          : Check.warn(
              name,
              a.verdict().text(),
              "a GovernmentCommunityCloud write needs one of these roles; `customer access` lists"
                  + " the relationships.");
    } catch (Failure e) {
      return Check.warn(name, "not checked: " + e.getMessage(), e.nextStep());
    } catch (GraphException e) {
      return Check.warn(
          name,
          "not checked: Microsoft Graph answered "
              + (e.status() == 0 ? "nothing" : "HTTP " + e.status())
              + e.code().map(c -> " " + c).orElse("")
              + ": "
              + Text.oneLine(e.getMessage())
              + e.requestId().map(id -> " (request-id " + id + ")").orElse(""),
          "`customer access` shows the error in full; Partner Center commands are not affected.");
    }
  }

  private static String failure(PartnerCenterException e) {
    return e.method()
        + " "
        + e.url()
        + (e.status() == 0 ? ": no response" : " answered " + e.status())
        + e.errorCode().map(c -> ", error " + c).orElse("")
        + ": "
        + Text.oneLine(e.description())
        + " (MS-RequestId "
        + e.requestId()
        + ")";
  }

  private static String next(PartnerCenterException e) {
    return e.status() == 404
        ? "check the customer id: `customers list --name <prefix>` finds it."
        : "see the reachability and sign-in lines above.";
  }
}
