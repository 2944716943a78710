package pcsh.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import pcsh.session.Principal;

/**
 * The embedded emulator's demo partner tokens: unsigned JWTs (alg none) whose claims are those of
 * an App+User sign-in with MFA. They grant nothing anywhere but the emulator, which takes any
 * bearer token; they are JWTs so that the claim checks of {@code doctor} and the emulator's MFA
 * rule see the demo partner as a real sign-in.
 */
final class DemoTokens {

  /** 2100-01-01: the demo sign-in does not expire. */
  private static final long NEVER = 4_102_444_800L;

  private DemoTokens() {}

  /** Written by hand, not with Jackson: this runs at start, where no JSON library is loaded yet. */
  static String of(String audience, String scope, Principal demo) {
    String claims =
        "{\"aud\":"
            + quote(audience)
            + ",\"iss\":"
            + quote("https://sts.windows.net/" + demo.tenantId() + "/")
            + ",\"tid\":"
            + quote(demo.tenantId())
            + ",\"upn\":"
            + quote(demo.user())
            + ",\"scp\":"
            + quote(scope)
            + ",\"amr\":[\"pwd\",\"mfa\"],\"exp\":"
            + NEVER
            + "}";
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
