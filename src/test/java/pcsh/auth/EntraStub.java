package pcsh.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import pcsh.session.Principal;
import pcsh.session.Settings;

/**
 * A stub of the Entra ID endpoints for tests: the production authority stays, and a test-only MSAL
 * {@link IHttpClient} sends every sign-in request to a plain-HTTP WireMock, keeping path and query.
 * Only tests build an {@link Authenticator} this way; production code has no switch that redirects
 * sign-in traffic.
 */
public final class EntraStub {

  public static final String TENANT_ID = "11111111-2222-4333-8444-555555555555";
  public static final String USER_OID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
  public static final String UPN = "alice@contosopartner.onmicrosoft.com";
  public static final String TOKEN_PATH = "/organizations/oauth2/v2.0/token";
  public static final String DEVICE_PATH = "/organizations/oauth2/v2.0/devicecode";

  private final Stubbing wm;
  private final String baseUrl;

  public EntraStub(Stubbing wm, String baseUrl) {
    this.wm = wm;
    this.baseUrl = baseUrl;
  }

  /** An Authenticator for a real base URL whose MSAL traffic goes to this stub. */
  public Authenticator authenticator(
      Settings settings, Map<String, String> env, BrowserStub browser) {
    Function<String, String> lookup = env::get;
    return new Authenticator(
        settings,
        lookup,
        new Principal(Principal.AuthKind.EMULATOR_DEMO, "demo", "demo", "demo"),
        new RedirectingHttpClient(baseUrl),
        browser == null ? BrowserStub.none() : browser,
        Clock.systemUTC());
  }

  /**
   * Settings for a real base URL with a random client id, so MSAL's JVM-wide throttling never mixes
   * tests.
   */
  public static Settings settings(java.nio.file.Path home, String baseUrl) {
    return Settings.from(
        Map.of(
                "pcsh.home",
                home.toString(),
                "pcsh.base-url",
                baseUrl,
                "pcsh.auth.client-id",
                UUID.randomUUID().toString())
            ::get);
  }

  // ---- stubs ----

  public void deviceCode(int expiresIn) {
    wm.stubFor(
        post(urlPathEqualTo(DEVICE_PATH))
            .willReturn(
                okJson(
                    "{\"user_code\":\"FQK5HW3UF\","
                        + "\"device_code\":\"DC-secret-123\",\"verification_uri\":\"https://microsoft.com/devicelogin\","
                        + "\"expires_in\":"
                        + expiresIn
                        + ",\"interval\":0,\"message\":\"To sign in, use a web browser to open the"
                        + " page https://microsoft.com/devicelogin and enter the code FQK5HW3UF to authenticate.\"}")));
  }

  /** Answers the token endpoint with {@code pending} errors first, then {@code last}. */
  public void tokenSequence(String path, int pending, ResponseDefinitionBuilder last) {
    String state = Scenario.STARTED;
    for (int i = 0; i < pending; i++) {
      String next = "p" + (i + 1);
      wm.stubFor(
          post(urlPathEqualTo(path))
              .inScenario("token")
              .whenScenarioStateIs(state)
              .willReturn(
                  error(
                      400,
                      "authorization_pending",
                      "AADSTS70016: OAuth 2.0 device flow error. Authorization"
                          + " is pending. Continue polling."))
              .willSetStateTo(next));
      state = next;
    }
    wm.stubFor(
        post(urlPathEqualTo(path)).inScenario("token").whenScenarioStateIs(state).willReturn(last));
  }

  public static ResponseDefinitionBuilder userToken(String at, String rt, int expiresIn) {
    return okJson(
        "{\"token_type\":\"Bearer\",\"scope\":\"https://api.partnercenter.microsoft.com/user_impersonation\","
            + "\"expires_in\":"
            + expiresIn
            + ",\"ext_expires_in\":"
            + expiresIn
            + ",\"access_token\":\""
            + at
            + "\","
            + "\"refresh_token\":\""
            + rt
            + "\",\"id_token\":\""
            + idToken()
            + "\",\"client_info\":\""
            + b64("{\"uid\":\"" + USER_OID + "\",\"utid\":\"" + TENANT_ID + "\"}")
            + "\"}");
  }

