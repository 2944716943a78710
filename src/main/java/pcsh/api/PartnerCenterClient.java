package pcsh.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Feign;
import feign.FeignException;
import feign.RequestInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.Target;
import feign.jackson.JacksonEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import pcsh.session.Redactor;

/**
 * The Partner Center client: Feign over the JDK HttpClient, Jackson, one error decoder. Every
 * request sends {@code Accept}, {@code Authorization}, the session's {@code MS-CorrelationId} and a
 * new {@code MS-RequestId}. Every exchange is recorded once, redacted, in an {@link ExchangeLog}.
 * Reads are retried by {@link RetryingClient} (429, 5xx, connection failures; the same MS-RequestId
 * each time), and a read that got 401 is repeated once the credentials were refreshed; a write is
 * never repeated blindly. {@link #raw()} sends any request ({@code api}) through the same transport
 * chain. (Past 300 lines: one short method per documented endpoint besides the assembly of the one
 * chain they and the raw requests share, and the endpoints belong together.)
 */
public final class PartnerCenterClient {

  public static final String APPLICATION = "pcsh";

  private final Supplier<feign.Client> chain;
  private final Supplier<String> baseUrl;

  /** The base URL, read on each use (the raw requests' and the other clients' base). */
  private final Target<PartnerCenterApi> target;

