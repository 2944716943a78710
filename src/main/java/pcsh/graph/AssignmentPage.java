package pcsh.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of access assignments in Graph's collection envelope. */
record AssignmentPage(
    List<AccessAssignment> value, @JsonProperty("@odata.nextLink") String nextLink) {}
