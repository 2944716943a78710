package pcsh.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pcsh.api.DocumentedApi.json;
import static pcsh.api.PartnerCenterClientContract.FABRIKAM;
import static pcsh.api.PartnerCenterClientContract.WOODGROVE;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client reads what the service may add or reshape without failing: unknown fields and unknown
 * qualification values are kept, and a qualifications list wrapped in an object is accepted.
 */
class TolerantReadingTest {

  @RegisterExtension static WireMockExtension wm = DocumentedApi.wireMock();

  private PartnerCenterClient client;

  @BeforeEach
  void stubs() {
    client = DocumentedApi.client(wm);
    DocumentedApi.stub(wm);
  }

  @Test
  void unknownFieldsAndUnknownQualificationValuesAreKeptNotFatal() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + WOODGROVE + "/qualification"))
            .willReturn(json("\"space_agency\"")));

    QualificationValue v = client.legacyQualification(WOODGROVE);

    assertThat(v.kind()).isEmpty();
    assertThat(v.display()).contains("space_agency");
    assertThat(client.customer(FABRIKAM).billingProfile().path("email").asText())
        .isEqualTo("it@fabrikamschools.example");
  }

  @Test
  void wrappedQualificationsListIsAccepted() {
    wm.stubFor(
        get(urlEqualTo("/v1/customers/" + WOODGROVE + "/qualifications"))
            .willReturn(
                json(
                    "{\"qualifications\":[{\"qualification\":\"StateOwnedEntity\"},{\"qualification\":\"education\","
                        + "\"vettingStatus\":\"Denied\",\"vettingReason\":\"Not an Academic Domain\"}]}")));

    var records = client.qualifications(WOODGROVE);

    assertThat(records)
        .extracting(r -> r.value().kind().orElseThrow())
        .containsExactly(QualificationKind.STATE_OWNED_ENTITY, QualificationKind.EDUCATION);
    assertThat(records.get(1).denied()).isTrue();
  }
}
