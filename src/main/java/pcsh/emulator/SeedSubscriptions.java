package pcsh.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every customer's subscriptions, computed from the customer when a request needs them (never held
 * or written to the state file), dated back from the start of the current UTC day so they are the
 * same all day. The named customers' are in {@link #TABLE}, consistent with the seeded audit
 * history (quantities, orders, the suspensions); every other customer, named or generated, has 2 to
 * 4 derived from its id.
 */
final class SeedSubscriptions {

  /**
   * One subscription a line: customer, offer, quantity, status, billing cycle, term ({@code -} for
   * a legacy one), auto-renew, created (days ago), commitment end (days from today, negative in the
   * past, {@code never} for 9999-12-10), licences consumed, extras: {@code reseller} (the
   * customer's indirect reseller's MPN id as {@code partnerId}), {@code suspended=<reasons>},
   * {@code next=<quantity>} (scheduled next-term instructions), or {@code -}.
   */
  private static final String TABLE =
      """
      northwind | BUSINESS_PREMIUM | 18 | active | annual | P1Y | y | 300 | 65 | 18 | next=20
      northwind | BUSINESS_BASIC | 5 | active | monthly | P1Y | y | 37 | 328 | 4 | -
      northwind | TEAMS_ESSENTIALS | 2 | active | monthly | P1M | y | 9 | 22 | 2 | reseller
      northwind | EXCHANGE_PLAN_1 | 12 | active | monthly | P1Y | y | 200 | 165 | 11 | -
      northwind | POWER_BI_PRO | 8 | expired | monthly | P1Y | n | 385 | -20 | 8 | -
      northwind | VISIO_PLAN_2 | 3 | disabled | annual | P1Y | n | 500 | -135 | 0 | -
      northwind | DEFENDER_BUSINESS | 10 | suspended | monthly | P1Y | y | 150 | 215 | 7 | suspended=PartnerInitiated
      northwind | LEGACY_OFFICE_E1 | 6 | active | annual | - | n | 900 | never | 6 | -
      contoso-health | OFFICE_E3 | 55 | active | monthly | P1Y | y | 120 | 245 | 52 | reseller
      contoso-health | EXCHANGE_PLAN_1 | 20 | active | annual | P1Y | y | 400 | 330 | 14 | -
      contoso-ltd | BUSINESS_STANDARD | 25 | suspended | monthly | P1Y | y | 260 | 105 | 21 | suspended=CustomerCancellation
      contoso-ltd | BUSINESS_BASIC | 40 | active | annual | P1Y | n | 180 | 185 | 33 | -
      tailspin | OFFICE_G3_GCC | 40 | active | annual | P1Y | y | 3 | 362 | 12 | -
      tailspin | EXCHANGE_PLAN_1 | 60 | active | monthly | P1Y | y | 410 | 320 | 58 | -
      woodgrove | OFFICE_E3 | 25 | active | monthly | P1Y | y | 54 | 311 | 25 | -
      adatum | OFFICE_E3 | 300 | active | annual | P1Y | y | 27 | 338 | 240 | -
      fabrikam | OFFICE_A3_FACULTY | 150 | active | annual | P1Y | y | 220 | 145 | 131 | -
      fabrikam | OFFICE_A1_STUDENTS | 1500 | active | monthly | P1M | y | 600 | 11 | 1109 | -
      fabrikam | MINECRAFT_EDUCATION | 300 | active | annual | P1Y | y | 220 | 145 | 260 | -
      """;

