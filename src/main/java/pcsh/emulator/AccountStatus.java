package pcsh.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code GET /v1/customers/{id}/validationStatus?type=account} (spec 21): not a collection but
 * {@code {"type", "status", "lastUpdateDateTime"}}. Litware County Library is {@code UnderReview};
 * Tailspin County Government has no account status, which the service answers with 404 in its own
 * error shape (code 600074, {@code errorName} AccountStatusNotFound); every other customer is
 * {@code Allowed}. The date is derived from the customer's id, dated back from the start of the UTC
 * day, and written without a zone as in the documented example. A missing or other {@code type} is
 * 400 / 800002: the emulator's choice, the service's answer is undocumented.
 */
final class AccountStatus {

  private AccountStatus() {}

  static ApiResponse of(Customer c, String type, Instant now) {
    if (type == null || !type.equalsIgnoreCase("account")) {
      throw ApiException.badInput(
          "type must be account" + (type == null ? "" : ", not '" + type + "'") + ".");
    }
    if (c.id().equals(SeedCustomers.TAILSPIN_ID)) {
      String text = "Account Status for the customer, " + c.id() + " was not found.";
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("code", 600074);
      n.put("message", text);
      n.put("description", text);
      n.put("errorName", "AccountStatusNotFound");
      n.put("isRetryable", false);
      n.put("errorMessageExtended", "InternalErrorCode=600074");
      return new ApiResponse(404, n, Map.of());
    }
    boolean review = c.id().equals(SeedCustomers.LITWARE_ID);
    int h = c.id().hashCode() & 0x7fffffff;
    Instant updated =
        now.truncatedTo(ChronoUnit.DAYS)
            .minus(review ? 6 : 30 + h % 700, ChronoUnit.DAYS)
            .plusSeconds(h % 86_400);
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("type", "account");
    n.put("status", review ? "UnderReview" : "Allowed");
    n.put("lastUpdateDateTime", LocalDateTime.ofInstant(updated, ZoneOffset.UTC).toString());
    return ApiResponse.ok(n);
  }
}
