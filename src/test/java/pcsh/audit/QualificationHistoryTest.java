package pcsh.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.api.AuditClient;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.audit.QualificationHistory.Change;
import pcsh.audit.QualificationHistory.Source;
import pcsh.emulator.Emulator;
import pcsh.emulator.EmulatorConfig;
import pcsh.emulator.SeedCustomers;
import pcsh.output.Progress;
import pcsh.qualification.QualificationState;
import pcsh.qualification.QualificationWrite;
import pcsh.qualification.QualificationWriter;
import pcsh.qualification.WriteJournal;

/**
 * One customer's timeline: the audit log's qualification changes merged with the write journal, by
 * MS-RequestId against the emulator, by customer, qualification and time against records that carry
 * no request id.
 */
class QualificationHistoryTest {

  static final String NORTHWIND = SeedCustomers.NORTHWIND_ID;
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void pcshsWritesAreMatchedByRequestIdOthersAreElsewhereAndUnloggedOnesSaySo() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.inMemory())) {
      PartnerCenterClient client = client(emulator.baseUrl().toString());
      WriteJournal journal =
          new WriteJournal(Files.createTempDirectory("pcsh-history").resolve("journal.jsonl"))
              .forSession("20261201-101500-1a2b", () -> "corr");
      QualificationWriter writer = new QualificationWriter(client, journal, (id, s) -> {});
      QualificationWriter.Outcome gcc =
          writer.send(
              NORTHWIND,
              QualificationWrite.legacy(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "448812"),
              writer.read(NORTHWIND),
              PartnerCenterClient.newRequestId(),
              QualificationWriter.Throttled.NEVER);
      postFromAnotherTool(emulator, "{\"qualification\":\"StateOwnedEntity\"}");
      journal.intent(
          "f00dfeed-0000-4000-8000-000000000002", NORTHWIND, "Education (legacy PUT)", "None");

      QualificationHistory.Timeline t =
          new QualificationHistory(
                  new AuditTrail(new AuditClient(client), Clock.systemUTC()), journal, writer::read)
              .of(NORTHWIND, AuditRange.lastDays(90, Clock.systemUTC()), Progress.NONE);

      assertThat(t.changes())
          .extracting(Change::source)
          .containsExactly(Source.PCSH, Source.ELSEWHERE, Source.PCSH_NOT_IN_LOG);
      Change mine = t.changes().get(0);
      assertThat(mine.before()).isEqualTo("None");
      assertThat(mine.after()).isEqualTo("GovernmentCommunityCloud");
      assertThat(mine.session()).isEqualTo("20261201-101500-1a2b");
      assertThat(mine.status()).isEqualTo("succeeded");
      assertThat(mine.requestId()).isEqualTo(gcc.requestId());
      assertThat(mine.correlationId()).isEqualTo("corr");
      assertThat(mine.user()).isEqualTo(Emulator.DEMO_USER);
      Change other = t.changes().get(1);
      assertThat(other.after()).isEqualTo("StateOwnedEntity");
      assertThat(other.application()).isEqualTo("Contoso Onboarding Tool");
      assertThat(other.session()).isNull();
      Change unlogged = t.changes().get(2);
      assertThat(unlogged.after()).isEqualTo("Education");
      assertThat(unlogged.status()).isEqualTo("PENDING (no outcome yet)");
      assertThat(unlogged.record()).isNull();
      assertThat(t.now().held())
          .containsExactly(
              QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, QualificationKind.STATE_OWNED_ENTITY);
    }
  }

  @Test
  void withoutRequestIdsTheSameCustomerQualificationAndFiveMinutesMakeOneChange() throws Exception {
    WriteJournal journal =
        new WriteJournal(Files.createTempDirectory("pcsh-history").resolve("journal.jsonl"));
    journal.intent(
        "aaaaaaaa-0000-4000-8000-000000000001",
        NORTHWIND,
        "GovernmentCommunityCloud (legacy PUT)",
        "None");
    journal.outcome(
        "aaaaaaaa-0000-4000-8000-000000000001",
        WriteJournal.Result.APPLIED,
        "GovernmentCommunityCloud",
        null);
    Instant now = Instant.now();
    String records =
        String.join(
            ",",
            record("near-gcc", now.minusSeconds(120), "GovernmentCommunityCloud"),
            record("near-education", now.minusSeconds(60), "Education"),
            record("far-gcc", now.minusSeconds(1200), "GovernmentCommunityCloud"),
            record("closer-unreadable", now.minusSeconds(400), null),
            "{\"id\":\"not-a-qualification\",\"customerId\":\""
                + NORTHWIND
                + "\",\"operationType\":\"create_order\",\"operationDate\":\""
                + now
                + "\"}");
    wm.stubFor(get(urlPathEqualTo("/v1/auditrecords")).willReturn(okJson("{\"items\":[]}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .withQueryParam("startDate", equalTo(TODAY.minusDays(29).toString()))
            .willReturn(okJson("{\"items\":[" + records + "]}")));
    PartnerCenterClient client = client(wm.baseUrl());

    QualificationHistory.Timeline t =
        new QualificationHistory(
                new AuditTrail(new AuditClient(client), Clock.systemUTC()),
                journal,
                id -> new QualificationState(Optional.empty(), Optional.of(List.of())))
            .of(NORTHWIND, AuditRange.lastDays(90, Clock.systemUTC()), Progress.NONE);

    assertThat(t.changes())
        .filteredOn(c -> c.source() == Source.PCSH)
        .singleElement()
        .satisfies(c -> assertThat(c.record().id()).isEqualTo("near-gcc"));
    assertThat(t.changes())
        .filteredOn(c -> c.source() == Source.ELSEWHERE)
        .extracting(c -> c.record().id())
        .containsExactlyInAnyOrder("near-education", "far-gcc", "closer-unreadable");
    assertThat(t.changes()).extracting(Change::time).isSorted();
    for (int back : new int[] {0, 30, 60}) {
      wm.verify(
          getRequestedFor(urlPathEqualTo("/v1/auditrecords"))
              .withQueryParam("startDate", equalTo(TODAY.minusDays(back + 29L).toString()))
              .withQueryParam("endDate", equalTo(TODAY.minusDays(back).toString()))
              .withQueryParam(
                  "filter",
                  equalToJson(
                      "{\"Field\":\"CustomerId\",\"Value\":\""
                          + NORTHWIND
                          + "\",\"Operator\":\"equals\"}")));
    }
  }

  @Test
  void aRecordWhoseValuesNameNoQualificationIsMatchedOnCustomerAndTimeAlone() throws Exception {
    WriteJournal journal =
        new WriteJournal(Files.createTempDirectory("pcsh-history").resolve("journal.jsonl"));
    journal.intent(
        "bbbbbbbb-0000-4000-8000-000000000001", NORTHWIND, "Education (legacy PUT)", "None");
    wm.stubFor(
        get(urlPathEqualTo("/v1/auditrecords"))
            .willReturn(
                okJson(
                    "{\"items\":["
                        + record("unreadable", Instant.now().minusSeconds(90), null)
                        + "]}")));

    QualificationHistory.Timeline t =
        new QualificationHistory(
                new AuditTrail(new AuditClient(client(wm.baseUrl())), Clock.systemUTC()),
                journal,
                id -> new QualificationState(Optional.empty(), Optional.of(List.of())))
            .of(NORTHWIND, AuditRange.lastDays(1, Clock.systemUTC()), Progress.NONE);

    assertThat(t.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.source()).isEqualTo(Source.PCSH);
              assertThat(c.after()).isEqualTo("Education");
              assertThat(c.before()).isEqualTo("None");
            });
  }

  private static String record(String id, Instant time, String qualification) {
    return "{\"id\":\""
        + id
        + "\",\"customerId\":\""
        + NORTHWIND
        + "\",\"operationType\":\"update_customer_qualification\",\"operationStatus\":\"succeeded\","
        + "\"operationDate\":\""
        + time
        + "\""
        + (qualification == null
            ? ""
            : ",\"resourceNewValue\":\"{\\\"Qualification\\\":\\\"" + qualification + "\\\"}\"")
        + "}";
  }

  private static PartnerCenterClient client(String baseUrl) {
    return new PartnerCenterClient(
        () -> baseUrl,
        () -> Optional.of("t"),
        () -> "corr",
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  /** A write by another tool: it names itself, and pcsh's journal never hears of it. */
  private static void postFromAnotherTool(Emulator emulator, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            emulator.baseUrl() + "/v1/customers/" + NORTHWIND + "/qualifications"))
                    .header("Authorization", "Bearer other-tool")
                    .header("Content-Type", "application/json")
                    .header("MS-PartnerCenter-Application", "Contoso Onboarding Tool")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
  }
}
