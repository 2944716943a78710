package pcsh.audit;

import java.util.Locale;
import java.util.Optional;
import pcsh.api.AuditFilter;
import pcsh.api.AuditRecord;

/**
 * Which audit records to list. Partner Center filters on one field per request (spec 14.1), so the
 * first of {@code customerId}, {@code company} and {@code resourceType} given is sent as the
 * request's filter and the others, with {@code operation}, are applied to what comes back. Values
 * are compared in any case, as the service compares them; null means any.
 */
public record AuditQuery(
    AuditRange range, String customerId, String company, String resourceType, String operation) {

  /** The one filter the service applies. */
  public Optional<AuditFilter> serviceFilter() {
    if (customerId != null)
      return Optional.of(new AuditFilter(AuditFilter.Field.CUSTOMER_ID, customerId));
    if (company != null)
      return Optional.of(new AuditFilter(AuditFilter.Field.COMPANY_NAME, company));
    if (resourceType != null)
      return Optional.of(new AuditFilter(AuditFilter.Field.RESOURCE_TYPE, resourceType));
    return Optional.empty();
  }

  /** Whether a record the service sent passes the criteria pcsh applies itself. */
  public boolean matches(AuditRecord r) {
    AuditFilter.Field sent = serviceFilter().map(AuditFilter::field).orElse(null);
    return (customerId == null
            || sent == AuditFilter.Field.CUSTOMER_ID
            || customerId.equalsIgnoreCase(nonNull(r.customerId())))
        && (company == null
            || sent == AuditFilter.Field.COMPANY_NAME
            || lower(r.customerName()).contains(lower(company)))
        && (resourceType == null
            || sent == AuditFilter.Field.RESOURCE_TYPE
            || resourceType.equalsIgnoreCase(nonNull(r.resourceType())))
        && (operation == null || operation.equalsIgnoreCase(nonNull(r.operationType())));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String lower(String s) {
    return nonNull(s).toLowerCase(Locale.ROOT);
  }
}
