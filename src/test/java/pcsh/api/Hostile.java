package pcsh.api;

import static pcsh.api.HostileServer.bytes;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import pcsh.session.Redactor;

/**
 * The hostile answers of the issue, for each endpoint pcsh calls: what a misbehaving service, proxy
 * or gateway may send instead of the documented JSON. {@link #hostile} gives the bytes of one kind
 * of answer for one endpoint; everything else a test needs answered is the documented answer.
 */
public final class Hostile {

  public static final String ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a41";
  public static final Duration READ_TIMEOUT = Duration.ofMillis(600);

  private Hostile() {}

  /** The kinds of hostile answer. */
  public enum Kind {
    WRONG_TYPES,
    MISSING_FIELDS,
    UNKNOWN_ENUM,
    EMPTY,
    ERROR_BODY,
    INVALID_UTF8,
    FIFTY_MB,
    PROXY_HTML_502,
    TEXT_PLAIN,
    TRICKLE,
    CLOSED_MID_BODY
  }

  /** Each endpoint pcsh calls, with its documented answer and its oddly shaped ones. */
  public enum Endpoint {
    LIST(
        "GET",
        "/v1/customers",
        page(),
        "{\"totalCount\":1,\"items\":\"Northwind\"}",
        "{\"totalCount\":1}",
        "{\"totalCount\":1,\"items\":[{\"id\":\""
            + ID
            + "\",\"relationshipToPartner\":\"wizard\"}]}"),
    NEXT_PAGE(
        "GET",
        "/v1/customers?seekOperation=Next",
        page(),
        "{\"totalCount\":1,\"items\":[{\"id\":\"" + ID + "\",\"companyProfile\":[1,2]}]}",
        "{\"items\":[{\"companyProfile\":{\"companyName\":\"Northwind\"}}]}",
        "{\"items\":[{\"id\":\"" + ID + "\",\"relationshipToPartner\":\"wizard\"}]}"),
    CUSTOMER(
        "GET",
        "/v1/customers/" + ID,
        customer(),
        "{\"id\":\"" + ID + "\",\"companyProfile\":\"Northwind\"}",
        "{\"companyProfile\":{\"companyName\":\"Northwind\"}}",
        "{\"id\":\"" + ID + "\",\"relationshipToPartner\":\"wizard\"}"),
    LEGACY_GET(
        "GET",
        "/v1/customers/" + ID + "/qualification",
        "\"none\"",
        "{\"qualification\":\"education\"}",
        "null",
        "\"platinum\""),
    V2_GET(
        "GET",
        "/v1/customers/" + ID + "/qualifications",
        "[]",
        "[{\"qualification\":[\"Education\"]}]",
        "[{\"vettingStatus\":\"Approved\"}]",
        "[{\"qualification\":\"Platinum\",\"vettingStatus\":\"Escalated\"}]"),
    VALIDATIONS(
        "GET",
        "/v1/customers/all/validations",
        "[{\"validationId\":\"448812\",\"organizationName\":\"Fabrikam County\",\"maxCreates\":10,"
            + "\"remainingCreates\":7}]",
        "[{\"validationId\":\"448812\",\"maxCreates\":\"ten\"}]",
        "[{\"organizationName\":\"Fabrikam County\"}]",
        "[{\"validationId\":\"448812\",\"kind\":\"wizard\",\"remainingCreates\":3}]"),
    LEGACY_PUT(
        "PUT",
        "/v1/customers/" + ID + "/qualification",
        "\"education\"",
        "{\"qualification\":\"education\"}",
        "null",
        "\"platinum\""),
    V2_POST(
        "POST",
        "/v1/customers/" + ID + "/qualifications",
        "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"Approved\"}",
        "{\"qualification\":[\"StateOwnedEntity\"]}",
        "{\"vettingStatus\":\"Approved\"}",
        "{\"qualification\":\"Platinum\"}");

    public final String method;
    public final String target;
    public final String documented;
    final String wrongTypes;
    final String missing;
    final String unknownEnum;

    Endpoint(
        String method,
        String target,
        String documented,
        String wrongTypes,
        String missing,
        String unknownEnum) {
      this.method = method;
      this.target = target;
      this.documented = documented;
      this.wrongTypes = wrongTypes;
      this.missing = missing;
      this.unknownEnum = unknownEnum;
    }

    public boolean write() {
      return !method.equals("GET");
    }

    /** Whether a request is this endpoint's (the next page by its seekOperation). */
    public boolean matches(HostileServer.Received r) {
      if (!r.method().equals(method)) return false;
      if (this == LIST) return r.target().startsWith("/v1/customers?size");
      if (this == NEXT_PAGE) return r.target().equals(target);
      return r.path().equals(target);
    }
  }

