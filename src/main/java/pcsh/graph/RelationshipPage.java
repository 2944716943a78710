package pcsh.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of Graph's collection envelope: {@code value} and, when more follow, the next link. */
record RelationshipPage(
    List<Relationship> value, @JsonProperty("@odata.nextLink") String nextLink) {}
