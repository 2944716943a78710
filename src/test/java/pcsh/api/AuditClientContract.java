package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pcsh.api.DocumentedAudit.END;
import static pcsh.api.DocumentedAudit.START;
import static pcsh.api.DocumentedAudit.TODAY;
import static pcsh.api.PartnerCenterClientContract.CORRELATION;
import static pcsh.api.PartnerCenterClientContract.TAILSPIN;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One contract for the audit client, run against WireMock serving the documented JSON and against
 * the embedded emulator's seeded history of Tailspin County Government.
 */
abstract class AuditClientContract {

  static final AuditFilter BY_TAILSPIN = new AuditFilter(AuditFilter.Field.CUSTOMER_ID, TAILSPIN);

  abstract AuditClient client();

  /**
   * Checks the last request: its path and query, and the continuation token it carried (null for
   * none).
   */
  abstract void assertSent(String pathAndQuery, String continuationToken);

  @Test
  void aWindowIsAskedForWithItsDatesSizeAndOneFilter() {
    AuditPage page = client().first(START, END, 500, BY_TAILSPIN);

    assertThat(page.records())
        .extracting(AuditRecord::operationType)
        .containsExactly(
            "add_customer_user",
            "approve_granular_admin_relationship",
            "update_customer_qualification");
    assertThat(page.hasNext()).isFalse();
    assertSent(
        "/v1/auditrecords?startDate="
            + START
            + "&endDate="
            + END
            + "&size=500&filter="
            + URLEncoder.encode(
                    "{\"Field\":\"CustomerId\",\"Value\":\""
                        + TAILSPIN
                        + "\",\"Operator\":\"equals\"}",
                    StandardCharsets.UTF_8)
                .replace("+", "%20"),
        null);
  }

  @Test
  void theNextPageFollowsTheLinkWithItsContinuationToken() {
    AuditPage first = client().first(START, END, 2, BY_TAILSPIN);
    String token = first.token().orElseThrow();

    AuditPage second = client().next(first).orElseThrow();

    assertThat(first.records()).hasSize(2);
    assertThat(second.records())
        .extracting(AuditRecord::operationType)
        .containsExactly("update_customer_qualification");
    assertThat(second.hasNext()).isFalse();
    assertThat(client().next(second)).isEmpty();
    assertSent(
        "/v1/auditrecords?startDate=" + START + "&endDate=" + END + "&size=2&seekOperation=Next",
        token);
  }

  @Test
  void aQualificationChangeReadsAsDocumented() {
    List<AuditRecord> records = client().first(START, END, 500, BY_TAILSPIN).records();

    assertThat(records)
        .filteredOn(r -> "update_customer_qualification".equals(r.operationType()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.resourceType()).isEqualTo("customer");
              assertThat(r.operationStatus()).isEqualTo("succeeded");
              assertThat(r.customerId()).isEqualTo(TAILSPIN);
              assertThat(r.customerName()).isEqualTo("Tailspin County Government");
              assertThat(r.userPrincipalName())
                  .isEqualTo("admin@contosodemopartner.onmicrosoft.com");
              assertThat(r.applicationId()).isEqualTo("Partner Center Native App");
              assertThat(r.time())
                  .hasValueSatisfying(
                      t -> assertThat(t.toString()).startsWith(TODAY.minusDays(41) + "T10:14:02"));
              assertThat(r.resourceOldValue().isTextual()).isTrue();
              assertThat(r.resourceNewValue().asText()).contains("GovernmentCommunityCloud");
              assertThat(r.id())
                  .startsWith(r.partnerId() + "_" + TAILSPIN + "_update_customer_qualification_");
              assertThat(r.originalCorrelationId()).isNotBlank();
            });
  }

  @Test
  void aStartOverNinetyDaysBackIsRefusedWithTheIds() {
    assertThatThrownBy(() -> client().first(TODAY.minusDays(95), TODAY.minusDays(66), 500, null))
        .isInstanceOfSatisfying(
            PartnerCenterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.description()).contains("90");
              assertThat(e.correlationId()).isEqualTo(CORRELATION);
              assertThat(e.requestId()).isNotBlank();
            });
  }
}
