package pcsh.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import pcsh.api.ExchangeLog;
import pcsh.api.NotSignedInException;
import pcsh.api.OriginGuard;
import pcsh.api.PartnerCenterClient;
import pcsh.api.RawClient;
import pcsh.api.RetryPolicy;
import pcsh.api.Transport;
import pcsh.session.Redactor;

/**
 * The Microsoft Graph client for GDAP: Feign over pcsh's transport (no redirect is followed; every
 * exchange recorded, redacted), Graph's error envelope decoded, and the token sent to the origin of
 * pcsh.graph.base-url only. Every request carries a new {@code client-request-id}. The GDAP reads
 * are not retried: a GDAP check that cannot read Graph says so and lets the user go on ({@link
 * #raw()}, for {@code api --graph}, retries its reads as every Partner Center read is).
 */
public final class GraphClient {

  /** Graph's maximum page size for these collections. */
  public static final int MAX_PAGE = 300;

  /** More pages than this means a next link that never ends. */
  private static final int MAX_PAGES = 100;

  private final Supplier<GraphApi> build;
  private final Supplier<feign.Client> chain;
  private final Supplier<String> root;
  private final Supplier<Optional<String>> token;
  private final Redactor redactor;
  private final RetryPolicy retry;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int pageSize;
  private GraphApi api;

