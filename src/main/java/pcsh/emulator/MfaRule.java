package pcsh.emulator;

import java.util.Map;

/**
 * Partner Center's MFA rule (spec 15): from April 2026 an App+User token whose {@code amr} claim
 * lacks {@code mfa} is refused with 401. Partners report the error code 900421; the description is
 * not published, so the emulator's wording is its own. App-only tokens ({@code roles} and no {@code
 * scp}) are not affected; a token that is not a JWT has no amr and is refused.
 */
final class MfaRule {

  static final int CODE = 900421;

  private MfaRule() {}

  /** Whether the bearer token in {@code authorization} passes the rule. */
  static boolean satisfied(String authorization) {
    BearerClaims claims = BearerClaims.of(authorization);
    return claims.appOnly() || claims.mfa();
  }

  static ApiResponse refusal() {
    return ApiResponse.fault(
        401,
        CODE,
        "MFA required: the access token's sign-in did not use multi-factor authentication (no 'mfa'"
            + " in its amr claim).",
        Map.of("WWW-Authenticate", "Bearer error=\"insufficient_claims\""));
  }
}
