package pcsh.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Reads a JSON body from its bytes. Feign's JacksonDecoder goes through a Reader and works out the
 * charset with a regular expression on every response, which cost as much as the rest of pcsh's
 * request path; JSON is UTF-8 (RFC 8259), and Jackson detects the encoding from the bytes anyway.
 *
 * <p>A 2xx answer pcsh cannot use is a {@link DecodeException} that says why, in words for the user
 * (never Jackson's text, which names Java types): empty, not JSON, an error body, JSON of the wrong
 * shape, or without what pcsh reads from it ({@link Answers}). Only the legacy PUT may answer with
 * no body: its reference documents the 200 and no body.
 */
final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper json;

  JsonBodyDecoder(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.status() == 204) return Util.emptyValueOf(type);
    byte[] bytes = new byte[0];
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        bytes = in.readAllBytes();
      }
    }
    Request request = response.request();
    String method = request.httpMethod().name();
    String path = PartnerCenterException.withoutQuery(request.url());
    if (bytes.length == 0 || isBlank(bytes)) {
      if (method.equals("PUT") && path.endsWith("/qualification")) return null;
      throw unusable(response, "the answer is empty where Partner Center sends JSON");
    }
    JsonNode tree;
    try {
      tree = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw unusable(response, "the answer is " + Answers.notJson(bytes, response.headers()));
    }
    Optional<String> fault = Answers.fault(tree);
    if (fault.isPresent()) {
      throw unusable(
          response,
          "the answer is an error body (" + fault.get() + ") sent with HTTP " + response.status());
    }
    Object value;
    try {
      value = json.readerFor(json.constructType(type)).readValue(tree);
    } catch (JsonMappingException e) {
      throw unusable(response, "the answer is JSON, but " + Answers.wrongType(e));
    }
    Optional<String> missing = Answers.missing(value, tree, path);
    if (missing.isPresent()) throw unusable(response, "the answer is JSON, but " + missing.get());
    return value;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
    return true;
  }

  private static DecodeException unusable(Response response, String why) {
    return new DecodeException(response.status(), why, response.request());
  }
}