  public static ResponseDefinitionBuilder appToken(String at, int expiresIn) {
    return okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + ",\"ext_expires_in\":"
            + expiresIn
            + ",\"access_token\":\""
            + at
            + "\"}");
  }

  public static ResponseDefinitionBuilder error(int status, String error, String description) {
    return error(status, error, description, null);
  }

  public static ResponseDefinitionBuilder error(
      int status, String error, String description, String suberror) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":\""
                + error
                + "\",\"error_description\":\""
                + description
                + " Trace ID: t-1 Correlation ID: c-1\","
                + "\"error_codes\":[1],\"timestamp\":\"2026-11-25 10:00:00Z\",\"trace_id\":\"t-1\",\"correlation_id\":\"c-1\""
                + (suberror == null ? "" : ",\"suberror\":\"" + suberror + "\"")
                + "}");
  }

  static String idToken() {
    long now = Instant.now().getEpochSecond();
    String claims =
        String.format(
            "{\"aud\":\"app\",\"iss\":\"https://login.microsoftonline.com/%s/v2.0\","
                + "\"iat\":%d,\"nbf\":%d,\"exp\":%d,\"name\":\"Alice Test\",\"oid\":\"%s\",\"preferred_username\":\"%s\","
                + "\"sub\":\"sub-1\",\"tid\":\"%s\",\"ver\":\"2.0\"}",
            TENANT_ID, now, now, now + 3600, USER_OID, UPN, TENANT_ID);
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
  }

  static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }

  /**
   * MSAL IHttpClient that sends every request (any host) to the plain-HTTP stub, keeping path and
   * query.
   */
  static final class RedirectingHttpClient implements IHttpClient {
    private final String base;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RedirectingHttpClient(String base) {
      this.base = base;
    }

    @Override
    public IHttpResponse send(HttpRequest req) throws Exception {
      URL u = req.url();
      var b =
          java.net.http.HttpRequest.newBuilder(
                  URI.create(base + u.getPath() + (u.getQuery() == null ? "" : "?" + u.getQuery())))
              .timeout(Duration.ofSeconds(10));
      if (req.headers() != null)
        req.headers()
            .forEach(
                (k, v) -> {
                  if (v != null) b.header(k, v);
                });
      if (req.httpMethod() == HttpMethod.POST) {
        if (req.headerValue("Content-Type") == null)
          b.header("Content-Type", "application/x-www-form-urlencoded");
        b.POST(BodyPublishers.ofString(req.body() == null ? "" : req.body()));
      } else {
        b.GET();
      }
      var r = http.send(b.build(), BodyHandlers.ofString());
      HttpResponse out = new HttpResponse().statusCode(r.statusCode()).body(r.body());
      out.addHeaders(r.headers().map());
      return out;
    }
  }

  /**
   * A browser for tests: none at all, or one that "signs in" by calling the loopback redirect with
   * a code.
   */
  public static final class BrowserStub implements BrowserOpener {
    private final boolean available;
    public volatile String openedUrl;

    private BrowserStub(boolean available) {
      this.available = available;
    }

    public static BrowserStub none() {
      return new BrowserStub(false);
    }

    public static BrowserStub signingIn() {
      return new BrowserStub(true);
    }

    @Override
    public boolean available() {
      return available;
    }

    @Override
    public void open(URL url) throws IOException {
      openedUrl = url.toString();
      Map<String, String> q = new java.util.HashMap<>();
      for (String kv : url.getQuery().split("&")) {
        int i = kv.indexOf('=');
        q.put(kv.substring(0, i), java.net.URLDecoder.decode(kv.substring(i + 1), UTF_8));
      }
      // response_mode=form_post: after the user signs in, the browser posts the code to the
      // loopback redirect
      String form = "code=AUTH-CODE-1&state=" + java.net.URLEncoder.encode(q.get("state"), UTF_8);
      new Thread(
              () -> {
                try {
                  HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(URI.create(q.get("redirect_uri")))
                              .header("Content-Type", "application/x-www-form-urlencoded")
                              .POST(BodyPublishers.ofString(form))
                              .build(),
                          BodyHandlers.discarding());
                } catch (Exception e) {
                  // the test then fails on the sign-in itself
                }
              })
          .start();
    }
  }
}
