package pcsh.qualification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pcsh.api.PartnerCenterClient;
import pcsh.api.QualificationKind;
import pcsh.api.QualificationRecord;
import pcsh.api.QualificationRequest;
import pcsh.api.QualificationValue;

/**
 * The requests a write costs, against WireMock: the read before it asks only the API the write
 * uses, and the write's answer is the new state, so nothing is read after it unless the answer does
 * not show the change.
 */
class QualificationWriterTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String LEGACY = "/v1/customers/" + ID + "/qualification";
  static final String V2 = "/v1/customers/" + ID + "/qualifications";
  static final QualificationState NONE =
      new QualificationState(Optional.of(QualificationValue.of("none")), Optional.empty());

  private WriteJournal journal;
  private QualificationWriter writer;

  @BeforeEach
  void setUp() throws Exception {
    PartnerCenterClient client =
        new PartnerCenterClient(
            wm::baseUrl,
            () -> Optional.of("t"),
            () -> "corr",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    journal = new WriteJournal(Files.createTempDirectory("pcsh-writer").resolve("journal.jsonl"));
    writer = new QualificationWriter(client, journal, (id, state) -> {});
  }

  private QualificationWriter.Outcome send(QualificationWrite w, QualificationState before)
      throws InterruptedException {
    return writer.send(ID, w, before, "rid-1", QualificationWriter.Throttled.NEVER);
  }

  @Test
  void theLegacyWritesAnswerIsTheNewStateAndNothingIsReadAfter() throws Exception {
    wm.stubFor(put(urlEqualTo(LEGACY)).willReturn(okJson("\"education\"")));

    QualificationWriter.Outcome o =
        send(QualificationWrite.legacy(QualificationKind.EDUCATION, null), NONE);

    assertThat(o.after().held()).containsExactly(QualificationKind.EDUCATION);
    assertThat(wm.getAllServeEvents()).hasSize(1);
    wm.verify(putRequestedFor(urlEqualTo(LEGACY)).withHeader("MS-RequestId", equalTo("rid-1")));
    assertThat(journal.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.result()).isEqualTo("APPLIED");
              assertThat(e.after()).isEqualTo("Education");
            });
  }

  @Test
  void anAnswerThatDoesNotShowTheChangeIsCheckedByReadingTheLegacyValue() throws Exception {
    wm.stubFor(put(urlEqualTo(LEGACY)).willReturn(aResponse().withStatus(200)));
    wm.stubFor(get(urlEqualTo(LEGACY)).willReturn(okJson("\"education\"")));

    QualificationWriter.Outcome o =
        send(QualificationWrite.legacy(QualificationKind.EDUCATION, null), NONE);

    assertThat(o.after().held()).containsExactly(QualificationKind.EDUCATION);
    assertThat(wm.getAllServeEvents()).hasSize(2);
    wm.verify(1, getRequestedFor(urlEqualTo(LEGACY)));
    assertThat(journal.entries()).singleElement().matches(e -> e.result().equals("APPLIED"));
  }

  @Test
  void aV2WritesAnswerIsAddedToTheListReadBefore() throws Exception {
    wm.stubFor(
        post(urlEqualTo(V2))
            .willReturn(okJson("{\"qualification\":\"StateOwnedEntity\"}").withStatus(201)));
    QualificationState before =
        new QualificationState(
            Optional.empty(),
            Optional.of(List.of(new QualificationRecord("Education", "Approved", null, null))));

    QualificationWriter.Outcome o =
        send(QualificationWrite.v2(QualificationRequest.stateOwnedEntity()), before);

    assertThat(o.after().held())
        .containsExactly(QualificationKind.EDUCATION, QualificationKind.STATE_OWNED_ENTITY);
    assertThat(o.after().summary()).isEqualTo("Education + StateOwnedEntity");
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void theReadBeforeAWriteAsksOnlyTheApiTheWriteUses() {
    wm.stubFor(get(urlEqualTo(LEGACY)).willReturn(okJson("\"none\"")));
    wm.stubFor(get(urlEqualTo(V2)).willReturn(okJson("[]")));

    QualificationState legacy =
        writer.readFor(ID, QualificationWrite.legacy(QualificationKind.EDUCATION, null));
    QualificationState v2 =
        writer.readFor(ID, QualificationWrite.v2(QualificationRequest.stateOwnedEntity()));

    assertThat(legacy.legacy()).isPresent();
    assertThat(legacy.records()).isEmpty();
    assertThat(v2.legacy()).isEmpty();
    assertThat(v2.records()).contains(List.of());
    wm.verify(1, getRequestedFor(urlEqualTo(LEGACY)));
    wm.verify(1, getRequestedFor(urlEqualTo(V2)));
  }

  @Test
  void whenTheWritesApiIsNotOfferedTheOtherOneIsRead() {
    wm.stubFor(get(urlEqualTo(LEGACY)).willReturn(aResponse().withStatus(405)));
    wm.stubFor(
        get(urlEqualTo(V2))
            .willReturn(okJson("[{\"qualification\":\"GovernmentCommunityCloud\"}]")));

    QualificationState s =
        writer.readFor(ID, QualificationWrite.legacy(QualificationKind.EDUCATION, null));

    assertThat(s.held()).containsExactly(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD);
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }
}