  /** The bytes of a {@code kind} answer from {@code e}. */
  public static HostileServer.Answer hostile(Endpoint e, Kind kind) {
    String json = "application/json; charset=utf-8";
    return switch (kind) {
      case WRONG_TYPES -> HostileServer.json(200, e.wrongTypes);
      case MISSING_FIELDS -> HostileServer.json(200, e.missing);
      case UNKNOWN_ENUM -> HostileServer.json(200, e.unknownEnum);
      case EMPTY -> HostileServer.answer(200, json, new byte[0]);
      case ERROR_BODY ->
          HostileServer.json(
              200,
              "{\"code\":800003,\"description\":\"Unexpected service error\",\"data\":[],"
                  + "\"source\":\"PartnerFD\"}");
      case INVALID_UTF8 -> HostileServer.answer(200, json, invalidUtf8());
      case FIFTY_MB -> HostileServer.endless(50L * 1024 * 1024);
      case PROXY_HTML_502 ->
          HostileServer.answer(
              502,
              "text/html",
              bytes(
                  "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                      + "<p>The proxy server received an invalid response from an upstream server."
                      + "</p><hr><address>corp-proxy</address></body></html>\n"));
      case TEXT_PLAIN -> HostileServer.answer(200, "text/plain", bytes("OK"));
      case TRICKLE ->
          // blanks first, so even a 2-byte answer takes 90 s, past the tests' hang guard, unless
          // the read timeout cuts it short
          HostileServer.trickle(200, bytes(" ".repeat(600) + e.documented), Duration.ofMillis(150));
      case CLOSED_MID_BODY ->
          HostileServer.cutOff(200, bytes(e.documented), e.documented.length() + 4000);
    };
  }

  /** The documented answer of each endpoint, with the hostile {@code kind} from {@code bad}. */
  public static HostileServer.Answer route(HostileServer.Received r, Endpoint bad, Kind kind) {
    if (bad.matches(r)) return hostile(bad, kind);
    for (Endpoint e : Endpoint.values()) {
      if (e.matches(r)) return HostileServer.json(e == Endpoint.V2_POST ? 201 : 200, e.documented);
    }
    return HostileServer.json(404, "{\"code\":1000,\"description\":\"Resource not found\"}");
  }

  /** A client as the shell builds it, two read attempts, the short read timeout. */
  public static PartnerCenterClient client(String baseUrl, ExchangeLog log) {
    return client(baseUrl, log, READ_TIMEOUT);
  }

  /**
   * The read timeout that suits {@code kind}: the short one where the timeout is what is tested (a
   * trickle), else one no busy machine reaches, so that a capped or broken answer is not taken for
   * a slow one.
   */
  public static Duration readTimeout(Kind kind) {
    return kind == Kind.TRICKLE ? READ_TIMEOUT : Duration.ofSeconds(30);
  }

  public static PartnerCenterClient client(String baseUrl, ExchangeLog log, Duration readTimeout) {
    return new PartnerCenterClient(
        () -> baseUrl,
        () -> Optional.of("hostile-test-token"),
        () -> "corr-hostile",
        Duration.ofSeconds(2),
        readTimeout,
        () -> false,
        log,
        new RetryPolicy(
            2, Duration.ZERO, Duration.ofSeconds(1), (w, why, n, max) -> {}, new Random(1)),
        Redactor.shared());
  }

  /** The bytes of a JSON document with a string that is not UTF-8. */
  private static byte[] invalidUtf8() {
    byte[] start = bytes("{\"id\":\"");
    byte[] end = bytes("\"}");
    byte[] all = new byte[start.length + 3 + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    all[start.length] = (byte) 0xff;
    all[start.length + 1] = (byte) 0xfe;
    all[start.length + 2] = (byte) 0xc3;
    System.arraycopy(end, 0, all, start.length + 3, end.length);
    return all;
  }

  private static String customer() {
    return "{\"id\":\""
        + ID
        + "\",\"companyProfile\":{\"tenantId\":\""
        + ID
        + "\",\"domain\":\"northwindtraders.onmicrosoft.com\",\"companyName\":\"Northwind Traders\"},"
        + "\"relationshipToPartner\":\"reseller\",\"attributes\":{\"objectType\":\"Customer\"}}";
  }

  private static String page() {
    return "{\"totalCount\":1,\"items\":["
        + customer()
        + "],\"continuationToken\":\"tok\",\"attributes\":{\"objectType\":\"Collection\"}}";
  }
}
