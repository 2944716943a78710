package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit history a new emulator starts with, so a first `audit list` shows something real: 34
 * records over the last 60 days, dated back from the start of the current UTC day (the same all
 * day), across several operation types and statuses, with and without customer or user, old and new
 * values as JSON, bare strings or null. Among them the GCC set on Tailspin County Government by the
 * demo admin through "Partner Center Native App", and a failed Education attempt on Contoso Health.
 * Operation types past the documented qualification one are plausible names, not a list from the
 * docs.
 */
final class SeedAudit {

  /**
   * One record a line: days before today, time of day, customer, user, application, resource type,
   * operation, status, old value, new value; {@code -} is none. {@code Q(x)} is the emulator's
   * guess at a qualification value ({@link AuditedWrite#value}).
   */
  private static final String TABLE =
      """
      58 09:12:40 | contoso-ltd | admin | native | customer | add_customer | succeeded | - | {"CompanyName":"Contoso Ltd","Domain":"contoso.onmicrosoft.com"}
      57 16:03:05 | - | - | fulfillment | customer | add_customer | failed | - | {"CompanyName":"Fourth Coffee","Domain":"fourthcoffee.onmicrosoft.com"}
      55 11:30:00 | woodgrove | - | app-id | customer | update_customer_qualification | succeeded | Q(None) | Q(StateOwnedEntity)
      54 10:00:00 | woodgrove | admin | native | order | create_order | succeeded | - | {"LineItems":[{"OfferId":"CFQ7TTC0LF8Q:0001","Quantity":25}]}
      52 14:22:10 | fabrikam | helpdesk | native | customer_user | add_customer_user | succeeded | - | {"UserPrincipalName":"teacher1@fabrikamschools.onmicrosoft.com"}
      50 08:45:00 | fabrikam | helpdesk | native | license | update_customer_user_licenses | succeeded | {"LicensesToAssign":[],"Attributes":{"ObjectType":"LicenseUpdate"}} | {"LicensesToAssign":[{"SkuId":"94763226-9b3c-4e75-a931-5c89701abe66"}],"Attributes":{"ObjectType":"LicenseUpdate"}}
      49 13:10:00 | northwind | admin | native | subscription | update_subscription | succeeded | {"Quantity":10} | {"Quantity":15}
      47 17:55:30 | contoso-health | admin | native | customer | update_customer_billing_profile | succeeded | {"Email":"billing@contosohealth.example"} | {"Email":"accounts@contosohealth.example"}
      45 09:05:12 | litware | ops | sync | customer_user | reset_customer_user_password | succeeded | - | -
      44 12:00:00 | adatum | admin | native | granular_admin_relationship | create_granular_admin_relationship | succeeded | - | {"DisplayName":"Adatum GDAP","Duration":"P730D"}
      41 10:14:02 | tailspin | admin | native | customer | update_customer_qualification | succeeded | Q(None) | Q(GovernmentCommunityCloud)
      40 15:40:00 | tailspin | admin | native | granular_admin_relationship | approve_granular_admin_relationship | succeeded | {"Status":"approvalPending"} | {"Status":"active"}
      38 11:11:11 | contoso-health | helpdesk | native | customer | update_customer_qualification | failed | Q(None) | Q(Education)
      37 09:00:00 | northwind | admin | native | order | create_order | succeeded | - | {"LineItems":[{"OfferId":"CFQ7TTC0LH18:0001","Quantity":5}]}
      35 16:20:00 | contoso-ltd | - | fulfillment | subscription | update_subscription | succeeded | {"Status":"active"} | {"Status":"suspended"}
      31 13:45:00 | woodgrove | admin | native | license | update_customer_user_licenses | failed | ENTERPRISEPACK | ENTERPRISEPREMIUM
      29 08:15:00 | litware | admin | native | customer | update_customer_billing_profile | succeeded | {"FirstName":"Ana"} | {"FirstName":"Ana Maria"}
      27 14:00:00 | adatum | admin | native | order | create_order | succeeded | - | {"LineItems":[{"OfferId":"CFQ7TTC0LF8Q:0001","Quantity":300}]}
      25 11:20:00 | northwind | ops | sync | subscription | update_subscription | succeeded | {"Quantity":15} | {"Quantity":18}
      23 09:40:00 | contoso-ltd | helpdesk | native | customer_user | add_customer_user | succeeded | - | {"UserPrincipalName":"it@contoso.onmicrosoft.com"}
      21 16:05:00 | tailspin | admin | native | customer_user | add_customer_user | succeeded | - | {"UserPrincipalName":"clerk@tailspincounty.onmicrosoft.com"}
      19 10:10:10 | fabrikam | - | fulfillment | order | update_order | progress | {"Status":"pending"} | {"Status":"processing"}
      17 12:30:00 | woodgrove | admin | native | granular_admin_relationship | update_granular_admin_relationship | decline | {"Duration":"P730D"} | {"Duration":"P365D"}
      16 10:20:00 | northwind | admin | native | subscription | update_subscription | succeeded | {"Status":"active"} | {"Status":"suspended"}
      15 08:50:00 | contoso-health | admin | native | customer_user | reset_customer_user_password | succeeded | - | -
      13 15:15:15 | litware | helpdesk | native | license | update_customer_user_licenses | succeeded | STANDARDPACK | ENTERPRISEPACK
      12 10:30:00 | fabrikam | helpdesk | native | customer_user | delete_customer_user | succeeded | {"UserPrincipalName":"teacher9@fabrikamschools.onmicrosoft.com"} | -
      11 09:25:00 | adatum | admin | native | customer | update_customer_billing_profile | succeeded | {"Culture":"en-US"} | {"Culture":"en-GB"}
      9 13:00:00 | northwind | admin | native | order | create_order | succeeded | - | {"LineItems":[{"OfferId":"CFQ7TTC0LH0R:0002","Quantity":2}]}
      7 10:45:00 | contoso-ltd | ops | sync | subscription | update_subscription | succeeded | {"AutoRenewEnabled":true} | {"AutoRenewEnabled":false}
      5 17:30:00 | fabrikam | helpdesk | native | customer_user | add_customer_user | succeeded | - | {"UserPrincipalName":"teacher2@fabrikamschools.onmicrosoft.com"}
      3 11:00:00 | tailspin | admin | native | order | create_order | succeeded | - | {"LineItems":[{"OfferId":"CFQ7TTC0LF8S:0001","Quantity":40}]}
      2 14:14:14 | woodgrove | admin | native | partner_relationship | update_customer_partner_role | succeeded | {"Role":"Reseller"} | {"Role":"AdvisorAndReseller"}
      1 09:09:09 | contoso-health | - | fulfillment | subscription | update_subscription | succeeded | {"Quantity":50} | {"Quantity":55}
      """;