  /**
   * @param baseUrl the Graph root without {@code /v1.0}, read on every request (the embedded
   *     emulator starts only when a request needs it)
   * @param token the Graph bearer token, read on every request; empty means none
   */
  public GraphClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Duration connectTimeout,
      Duration readTimeout,
      ExchangeLog exchanges,
      Redactor redactor) {
    this(baseUrl, token, connectTimeout, readTimeout, exchanges, redactor, MAX_PAGE);
  }

  /**
   * @param pageSize {@code $top} of each request, 1 to {@link #MAX_PAGE}
   */
  public GraphClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Duration connectTimeout,
      Duration readTimeout,
      ExchangeLog exchanges,
      Redactor redactor,
      int pageSize) {
    this(
        baseUrl,
        token,
        connectTimeout,
        readTimeout,
        exchanges,
        redactor,
        pageSize,
        RetryPolicy.none());
  }

  /**
   * @param retry how the reads of {@link #raw()} are retried (the GDAP reads never are)
   */
  public GraphClient(
      Supplier<String> baseUrl,
      Supplier<Optional<String>> token,
      Duration connectTimeout,
      Duration readTimeout,
      ExchangeLog exchanges,
      Redactor redactor,
      int pageSize,
      RetryPolicy retry) {
    if (pageSize < 1 || pageSize > MAX_PAGE)
      throw new IllegalArgumentException("page size " + pageSize);
    this.pageSize = pageSize;
    this.root = () -> withoutSlash(baseUrl.get());
    this.token = token;
    this.redactor = redactor;
    this.retry = retry;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.chain =
        Transport.once(
            () ->
                new OriginGuard(
                    Transport.recorded(connectTimeout, exchanges, redactor),
                    root,
                    GraphClient::otherOrigin));
    // built on first use, mapper included: most commands never ask Graph, and start-up counts
    this.build =
        () -> {
          ObjectMapper json = PartnerCenterClient.mapper();
          return Feign.builder()
              .client(chain.get())
              .decoder(new JacksonDecoder(json))
              .errorDecoder(new GraphErrorDecoder(json))
              .retryer(Retryer.NEVER_RETRY)
              .options(Transport.options(connectTimeout, readTimeout))
              .requestInterceptor(headers(token, redactor))
              .target(Transport.lazyTarget(GraphApi.class, "microsoft-graph", root));
        };
  }

  /**
   * Graph's next links are absolute URLs chosen by whoever answered; one that points elsewhere is
   * refused before anything, the token above all, leaves pcsh.
   */
  private static void otherOrigin(Request request, String allowed, String to) {
    throw new GraphException(
        GraphException.Kind.OTHER_ORIGIN,
        0,
        null,
        "Graph's next link points at "
            + (to == null ? "an invalid address" : to)
            + ", not at "
            + allowed
            + " (pcsh.graph.base-url); nothing was sent there",
        request.httpMethod().name(),
        to == null ? "?" : to,
        null,
        null,
        null);
  }

  /**
   * Any Graph request, as {@code api --graph} sends it: the Graph token, a client-request-id, the
   * origin guard, the exchange log, reads retried as Partner Center reads are, errors in Graph's
   * envelope.
   */
  public RawClient raw() {
    return new RawClient(
        root,
        Transport.once(() -> Transport.retrying(chain.get(), retry)),
        headers(token, redactor),
        headers(() -> Optional.of(TOKEN_VARIABLE), new Redactor()),
        "client-request-id",
        Set.of(
            "authorization",
            "client-request-id",
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade"),
        new GraphErrorDecoder(PartnerCenterClient.mapper()),
        Transport.options(connectTimeout, readTimeout),
        (e, request) ->
            noResponse(
                e,
                request.httpMethod().name(),
                request.url(),
                Transport.header(request.headers(), "client-request-id").orElse(null)),
        () -> false);
  }

  /** How a dry run shows the Graph token: the variable a user sets for curl. */
  public static final String TOKEN_VARIABLE = "$PCSH_GRAPH_ACCESS_TOKEN";

  private synchronized GraphApi api() {
    if (api == null) api = build.get();
    return api;
  }

  /**
   * The partner's relationships with the customer tenant {@code tenantId}, every page. Graph is
   * asked to filter, and the answer is filtered again here, as Microsoft does not document which
   * properties the filter takes.
   */
  public List<Relationship> relationships(String tenantId) {
    String filter = "customer/tenantId eq '" + tenantId.replace("'", "''") + "'";
    List<Relationship> all =
        pages(
            () -> api().relationships(filter, pageSize),
            RelationshipPage::value,
            RelationshipPage::nextLink,
            next -> api().nextRelationships(next));
    return all.stream().filter(r -> tenantId.equalsIgnoreCase(r.tenantId())).toList();
  }

  /** The access assignments of one relationship, every page. */
  public List<AccessAssignment> accessAssignments(String relationshipId) {
    return pages(
        () -> api().accessAssignments(relationshipId, pageSize),
        AssignmentPage::value,
        AssignmentPage::nextLink,
        next -> api().nextAccessAssignments(next));
  }

  private static <P, T> List<T> pages(
      Supplier<P> first,
      Function<P, List<T>> items,
      Function<P, String> next,
      Function<URI, P> follow) {
    List<T> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    P page = call(first);
    for (int n = 1; ; n++) {
      if (items.apply(page) != null) all.addAll(items.apply(page));
      String link = next.apply(page);
      if (link == null || link.isBlank() || n >= MAX_PAGES || !seen.add(link)) return all;
      URI uri;
      try {
        uri = URI.create(link.strip());
      } catch (IllegalArgumentException e) {
        return all; // an unusable link ends the listing with what was read
      }
      page = call(() -> follow.apply(uri));
    }
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RetryableException e) {
      // no response: the connection failed or timed out
      throw noResponse(
          e.getCause() == null ? e : e.getCause(),
          e.method() == null ? "GET" : e.method().name(),
          e.request() == null ? null : e.request().url(),
          e.request() == null
              ? null
              : Transport.header(e.request().headers(), "client-request-id").orElse(null));
    }
  }

  private static GraphException noResponse(
      Throwable cause, String method, String url, String clientRequestId) {
    return new GraphException(
        GraphException.Kind.NO_RESPONSE,
        0,
        null,
        "no response from Microsoft Graph ("
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + ")",
        method,
        url == null ? "?" : GraphException.withoutQuery(url),
        null,
        clientRequestId,
        null);
  }

  private static RequestInterceptor headers(Supplier<Optional<String>> token, Redactor redactor) {
    return template -> {
      String bearer = token.get().orElseThrow(NotSignedInException::new);
      redactor.remember(bearer);
      template.header("Accept", "application/json");
      template.header("Authorization", "Bearer " + bearer);
      if (!template.headers().containsKey("client-request-id")) {
        template.header("client-request-id", UUID.randomUUID().toString());
      }
    };
  }

  private static String withoutSlash(String u) {
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
