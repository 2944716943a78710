package pcsh.emulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * Partner Center's MFA rule (spec 15): from April 2026 an App+User token whose {@code amr} claim
 * lacks {@code mfa} is refused with 401. Partners report the error code 900421; the description is
 * not published, so the emulator's wording is its own. App-only tokens ({@code roles} and no {@code
 * scp}) are not affected; a token that is not a JWT has no amr and is refused. The payload is read
 * as the client reads it, with the emulator's own code: the emulator shares nothing with pcsh.
 */
final class MfaRule {

  static final int CODE = 900421;

  private MfaRule() {}

  /** Whether the bearer token in {@code authorization} passes the rule. */
  static boolean satisfied(String authorization) {
    JsonNode claims = claims(authorization.trim().replaceFirst("(?i)^bearer\\s+", ""));
    if (claims == null) return false;
    boolean appOnly = !claims.hasNonNull("scp") && claims.path("roles").size() > 0;
    if (appOnly) return true;
    for (JsonNode m : claims.path("amr")) {
      if (m.asText().equalsIgnoreCase("mfa")) return true;
    }
    return false;
  }

  static ApiResponse refusal() {
    return ApiResponse.fault(
        401,
        CODE,
        "MFA required: the access token's sign-in did not use multi-factor authentication (no 'mfa'"
            + " in its amr claim).",
        Map.of("WWW-Authenticate", "Bearer error=\"insufficient_claims\""));
  }

  private static JsonNode claims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) return null;
    try {
      JsonNode n = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8));
      return n != null && n.isObject() ? n : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
