package pcsh.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Reads a JSON body from its bytes. Feign's JacksonDecoder goes through a Reader and works out the
 * charset with a regular expression on every response, which cost as much as the rest of pcsh's
 * request path; JSON is UTF-8 (RFC 8259), and Jackson detects the encoding from the bytes anyway.
 */
final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper json;

  JsonBodyDecoder(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.status() == 404 || response.status() == 204) return Util.emptyValueOf(type);
    if (response.body() == null) return null;
    byte[] bytes;
    try (InputStream in = response.body().asInputStream()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length == 0) return null;
    return json.readValue(bytes, json.constructType(type));
  }
}
