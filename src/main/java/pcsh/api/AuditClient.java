package pcsh.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Partner Center's audit records (spec 14), through the same Feign target, headers, retries and
 * exchange log as {@link PartnerCenterClient}: one window's first page, then each next page as the
 * service links it.
 */
public final class AuditClient {

  /** The largest page asked for: the documented example's size; no maximum is documented. */
  public static final int MAX_PAGE = 500;

  /** Headers pcsh sets itself on every request: a link may not add to them. */
  private static final Set<String> OWN_HEADERS =
      Set.of(
          "authorization",
          "accept",
          "host",
          "content-length",
          "content-type",
          "ms-correlationid",
          "ms-requestid",
          "ms-contract-version",
          "ms-partnercenter-application");

  private final PartnerCenterClient client;

  public AuditClient(PartnerCenterClient client) {
    this.client = client;
  }

  /**
   * {@code GET /v1/auditrecords?startDate=&endDate=&size=[&filter=]}: the window from {@code start}
   * to {@code end} (dates in UTC, at most 30 days apart, start within the last 90 days).
   *
   * @param filter null for none
   */
  public AuditPage first(LocalDate start, LocalDate end, int size, AuditFilter filter) {
    return client.send(
        (api, base) ->
            api.auditRecords(
                start.toString(), end.toString(), size, filter == null ? null : filter.json()));
  }

  /**
   * The page after {@code page}, or empty when it was the last: {@code links.next} is followed as
   * sent, with its header pairs; a page with only a continuation token gets the SDKs' {@code
   * seekOperation=Next} request. The link's path and query are read against pcsh's own base URL, so
   * a link can never send the token to another host.
   */
  public Optional<AuditPage> next(AuditPage page) {
    Optional<String> uri = page.next().map(Link::uri).filter(u -> !u.isBlank());
    Optional<String> path = uri.flatMap(AuditClient::pathAndQuery);
    if (path.isPresent()) {
      Map<String, Object> headers = headers(page.next().get());
      page.token().ifPresent(t -> headers.putIfAbsent("MS-ContinuationToken", t));
      return Optional.of(
          client.send((api, base) -> api.follow(URI.create(base + path.get()), headers)));
    }
    if (uri.isPresent() && page.token().isEmpty()) {
      throw new PartnerCenterException(
          PartnerCenterException.Kind.RESPONSE,
          200,
          null,
          "the next page's link is not a URI: " + uri.get(),
          "GET",
          "/v1/auditrecords",
          null,
          null,
          Instant.now(),
          Optional.empty());
    }
    return page.token().map(t -> client.send((api, base) -> api.nextAuditRecords(t)));
  }

  /**
   * A link's path and query, to be read against pcsh's base URL: relative links omit {@code /v1}
   * (spec 1), and only the path and query of an absolute one are kept; empty when it is no URI.
   */
  static Optional<String> pathAndQuery(String link) {
    URI u;
    try {
      u = new URI(link.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    if (!path.startsWith("/")) path = "/" + path;
    if (!path.regionMatches(true, 0, "/v1/", 0, 4)) path = "/v1" + path;
    return Optional.of(path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
  }

  private static Map<String, Object> headers(Link link) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (link.headers() == null) return out;
    for (Link.Header h : link.headers()) {
      if (h.key() == null || h.value() == null) continue;
      if (OWN_HEADERS.contains(h.key().toLowerCase(Locale.ROOT))) continue;
      if (!h.key().matches("[A-Za-z0-9-]{1,100}")
          || h.value().codePoints().anyMatch(Character::isISOControl)) continue;
      out.put(h.key(), h.value());
    }
    return out;
  }
}
