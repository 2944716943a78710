package pcsh.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of a JWT, read from its payload on this machine. Nothing is checked (signature,
 * issuer, audience): they serve to show and to check locally what a token is for, never to trust
 * it.
 */
final class TokenClaims {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode claims;

  private TokenClaims(JsonNode claims) {
    this.claims = claims;
  }

  /** The claims of {@code token}; empty when it is not a JWT with a JSON payload. */
  static Optional<TokenClaims> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) return Optional.empty();
    try {
      return Optional.of(
          new TokenClaims(
              JSON.readTree(
                  new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A claim as text; empty when it is absent or null. */
  Optional<String> text(String claim) {
    return claims.hasNonNull(claim) ? Optional.of(claims.get(claim).asText()) : Optional.empty();
  }

  /** {@code tid}: the tenant that issued the token. */
  Optional<String> tenantId() {
    return text("tid");
  }

  /** Who the token is for: the user's name for a user token, the app id for an app-only one. */
  Optional<String> user() {
    return text("upn")
        .or(() -> text("preferred_username"))
        .or(() -> text("unique_name"))
        .or(() -> text("appid"));
  }

  /** {@code exp}, when it is a number of seconds. */
  Optional<Instant> expiresOn() {
    JsonNode exp = claims.path("exp");
    return exp.canConvertToLong()
        ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
        : Optional.empty();
  }
}
