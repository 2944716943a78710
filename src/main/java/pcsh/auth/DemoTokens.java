package pcsh.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoTokens() {}

  static String of(String audience, String scope, Principal demo) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("aud", audience);
    claims.put("iss", "https://sts.windows.net/" + demo.tenantId() + "/");
    claims.put("tid", demo.tenantId());
    claims.put("upn", demo.user());
    claims.put("scp", scope);
    claims.putArray("amr").add("pwd").add("mfa");
    claims.put("exp", NEVER);
    try {
      return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
          + "."
          + b64(JSON.writeValueAsString(claims))
          + ".";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
