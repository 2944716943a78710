package pcsh.api;

import feign.Client;
import java.time.Duration;
import pcsh.session.Redactor;

/**
 * pcsh's HTTP transport for a Feign client outside this package (the Microsoft Graph client): the
 * JDK HttpClient built on the first request, never following a redirect, each exchange recorded
 * once in {@code log}, redacted by {@code redactor}, so debug output, last-error and the support
 * bundle show it like a Partner Center call.
 */
public final class Transport {

  private Transport() {}

  public static Client recorded(Duration connectTimeout, ExchangeLog log, Redactor redactor) {
    return new RecordingClient(new LazyHttpClient(connectTimeout), log, redactor);
  }
}
