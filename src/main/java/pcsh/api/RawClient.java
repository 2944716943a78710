package pcsh.api;

import feign.Client;
import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Any request, as the {@code api} command writes it, sent through the very path of its client
 * (Partner Center's, or Microsoft Graph's): the same headers and ids, the same origin guard, the
 * same exchange log and redaction, reads retried as every read, writes never. The answer is handed
 * back whatever its status, body and all; a non-2xx answer also gives the failure the client's own
 * error decoder makes of it, so it is reported as every failure is.
 */
public final class RawClient {

  /** One answer: its status, headers and body as they came. */
  public static final class Answer {
    private final String method;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String requestId;
    private final Supplier<RuntimeException> failure;

    Answer(
        String method,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        String requestId,
        Supplier<RuntimeException> failure) {
      this.method = method;
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.requestId = requestId;
      this.failure = failure;
    }

    public String method() {
      return method;
    }

    public int status() {
      return status;
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The response headers in the order they came, names as the server wrote them. */
    public Map<String, List<String>> headers() {
      return headers;
    }

    /** The body's bytes (empty when none). */
    public byte[] body() {
      return body.clone();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The MS-RequestId (or, for Microsoft Graph, the client-request-id) the request carried. */
    public String requestId() {
      return requestId;
    }

    /**
     * What a non-2xx answer is reported as: a {@link PartnerCenterException} or a Graph failure,
     * with the status, the service's error code and description, and the ids.
     */
    public RuntimeException failure() {
      return failure.get();
    }
  }

  private final Supplier<String> baseUrl;
  private final Supplier<Client> chain;
  private final RequestInterceptor headers;
  private final RequestInterceptor preview;
  private final String idHeader;
  private final Set<String> own;
  private final ErrorDecoder errors;
  private final Request.Options options;
  private final BiFunction<IOException, Request, RuntimeException> noAnswer;
  private final BooleanSupplier refreshAfterUnauthorized;

  /**
   * @param chain the client's transport chain (origin guard, exchange log, retries)
   * @param headers the client's own headers, the token among them
   * @param preview the same headers with the token's variable in place of the token, for a dry run
   * @param idHeader the header of the request's id (MS-RequestId, or Graph's client-request-id)
   * @param own headers that only the client sets (lower case): a caller's are refused
   * @param noAnswer what a request that got no answer (or was not sent) is reported as
   */
  public RawClient(
      Supplier<String> baseUrl,
      Supplier<Client> chain,
      RequestInterceptor headers,
      RequestInterceptor preview,
      String idHeader,
      Set<String> own,
      ErrorDecoder errors,
      Request.Options options,
      BiFunction<IOException, Request, RuntimeException> noAnswer,
      BooleanSupplier refreshAfterUnauthorized) {
    this.baseUrl = baseUrl;
    this.chain = chain;
    this.headers = headers;
    this.preview = preview;
    this.idHeader = idHeader;
    this.own = own;
    this.errors = errors;
    this.options = options;
    this.noAnswer = noAnswer;
    this.refreshAfterUnauthorized = refreshAfterUnauthorized;
  }

  /** The base URL requests go to, without a trailing slash (the embedded emulator starts here). */
  public String baseUrl() {
    String u = baseUrl.get();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /**
   * Checks there is a token to send (a sign-in may renew it): a write is journalled only when it
   * can be sent.
   *
   * @throws NotSignedInException without one
   */
  public void signedIn() {
    headers.apply(new RequestTemplate());
  }

  /**
   * Whether a caller may set this header: not the token, not the ids, not one the HTTP client sets.
   */
  public boolean settable(String name) {
    return !own.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The headers the request would carry, the token shown as its variable: what {@code --dry-run}
   * prints.
   */
  public Map<String, List<String>> preview(Map<String, List<String>> extra, String requestId) {
    return merged(preview, extra, requestId);
  }

  /**
   * Sends {@code method url} with the client's headers, {@code extra} ones (which replace the
   * client's defaults of the same name, e.g. Accept) and {@code body}. A read that got 401 is sent
   * once more when the credentials were refreshed, as every read is.
   *
   * @param body null for none
   * @throws RuntimeException what no answer (a timeout, a refused connection, a request not sent)
   *     is reported as; {@link NotSignedInException} without a token
   */
  public Answer send(
      String method, String url, Map<String, List<String>> extra, byte[] body, String requestId) {
    Answer a = once(method, url, extra, body, requestId);
    if (a.status() == 401 && method.equals("GET") && refreshAfterUnauthorized.getAsBoolean()) {
      return once(method, url, extra, body, requestId);
    }
    return a;
  }

  private Answer once(
      String method, String url, Map<String, List<String>> extra, byte[] body, String requestId) {
    Map<String, Collection<String>> sent = new LinkedHashMap<>(merged(headers, extra, requestId));
    Request request =
        Request.create(
            Request.HttpMethod.valueOf(method), url, sent, body, StandardCharsets.UTF_8, null);
    Response response;
    try {
      response = chain.get().execute(request, options);
    } catch (IOException e) {
      throw noAnswer.apply(e, request);
    }
    byte[] bytes;
    try (InputStream in = response.body() == null ? null : response.body().asInputStream()) {
      bytes = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw noAnswer.apply(e, request);
    }
    Map<String, List<String>> received = new LinkedHashMap<>();
    response.headers().forEach((k, v) -> received.put(k, List.copyOf(v)));
    Response whole = response.toBuilder().body(bytes).build();
    return new Answer(
        method,
        response.status(),
        received,
        bytes,
        requestId,
        () -> (RuntimeException) errors.decode("api", whole));
  }

  /** The client's headers, then the caller's, each replacing a default of the same name. */
  private Map<String, List<String>> merged(
      RequestInterceptor base, Map<String, List<String>> extra, String requestId) {
    for (String name : extra.keySet()) {
      if (!settable(name)) throw new IllegalArgumentException("pcsh sets " + name + " itself");
    }
    RequestTemplate t = new RequestTemplate();
    t.header(idHeader, requestId);
    base.apply(t);
    Map<String, List<String>> out = new LinkedHashMap<>();
    t.headers().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    extra.forEach(
        (name, values) -> {
          out.keySet().removeIf(k -> k.equalsIgnoreCase(name));
          out.put(name, List.copyOf(values));
        });
    return out;
  }
}
