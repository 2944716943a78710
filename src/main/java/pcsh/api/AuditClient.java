package pcsh.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Partner Center's audit records (spec 14), through the same Feign target, headers, retries and
 * exchange log as {@link PartnerCenterClient}: one window's first page, then each next page as the
 * service links it.
 */
public final class AuditClient {

  /** The largest page asked for: the documented example's size; no maximum is documented. */
  public static final int MAX_PAGE = 500;

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
        AuditApi.class,
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
      Map<String, Object> headers = NextLink.headers(page.next().get());
      page.token().ifPresent(t -> headers.putIfAbsent("MS-ContinuationToken", t));
      return Optional.of(
          client.send(
              AuditApi.class, (api, base) -> api.follow(URI.create(base + path.get()), headers)));
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
    return page.token()
        .map(t -> client.send(AuditApi.class, (api, base) -> api.nextAuditRecords(t)));
  }

  /** See {@link NextLink#pathAndQuery}. */
  static Optional<String> pathAndQuery(String link) {
    return NextLink.pathAndQuery(link);
  }
}
