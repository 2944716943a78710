package pcsh.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The account validation status (spec 21): Litware UnderReview, Tailspin none (404 600074 in its
 * own shape), every other customer Allowed.
 */
class AccountStatusTest extends ReadsFixture {

  static final String QUERY = "/validationStatus?type=account";

  @Test
  void litwareIsUnderReviewInTheDocumentedShape() {
    JsonNode s = ok(LITWARE + QUERY);

    assertThat(s.path("type").asText()).isEqualTo("account");
    assertThat(s.path("status").asText()).isEqualTo("UnderReview");
    assertThat(s.path("lastUpdateDateTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?");
    assertThat(s.size()).isEqualTo(3);
  }

  @Test
  void otherCustomersNamedOrGeneratedAreAllowed() {
    assertThat(ok(NORTHWIND + QUERY).path("status").asText()).isEqualTo("Allowed");
    assertThat(ok(CONTOSO_LTD + QUERY).path("status").asText()).isEqualTo("Allowed");
    assertThat(ok("/v1/customers/" + Http.generatedId(77) + QUERY).path("status").asText())
        .isEqualTo("Allowed");
    assertThat(ok(NORTHWIND + "/validationstatus?TYPE=Account")).isEqualTo(ok(NORTHWIND + QUERY));
  }

  @Test
  void tailspinHasNoStatusA404InItsOwnErrorShape() {
    HttpResponse<String> r = http.get(TAILSPIN + QUERY);

    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode e = Http.json(r);
    assertThat(e.path("code").asInt()).isEqualTo(600074);
    assertThat(e.path("message").asText())
        .isEqualTo(
            "Account Status for the customer, " + SeedCustomers.TAILSPIN_ID + " was not found.");
    assertThat(e.path("description").asText()).isNotBlank();
    assertThat(e.path("errorName").asText()).isEqualTo("AccountStatusNotFound");
    assertThat(e.path("isRetryable").isBoolean()).isTrue();
    assertThat(e.path("isRetryable").asBoolean()).isFalse();
    assertThat(e.path("errorMessageExtended").asText()).isEqualTo("InternalErrorCode=600074");
    assertThat(e.has("source")).as("not an ApiFault").isFalse();
    assertThat(r.headers().firstValue("MS-RequestId")).isPresent();
  }

  @Test
  void aMissingOrOtherTypeIs400AndAnAppOnlyTokenIs403() {
    assertThat(Http.fault(http.get(NORTHWIND + "/validationStatus"))).isEqualTo("400/800002");
    assertThat(Http.fault(http.get(NORTHWIND + "/validationStatus?type=tax")))
        .isEqualTo("400/800002");
    assertThat(Http.fault(appOnly(NORTHWIND + QUERY))).isEqualTo("403/2032");
  }
}
