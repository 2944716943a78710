package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;

/**
 * The claims of a request's bearer token as the service reads them (spec 15): the JWT payload,
 * base64url JSON, unverified (the emulator trusts any token). A token that is no JWT has no claims.
 * The emulator's own reader: it shares nothing with pcsh's.
 */
final class BearerClaims {

  private static final BearerClaims NONE = new BearerClaims(null);

  private final JsonNode claims;

  private BearerClaims(JsonNode claims) {
    this.claims = claims;
  }

  /** The claims of the token in an {@code Authorization: Bearer ...} header value. */
  static BearerClaims of(String authorization) {
    if (authorization == null) return NONE;
    String token = authorization.trim().replaceFirst("(?i)^bearer\\s+", "");
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) return NONE;
    try {
      JsonNode n = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8));
      return n != null && n.isObject() ? new BearerClaims(n) : NONE;
    } catch (IOException | IllegalArgumentException e) {
      return NONE;
    }
  }

  /** Whether the token is a JWT the emulator could read. */
  boolean readable() {
    return claims != null;
  }

  /**
   * An app-only (client-credentials) token: a JWT with {@code roles} and no {@code scp}. A token
   * that is no JWT counts as App+User, so opaque test tokens act as the demo partner's user.
   */
  boolean appOnly() {
    return claims != null && !claims.hasNonNull("scp") && claims.path("roles").size() > 0;
  }

  /** Whether the {@code amr} claim says the sign-in used multi-factor authentication. */
  boolean mfa() {
    if (claims == null) return false;
    for (JsonNode m : claims.path("amr")) {
      if (m.asText().equalsIgnoreCase("mfa")) return true;
    }
    return false;
  }
}
