package pcsh.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The claims of a JWT, read from its payload on this machine. Nothing is checked (signature,
 * issuer, audience): they serve to show and to check locally what a token is for, never to trust
 * it. Holds the claims only, never the token (one read ahead, {@link #readAhead}, is held until its
 * claims are taken, as the environment holds it anyway).
 */
public final class TokenClaims {

  /**
   * Jackson's streaming parser and its tree nodes, without an ObjectMapper: a command reads the
   * claims of a token from the environment at start, and setting up a mapper cost it 0.04 s. Made
   * on the first read, not when the class is (the main thread hands a read to the warm-up thread).
   */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  private final JsonNode claims;

  private TokenClaims(JsonNode claims) {
    this.claims = claims;
  }

  /** A token's claims being read on another thread, until {@link #parse} takes them. */
  private record Ahead(String token, FutureTask<Optional<TokenClaims>> read) {}

  private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

  /**
   * Has {@code token}'s claims read by whoever runs the task returned (the warm-up thread, as a
   * one-shot command starts), so that Jackson's parser and tree are set up there, not on the main
   * thread; the next {@link #parse} of the same token takes the result, waiting for it if need be,
   * or reads it itself if the task has not begun. The task returns once the claims are read, by
   * either thread, so whatever its thread does next never sets up Jackson alongside that read.
   */
  public static Runnable readAhead(String token) {
    FutureTask<Optional<TokenClaims>> read = new FutureTask<>(() -> read(token));
    AHEAD.set(new Ahead(token, read));
    return () -> {
      read.run();
      done(read);
    };
  }

  private static Optional<TokenClaims> done(FutureTask<Optional<TokenClaims>> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The claims of {@code token}; empty when it is not a JWT with a JSON object payload. */
  public static Optional<TokenClaims> parse(String token) {
    Ahead ahead = AHEAD.get();
    if (ahead == null || !ahead.token().equals(token) || !AHEAD.compareAndSet(ahead, null)) {
      return read(token);
    }
    ahead.read().run(); // nothing when it already ran, or is running on the other thread
    Optional<TokenClaims> claims = done(ahead.read()); // waits for that thread's read
    return claims.isPresent() ? claims : read(token); // none, or it failed: read here
  }

  private static Optional<TokenClaims> read(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) return Optional.empty();
    try {
      JsonNode payload =
          tree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return payload != null && payload.isObject()
          ? Optional.of(new TokenClaims(payload))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The JSON text as a tree, as {@code ObjectMapper.readTree} makes it by default (integers as int,
   * long or big integer nodes, other numbers as doubles, the last of repeated names, nothing read
   * after the value); null for no content.
   */
  static JsonNode tree(String text) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) return null;
      return value(p, first); // what follows the value is not read, as readTree does by default
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (t) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          a.add(value(p, n));
        }
        yield a;
      }
      case VALUE_STRING -> f.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> f.numberNode(p.getIntValue());
            case LONG -> f.numberNode(p.getLongValue());
            default -> f.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> f.booleanNode(true);
      case VALUE_FALSE -> f.booleanNode(false);
      case VALUE_NULL -> f.nullNode();
      default -> throw new JsonParseException(p, "unexpected " + t);
    };
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
