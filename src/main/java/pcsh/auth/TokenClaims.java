package pcsh.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a JWT, read from its payload on this machine. Nothing is checked (signature,
 * issuer, audience): they serve to show and to check locally what a token is for, never to trust
 * it. Holds the claims only, never the token.
 */
public final class TokenClaims {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode claims;

  private TokenClaims(JsonNode claims) {
    this.claims = claims;
  }

  /** The claims of {@code token}; empty when it is not a JWT with a JSON object payload. */
  static Optional<TokenClaims> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) return Optional.empty();
    try {
      JsonNode payload =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return payload != null && payload.isObject()
          ? Optional.of(new TokenClaims(payload))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A claim as text; empty when it is absent or null. */
  Optional<String> text(String claim) {
    return claims.hasNonNull(claim) ? Optional.of(claims.get(claim).asText()) : Optional.empty();
  }

  /** {@code tid}: the tenant that issued the token. */
  public Optional<String> tenantId() {
    return text("tid");
  }

  /** Who the token is for: the user's name for a user token, the app id for an app-only one. */
  public Optional<String> user() {
    return upn().or(() -> text("appid")).or(() -> text("azp"));
  }

  /**
   * The signed-in user's name ({@code upn}, else {@code preferred_username} or {@code
   * unique_name}).
   */
  public Optional<String> upn() {
    return text("upn").or(() -> text("preferred_username")).or(() -> text("unique_name"));
  }

  /** {@code aud}: the resource the token is for (the first one, when it is a list). */
  public Optional<String> audience() {
    JsonNode aud = claims.path("aud");
    if (aud.isArray()) return aud.isEmpty() ? Optional.empty() : Optional.of(aud.get(0).asText());
    return text("aud");
  }

  /** {@code scp}: the delegated scopes (App+User); empty for an app-only token. */
  public List<String> scopes() {
    return text("scp")
        .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
  }

  /** {@code roles}: the application permissions of an app-only token. */
  public List<String> roles() {
    return strings("roles");
  }

  /** {@code amr}: how the user proved who they are, e.g. {@code pwd} and {@code mfa}. */
  public List<String> authMethods() {
    return strings("amr");
  }

  /** Whether {@code amr} names multi-factor authentication. */
  public boolean mfa() {
    return authMethods().stream().anyMatch(m -> m.equalsIgnoreCase("mfa"));
  }

  /**
   * An app-only (client credentials) token: application roles or {@code idtyp=app}, and no
   * delegated scopes.
   */
  public boolean appOnly() {
    return scopes().isEmpty()
        && (!roles().isEmpty() || text("idtyp").map("app"::equalsIgnoreCase).orElse(false));
  }

  /** {@code exp}, when it is a number of seconds. */
  public Optional<Instant> expiresOn() {
    JsonNode exp = claims.path("exp");
    return exp.canConvertToLong()
        ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
        : Optional.empty();
  }

  private List<String> strings(String claim) {
    JsonNode n = claims.path(claim);
    List<String> out = new ArrayList<>();
    if (n.isArray()) n.forEach(x -> out.add(x.asText()));
    else if (n.isTextual()) out.add(n.asText());
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "TokenClaims[aud="
        + audience().orElse("?")
        + ", tid="
        + tenantId().orElse("?")
        + ", appOnly="
        + appOnly()
        + ", mfa="
        + mfa()
        + "]";
  }
}
