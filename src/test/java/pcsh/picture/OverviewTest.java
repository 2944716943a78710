package pcsh.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pcsh.access.CustomerAccess;
import pcsh.api.ExchangeLog;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RateLimiter;
import pcsh.api.RetryPolicy;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.qualification.QualificationState;
import pcsh.session.Redactor;

/** The overview's parts share the session's rate limit, and each fails alone. */
class OverviewTest {

  private Emulator emulator;
  private final ExchangeLog log = new ExchangeLog();
  private PartnerCenterClient client;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.inMemory());
    client =
        new PartnerCenterClient(
            () -> emulator.baseUrl().toString(),
            () -> Optional.of("t"),
            () -> "0d9a8b7c-6e5f-4a3b-9c2d-1e0f2a3b4c5d",
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            () -> false,
            log,
            RetryPolicy.none(),
            Redactor.shared());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void everyRequestOfThePartsWaitsForTheSessionsLimitWhichIsThenRemoved() {
    // one request a second, no burst beyond one, on a clock that only the waits move
    AtomicLong now = new AtomicLong();
    AtomicInteger waits = new AtomicInteger();
    RateLimiter limiter =
        new RateLimiter(
            60,
            1,
            now::get,
            nanos -> {
              waits.incrementAndGet();
              now.addAndGet(nanos);
            });
    Overview.Result r = overview(limiter).of(SeedCustomers.NORTHWIND_ID);

    assertThat(r.anyFailed()).as(r.toString()).isFalse();
    int requests = log.recent().size();
    assertThat(requests).isEqualTo(6); // the qualification and the GDAP part are given here
    // every request but the first waited for its token; the clock moved a second per token
    assertThat(waits.get()).isGreaterThanOrEqualTo(requests - 1);
    assertThat(now.get()).isGreaterThanOrEqualTo((requests - 1) * 1_000_000_000L);
    assertThat(client.rateLimiter()).isNull();
  }

  @Test
  void aLimitAlreadySetIsKeptAndUsed() {
    RateLimiter bulk = RateLimiter.perMinute(100_000, 1000);
    client.rateLimit(bulk);
    RateLimiter unused =
        new RateLimiter(
            1,
            1,
            System::nanoTime,
            nanos -> {
              throw new AssertionError("the session's limit is not used while another is set");
            });

    Overview.Result r = overview(unused).of(SeedCustomers.NORTHWIND_ID);

    assertThat(r.anyFailed()).isFalse();
    assertThat(client.rateLimiter()).isSameAs(bulk);
  }

  @Test
  void aPartThatFailsHoldsItsErrorAndTheOthersTheirData() {
    RuntimeException down = new IllegalStateException("Graph is down");
    Overview o =
        new Overview(
            new CustomerPicture(client, () -> false),
            id -> new QualificationState(Optional.empty(), Optional.of(List.of())),
            id -> Optional.empty(),
            id -> {
              throw down;
            },
            client,
            RateLimiter.perMinute(500, 16),
            Clock.systemUTC());

    Overview.Result r = o.of(SeedCustomers.CONTOSO_LTD_ID);

    assertThat(r.parts()).extracting(Overview.Part::key).containsExactlyElementsOf(Overview.PARTS);
    assertThat(r.part("gdap").error()).isSameAs(down);
    // Contoso Ltd has no GDAP relationship: its licences are refused, naming the roles
    assertThat(r.part("licences").error()).hasMessageContaining("GDAP roles");
    assertThat(r.part("subscriptions").failed()).isFalse();
    Overview.Subscriptions s = (Overview.Subscriptions) r.part("subscriptions").data();
    assertThat(s.byStatus()).containsEntry("suspended", 1).containsEntry("active", 1);
    assertThat(r.part("company").data()).isInstanceOf(Overview.Company.class);
  }

  private Overview overview(RateLimiter limiter) {
    CustomerAccess none =
        new CustomerAccess("x", null, List.of(), new CustomerAccess.Verdict(false, false, "none"));
    return new Overview(
        new CustomerPicture(client, () -> false),
        id -> new QualificationState(Optional.empty(), Optional.of(List.of())),
        id -> Optional.empty(),
        id -> none,
        client,
        limiter,
        Clock.systemUTC());
  }
}
