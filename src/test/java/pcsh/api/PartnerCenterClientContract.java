package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One contract for the client, run against every backend: WireMock serving the documented JSON, and
 * the embedded emulator. Both serve the emulator's named seed customers, so the same expectations
 * hold.
 */
abstract class PartnerCenterClientContract {

  static final String NORTHWIND = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  static final String FABRIKAM = "3f1c2a7e-5b0d-4e8a-9c61-2d7f0a9b4e11";
  static final String TAILSPIN = "8b2e4d6f-1a3c-4e5b-9d7f-0a2c4e6b8d13";
  static final String WOODGROVE = "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293";
  static final String ADATUM = "5e7a9c1b-3d5f-4a7b-8c9d-e0f1a2b3c4d5";
  static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
  static final String CORRELATION = "0d9a8b7c-6e5f-4a3b-9c2d-1e0f2a3b4c5d";

  abstract PartnerCenterClient client();

  /**
   * Checks what was sent for the last call; a backend that cannot see its requests checks nothing
   * more.
   */
  abstract void assertSent(String method, String pathAndQuery, String body);

  @Test
  void firstPageHonoursSizeAndOffersAContinuationToken() {
    CustomerPage page = client().customers(2, null);

    assertThat(page.itemsOrEmpty()).extracting(Customer::id).containsExactly(NORTHWIND, FABRIKAM);
    assertThat(page.itemsOrEmpty().get(0).companyName()).isEqualTo("Northwind Traders");
    assertThat(page.nextToken()).isPresent();
    assertSent("GET", "/v1/customers?size=2", null);
  }

  @Test
  void nextPageIsFetchedWithTheContinuationTokenHeader() {
    CustomerPage first = client().customers(2, null);

    CustomerPage second = client().nextCustomers(first.nextToken().orElseThrow());

    assertThat(second.itemsOrEmpty()).extracting(Customer::id).startsWith(TAILSPIN, WOODGROVE);
    assertSent("GET", "/v1/customers?seekOperation=Next", null);
  }

  @Test
  void filterIsSentAsDocumentedJson() {
    CustomerPage page = client().customers(10, CustomerFilter.companyNameStartsWith("north"));

    assertThat(page.itemsOrEmpty())
        .extracting(Customer::companyName)
        .containsExactly("Northwind Traders");
    assertSent(
        "GET",
        "/v1/customers?size=10&filter="
            + "%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22north%22%2C%22Operator%22%3A%22starts_with%22%7D",
        null);
  }

  @Test
  void customerIsReadWithItsCompanyProfile() {
    Customer c = client().customer(FABRIKAM);

    assertThat(c.id()).isEqualTo(FABRIKAM);
    assertThat(c.companyName()).isEqualTo("Fabrikam School District");
    assertThat(c.domain()).isEqualTo("fabrikamschools.onmicrosoft.com");
    assertSent("GET", "/v1/customers/" + FABRIKAM, null);
  }

  @Test
  void unknownCustomerIsA404WithTheIdsSupportNeeds() {
    assertThatThrownBy(() -> client().customer(UNKNOWN))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isPresent();
              assertThat(e.description()).isNotBlank();
              assertThat(e.correlationId()).isEqualTo(CORRELATION);
              assertThat(e.requestId()).matches("[0-9a-f-]{36}");
              assertThat(e.time()).isNotNull();
            });
  }

  @Test
  void legacyQualificationIsParsed() {
    assertThat(client().legacyQualification(FABRIKAM).kind()).contains(QualificationKind.EDUCATION);
    assertThat(client().legacyQualification(TAILSPIN).kind())
        .contains(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD);
    assertThat(client().legacyQualification(NORTHWIND).kind()).contains(QualificationKind.NONE);
    assertSent("GET", "/v1/customers/" + NORTHWIND + "/qualification", null);
  }

  @Test
  void v2QualificationsAreListedWithVetting() {
    List<QualificationRecord> records = client().qualifications(ADATUM);

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value().kind()).contains(QualificationKind.EDUCATION);
              assertThat(r.vettingStatus()).isEqualTo("InReview");
              assertThat(r.vettingCreateDate()).isNotBlank();
            });
    assertThat(client().qualifications(NORTHWIND)).isEmpty();
  }

  @Test
  void gccIsSetThroughTheLegacyPutWithTheIntegerBodyAndTheCode() {
    QualificationValue v =
        client()
            .setLegacyQualification(
                NORTHWIND, QualificationKind.GOVERNMENT_COMMUNITY_CLOUD, "448812");

    assertThat(v.kind()).contains(QualificationKind.GOVERNMENT_COMMUNITY_CLOUD);
    assertSent("PUT", "/v1/customers/" + NORTHWIND + "/qualification?code=448812", "3");
  }

  @Test
  void stateOwnedEntityIsCreatedThroughTheV2Post() {
    QualificationRecord r =
        client().createQualification(FABRIKAM, QualificationRequest.stateOwnedEntity());

    assertThat(r.value().kind()).contains(QualificationKind.STATE_OWNED_ENTITY);
    assertSent(
        "POST",
        "/v1/customers/" + FABRIKAM + "/qualifications",
        "{\"qualification\":\"StateOwnedEntity\"}");
  }

  @Test
  void educationWithSegmentStartsInReview() {
    QualificationRecord r =
        client()
            .createQualification(
                NORTHWIND, QualificationRequest.education("K12", "northwind.example"));

    assertThat(r.value().kind()).contains(QualificationKind.EDUCATION);
    assertThat(r.vettingStatus()).isEqualTo("InReview");
    assertSent(
        "POST",
        "/v1/customers/" + NORTHWIND + "/qualifications",
        "{\"qualification\":\"Education\",\"educationSegment\":\"K12\",\"website\":\"northwind.example\"}");
  }

  @Test
  void noneCannotBeSetAndTheServiceSaysWhy() {
    assertThatThrownBy(
            () -> client().setLegacyQualification(NORTHWIND, QualificationKind.NONE, null))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.description()).isNotBlank();
            });
  }

  @Test
  void validationCodesAreListed() {
    List<ValidationCode> codes = client().validationCodes();

    assertThat(codes).extracting(ValidationCode::validationId).contains("448812", "731200");
    assertThat(codes)
        .filteredOn(c -> c.validationId().equals("731200"))
        .singleElement()
        .satisfies(c -> assertThat(c.exhausted()).isTrue());
    assertThat(codes)
        .filteredOn(c -> c.validationId().equals("448812"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.remainingCreates()).isEqualTo(7);
              assertThat(c.maxCreates()).isEqualTo(10);
              assertThat(c.organizationName()).isNotBlank();
            });
    assertSent("GET", "/v1/customers/all/validations", null);
  }
}
