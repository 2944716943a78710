package pcsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Status, JSON body and any extra headers of one response. */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body, Map.of());
  }

  /** The ApiFault shape of spec 9.1, with a numeric code as seen on the wire (Q10). */
  static ApiResponse fault(int status, int code, String description, Map<String, String> headers) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("code", code);
    n.put("description", description);
    n.putArray("data");
    n.put("source", "PartnerCenterEmulator");
    return new ApiResponse(status, n, headers);
  }

  static ApiResponse fault(ApiException e) {
    ApiResponse r = fault(e.status(), e.code(), e.description(), Map.of());
    e.data().forEach(((ObjectNode) r.body()).withArray("data")::add);
    return r;
  }
}
