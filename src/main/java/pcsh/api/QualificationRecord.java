package pcsh.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the V2 {@code /qualifications} list. The date is read from the wire's {@code
 * vettingCreateDate} or its other documented spelling, "vettingCreatedDate".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationRecord(
    String qualification,
    String vettingStatus,
    String vettingReason,
    @JsonAlias("vettingCreatedDate") String vettingCreateDate) {

  @JsonIgnore
  public QualificationValue value() {
    return QualificationValue.of(qualification);
  }

  /** A denied qualification does not count as one the customer has. */
  @JsonIgnore
  public boolean denied() {
    return "Denied".equalsIgnoreCase(vettingStatus);
  }

  /** Accepts a bare array, a wrapping {@code {"qualifications": [...]}}, or a single object. */
  static List<QualificationRecord> listFrom(JsonNode node, ObjectMapper json) {
    List<QualificationRecord> out = new ArrayList<>();
    if (node == null || node.isNull()) return out;
    JsonNode list =
        node.isObject() && node.has("qualifications") ? node.get("qualifications") : node;
    Iterable<JsonNode> items = list.isArray() ? list : List.of(list);
    for (JsonNode item : items) {
      if (item.isObject()) {
        out.add(json.convertValue(item, QualificationRecord.class));
      } else if (item.isValueNode()) {
        out.add(new QualificationRecord(item.asText(), null, null, null));
      }
    }
    return out;
  }
}