  private final Supplier<Optional<String>> token;
  private final Supplier<String> correlationId;
  private final Redactor redactor;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** One Feign client per API interface, made on its first call (Feign reads every method). */
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  private final BooleanSupplier refreshAfterUnauthorized;
  private final ExchangeLog exchanges;
  private final java.util.concurrent.atomic.AtomicReference<RateLimiter> limiter =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * @param baseUrl read on every request, so the embedded emulator starts only when a request needs
   *     it
   * @param token the bearer token, read on every request; empty means not signed in
   * @param correlationId the shell session's correlation id
   */
  public PartnerCenterClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Supplier<String> correlationId,
      Duration connectTimeout,
      Duration readTimeout) {
    this(baseUrl, token, correlationId, connectTimeout, readTimeout, () -> false);
  }

  /**
   * @param refreshAfterUnauthorized called once after a read (GET) got 401: true when it got new
   *     credentials, and the read is then sent once more. A write is never repeated.
   */
  public PartnerCenterClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Supplier<String> correlationId,
      Duration connectTimeout,
      Duration readTimeout,
      BooleanSupplier refreshAfterUnauthorized) {
    this(
        baseUrl,
        token,
        correlationId,
        connectTimeout,
        readTimeout,
        refreshAfterUnauthorized,
        new ExchangeLog(),
        RetryPolicy.none(),
        Redactor.shared());
  }

  /**
   * @param exchanges where every exchange is recorded, redacted by {@code redactor}
   * @param retry how reads are retried
   */
  public PartnerCenterClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Supplier<String> correlationId,
      Duration connectTimeout,
      Duration readTimeout,
      BooleanSupplier refreshAfterUnauthorized,
      ExchangeLog exchanges,
      RetryPolicy retry,
      Redactor redactor) {
    this.refreshAfterUnauthorized = refreshAfterUnauthorized;
    this.exchanges = exchanges;
    this.token = token;
    this.correlationId = correlationId;
    this.redactor = redactor;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.baseUrl = baseUrl;
    this.target = Transport.lazyTarget(PartnerCenterApi.class, "partner-center", baseUrl);
    // one transport chain for the Feign interface and for raw requests (`api`), made on first use
    this.chain =
        Transport.once(
            () ->
                new RetryingClient(
                    new GatedClient(
                        new RecordingClient(
                            new OriginGuard(new LazyHttpClient(connectTimeout), baseUrl),
                            exchanges,
                            redactor),
                        limiter::get),
                    retry));
  }

  /** The client's mapper, made when the first request needs it. */
  private static final class Json {
    static final ObjectMapper MAPPER = mapper();
  }

  private PartnerCenterApi api() {
    return api(PartnerCenterApi.class);
  }

  private <A> A api(Class<A> type) {
    return type.cast(apis.computeIfAbsent(type, this::wire));
  }

  /** Feign and Jackson are set up on the first request, not at start (they were a tenth of it). */
  private Object wire(Class<?> type) {
    return Feign.builder()
        .contract(ApiContract.INSTANCE)
        .client(chain.get())
        .encoder(new JacksonEncoder(Json.MAPPER))
        .decoder(new JsonBodyDecoder(Json.MAPPER))
        .errorDecoder(new PartnerCenterErrorDecoder(Json.MAPPER, Clock.systemUTC()))
        .retryer(Retryer.NEVER_RETRY)
        .options(Transport.options(connectTimeout, readTimeout))
        .requestInterceptor(headers(token, correlationId, redactor))
        .target(Transport.lazyTarget(type, "partner-center", baseUrl));
  }

  /**
   * The client's mapper, for the warm-up to set it up ahead of the first request ({@link WarmUp}).
   */
  static ObjectMapper json() {
    return Json.MAPPER;
  }

  /** Tolerant reading: unknown fields are ignored and property names match in any case. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .build();
  }

  public CustomerPage customers(Integer size, CustomerFilter filter) {
    return call(() -> api().customers(size, filter == null ? null : filter.json()));
  }

  public CustomerPage nextCustomers(String continuationToken) {
    return call(() -> api().nextCustomers(continuationToken));
  }

  public Customer customer(String customerId) {
    return call(() -> api().customer(customerId));
  }

  public QualificationValue legacyQualification(String customerId) {
    return QualificationValue.fromLegacy(call(() -> api().legacyQualification(customerId)));
  }

  public List<QualificationRecord> qualifications(String customerId) {
    return QualificationRecord.listFrom(call(() -> api().qualifications(customerId)), Json.MAPPER);
  }

  /**
   * From now on every request (each attempt) waits for a token of {@code l}, and a 429 pauses it;
   * {@code null} removes the limit. A bulk run sets it for its duration, so the shell's other
   * requests share the budget.
   */
  public void rateLimit(RateLimiter l) {
    limiter.set(l);
  }

  /** The limit every request waits for now, or null when there is none. */
  public RateLimiter rateLimiter() {
    return limiter.get();
  }

  /** The exchanges this client made, redacted. */
  public ExchangeLog exchanges() {
    return exchanges;
  }

  /** A new MS-RequestId, for a write whose id is journalled before it is sent. */
  public static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  public QualificationValue setLegacyQualification(
      String customerId, QualificationKind kind, String code) {
    return setLegacyQualification(customerId, kind, code, newRequestId());
  }

  /**
   * The legacy PUT, sent with {@code requestId}.
   *
   * @param requestId the MS-RequestId to send (the service's idempotency key)
   */
  public QualificationValue setLegacyQualification(
      String customerId, QualificationKind kind, String code, String requestId) {
    // the reference documents this PUT's 200 without a body: that reads as "none", which does not
    // show the change, so the writer reads the value back rather than assume it
    return QualificationValue.fromLegacy(
        call(() -> api().setLegacyQualification(customerId, code, kind.wireValue(), requestId)));
  }

  public QualificationRecord createQualification(String customerId, QualificationRequest request) {
    return createQualification(customerId, request, newRequestId());
  }

  /**
   * The V2 POST, sent with {@code requestId}.
   *
   * @param requestId the MS-RequestId to send (the service's idempotency key)
   */
  public QualificationRecord createQualification(
      String customerId, QualificationRequest request, String requestId) {
    List<QualificationRecord> created =
        QualificationRecord.listFrom(
            call(() -> api().createQualification(customerId, request, requestId)), Json.MAPPER);
    return created.stream()
        .filter(
            r ->
                r.value()
                    .kind()
                    .map(k -> k.apiName().equals(request.qualification()))
                    .orElse(false))
        .findFirst()
        .or(() -> created.stream().findFirst())
        .orElse(new QualificationRecord(request.qualification(), null, null, null));
  }

  public List<ValidationCode> validationCodes() {
    List<ValidationCode> codes = call(() -> api().validationCodes());
    return codes == null ? List.of() : codes;
  }

  public PlannedRequest planLegacyPut(String customerId, QualificationKind kind, String code) {
    String path =
        "/v1/customers/"
            + encode(customerId)
            + "/qualification"
            + (code == null ? "" : "?code=" + encode(code));
    return new PlannedRequest("PUT", path, Integer.toString(kind.wireValue()));
  }

  public PlannedRequest planCreate(String customerId, QualificationRequest request) {
    try {
      return new PlannedRequest(
          "POST",
          "/v1/customers/" + encode(customerId) + "/qualifications",
          Json.MAPPER.writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Any request through this client's path, as {@code api} sends it: its headers and ids, origin
   * guard, exchange log, read retries and 401 refresh; errors decoded as every other request's.
   */
  public RawClient raw() {
    return new RawClient(
        target::url,
        chain,
        headers(token, correlationId, redactor),
        // a dry run shows the token's variable, and it is no secret to remember
        headers(() -> Optional.of(TOKEN_VARIABLE), correlationId, new Redactor()),
        "MS-RequestId",
        java.util.Set.of(
            "authorization",
            "ms-correlationid",
            "ms-requestid",
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade"),
        new PartnerCenterErrorDecoder(Json.MAPPER, Clock.systemUTC()),
        Transport.options(connectTimeout, readTimeout),
        TransportFailures::of,
        refreshAfterUnauthorized);
  }

  /** How a dry run shows the token: the variable a user sets for curl. */
  public static final String TOKEN_VARIABLE = "$PCSH_ACCESS_TOKEN";

  /**
   * For the package's other clients ({@link AuditClient}, {@link CustomerResources}): a call to the
   * endpoints of {@code api}, given the base URL it uses.
   */
  <A, T> T send(Class<A> api, BiFunction<A, String, T> request) {
    return call(() -> request.apply(api(api), target.url()));
  }

  private <T> T call(Supplier<T> request) {
    try {
      return once(request);
    } catch (PartnerCenterException e) {
      if (e.status() != 401
          || !"GET".equals(e.method())
          || !refreshAfterUnauthorized.getAsBoolean()) throw e;
      return once(request);
    }
  }

  private <T> T once(Supplier<T> request) {
    try {
      return request.get();
    } catch (RetryableException e) {
      throw TransportFailures.of(e);
    } catch (FeignException e) {
      throw TransportFailures.of(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static RequestInterceptor headers(
      Supplier<Optional<String>> token, Supplier<String> correlationId, Redactor redactor) {
    return template -> {
      String bearer = token.get().orElseThrow(NotSignedInException::new);
      redactor.remember(bearer);
      template.header("Accept", "application/json");
      template.header("Authorization", "Bearer " + bearer);
      template.header("MS-Contract-Version", "v1");
      template.header("MS-PartnerCenter-Application", APPLICATION);
      template.header("MS-CorrelationId", correlationId.get());
      if (!template.headers().containsKey("MS-RequestId")) {
        template.header("MS-RequestId", UUID.randomUUID().toString());
      }
    };
  }
}