  private static final Map<String, Offer> OFFERS =
      Map.ofEntries(
          Map.entry("BUSINESS_BASIC", Offer.BUSINESS_BASIC),
          Map.entry("BUSINESS_STANDARD", Offer.BUSINESS_STANDARD),
          Map.entry("BUSINESS_PREMIUM", Offer.BUSINESS_PREMIUM),
          Map.entry("TEAMS_ESSENTIALS", Offer.TEAMS_ESSENTIALS),
          Map.entry("EXCHANGE_PLAN_1", Offer.EXCHANGE_PLAN_1),
          Map.entry("POWER_BI_PRO", Offer.POWER_BI_PRO),
          Map.entry("VISIO_PLAN_2", Offer.VISIO_PLAN_2),
          Map.entry("DEFENDER_BUSINESS", Offer.DEFENDER_BUSINESS),
          Map.entry("OFFICE_E3", Offer.OFFICE_E3),
          Map.entry("OFFICE_G3_GCC", Offer.OFFICE_G3_GCC),
          Map.entry("OFFICE_A3_FACULTY", Offer.OFFICE_A3_FACULTY),
          Map.entry("OFFICE_A1_STUDENTS", Offer.OFFICE_A1_STUDENTS),
          Map.entry("MINECRAFT_EDUCATION", Offer.MINECRAFT_EDUCATION),
          Map.entry("LEGACY_OFFICE_E1", Offer.LEGACY_OFFICE_E1));

  private static final List<String[]> ROWS =
      TABLE.lines().map(l -> l.split("\\s*\\|\\s*", -1)).toList();

  /** What the service writes for a legacy subscription that does not renew (spec 19). */
  static final Instant NEVER = Instant.parse("9999-12-10T00:00:00Z");

  private SeedSubscriptions() {}

  /** The customer's subscriptions as of {@code now}, in a fixed order. */
  static List<Subscription> of(Customer c, Instant now) {
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    String key = SeedAudit.keyOf(c.id());
    List<Subscription> out = new ArrayList<>();
    for (String[] f : ROWS) {
      if (f[0].equals(key)) out.add(row(c, out.size(), f, day));
    }
    return out.isEmpty() ? derived(c, day) : out;
  }

  private static Subscription row(Customer c, int n, String[] f, Instant day) {
    String extra = f[10];
    String partnerId =
        extra.equals("reseller") ? IndirectPartners.of(c).orElseThrow().mpnId() : null;
    return new Subscription(
        id(c, n),
        OFFERS.get(f[1]),
        Integer.parseInt(f[2]),
        f[3],
        f[4],
        f[5].equals("-") ? null : f[5],
        f[6].equals("y"),
        created(c, n, day, Integer.parseInt(f[7])),
        f[8].equals("never") ? NEVER : day.plus(Duration.ofDays(Integer.parseInt(f[8]))),
        partnerId,
        extra.startsWith("suspended=") ? List.of(extra.substring(10).split(",", -1)) : List.of(),
        extra.startsWith("next=") ? Integer.parseInt(extra.substring(5)) : 0,
        Integer.parseInt(f[9]),
        orderId(c, n));
  }

  /**
   * 2 to 4 one-year subscriptions from the common offers; one in five customers has one expired.
   */
  private static List<Subscription> derived(Customer c, Instant day) {
    int h = c.id().hashCode() & 0x7fffffff;
    int count = 2 + h % 3;
    List<Subscription> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Offer offer = Offer.COMMON.get((h / 3 + n * 5) % Offer.COMMON.size());
      int quantity = 5 + (h >>> n) % 60;
      int createdAgo = 20 + (h / (n + 7)) % 700;
      boolean expired = n == count - 1 && h % 5 == 0;
      int endsIn = expired ? -(1 + h % 40) : 365 - createdAgo % 365;
      out.add(
          new Subscription(
              id(c, n),
              offer,
              quantity,
              expired ? "expired" : "active",
              n % 2 == 0 ? "monthly" : "annual",
              "P1Y",
              !expired,
              created(c, n, day, createdAgo),
              day.plus(Duration.ofDays(endsIn)),
              null,
              List.of(),
              0,
              quantity * 3 / 4,
              orderId(c, n)));
    }
    return out;
  }

  private static String id(Customer c, int n) {
    return SeedIds.uuid("subscription-" + c.id() + "-" + n);
  }

  private static String orderId(Customer c, int n) {
    return SeedIds.uuid("order-" + c.id() + "-" + n).replace("-", "").toLowerCase(Locale.ROOT);
  }

  private static Instant created(Customer c, int n, Instant day, int daysAgo) {
    int seconds = ((c.id().hashCode() + n * 7919) & 0x7fffffff) % 86_400;
    return day.minus(Duration.ofDays(daysAgo)).plusSeconds(seconds);
  }
}
