package pcsh.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Test-only access to the exception's constructor, which production code reaches only through the
 * decoder.
 */
public final class TestFaults {
  private TestFaults() {}

  public static PartnerCenterException fault(
      int status,
      String code,
      String description,
      String method,
      String url,
      String correlationId,
      String requestId,
      Instant time,
      Optional<Long> retryAfter) {
    return new PartnerCenterException(
        status == 0 ? PartnerCenterException.Kind.CONNECTION : PartnerCenterException.Kind.RESPONSE,
        status,
        code,
        description,
        method,
        url,
        correlationId,
        requestId,
        time,
        retryAfter);
  }
}