  private static final Map<String, String> NAMES =
      Map.of(
          "northwind", SeedCustomers.NORTHWIND_ID,
          "fabrikam", SeedCustomers.FABRIKAM_ID,
          "tailspin", SeedCustomers.TAILSPIN_ID,
          "woodgrove", SeedCustomers.WOODGROVE_ID,
          "adatum", SeedCustomers.ADATUM_ID,
          "litware", SeedCustomers.LITWARE_ID,
          "contoso-ltd", SeedCustomers.CONTOSO_LTD_ID,
          "contoso-health", SeedCustomers.CONTOSO_HEALTH_ID);

  private static final Map<String, String> WHO =
      Map.of(
          "admin", Emulator.DEMO_USER,
          "helpdesk", "helpdesk@contosodemopartner.onmicrosoft.com",
          "ops", "ops@contosodemopartner.onmicrosoft.com",
          "native", "Partner Center Native App",
          "fulfillment", "FulfillmentService",
          "sync", "Contoso Billing Sync",
          "app-id", "7a4c2d9e-3f1b-4c8a-9e6d-1b2c3d4e5f60");

  /** The short name the seed tables use for a named customer ("" for any other). */
  static String keyOf(String customerId) {
    for (Map.Entry<String, String> e : NAMES.entrySet()) {
      if (e.getValue().equals(customerId)) return e.getKey();
    }
    return "";
  }

  private record Row(
      int daysAgo,
      LocalTime time,
      String customerId,
      String user,
      String app,
      String resourceType,
      String operation,
      String status,
      String oldValue,
      String newValue) {

    static Row parse(String line) {
      String[] f = line.split(" \\| ", -1);
      String[] when = f[0].split(" ", -1);
      return new Row(
          Integer.parseInt(when[0]),
          LocalTime.parse(when[1]),
          NAMES.get(f[1]),
          WHO.get(f[2]),
          WHO.get(f[3]),
          f[4],
          f[5],
          f[6],
          value(f[7]),
          value(f[8]));
    }

    private static String value(String v) {
      if (v.equals("-")) return null;
      return v.startsWith("Q(") ? AuditedWrite.value(v.substring(2, v.length() - 1)) : v;
    }
  }

  private static final List<Row> ROWS = TABLE.lines().map(Row::parse).toList();

  private final Instant anchor;

  SeedAudit(Instant now) {
    this.anchor = now.truncatedTo(ChronoUnit.DAYS);
  }

  /** The records, oldest first. */
  List<ObjectNode> records() {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) out.add(entry(i).toJson());
    return out;
  }

  /** When the seeded GCC of Tailspin County Government was set, as its V2 entry dates it. */
  String tailspinGcc() {
    Row gcc =
        ROWS.stream()
            .filter(r -> r.customerId() != null && r.customerId().equals(SeedCustomers.TAILSPIN_ID))
            .filter(r -> r.operation().equals(AuditEntry.QUALIFICATION_CHANGE))
            .findFirst()
            .orElseThrow();
    return time(gcc).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private AuditEntry entry(int i) {
    Row r = ROWS.get(i);
    String name =
        r.customerId() == null
            ? null
            : CustomerDirectory.NAMED.stream()
                .filter(c -> c.id().equals(r.customerId()))
                .findFirst()
                .orElseThrow()
                .companyName();
    String correlation =
        UUID.nameUUIDFromBytes(("pcsh-emulator-audit-" + i).getBytes(UTF_8)).toString();
    List<Map.Entry<String, String>> data =
        r.status().equals("failed") && r.operation().equals(AuditEntry.QUALIFICATION_CHANGE)
            ? List.of(Map.entry("Error", QualificationRules.NOT_AN_ACADEMIC_DOMAIN))
            : List.of();
    return new AuditEntry(
        time(r),
        r.customerId(),
        name,
        r.user(),
        r.app(),
        r.resourceType(),
        r.operation(),
        r.status(),
        r.oldValue(),
        r.newValue(),
        correlation,
        data);
  }

  /** The row's day and time, plus a fraction of a second so the 7 digits are not all zero. */
  private Instant time(Row r) {
    return anchor
        .minus(Duration.ofDays(r.daysAgo()))
        .plusSeconds(r.time().toSecondOfDay())
        .plusNanos((r.daysAgo() * 7_919_300L) % 1_000_000_000L);
  }
}
