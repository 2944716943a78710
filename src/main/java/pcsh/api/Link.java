package pcsh.api;

import java.util.List;

/** A link inside a response; its uri is relative to the API root and omits {@code /v1}. */
public record Link(String uri, String method, List<Header> headers) {

  public record Header(String key, String value) {}
}
